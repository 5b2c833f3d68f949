"""Figures as SVG charts, drawn on the server (no script, no CDN).

`bar_chart`: each rule one horizontal bar split into acknowledged on time, late, open and
overdue (`GET /v1/figures`). `rate_chart`: the on-time rate of each week or month as a
line (`GET /v1/figures/duties`, its series). `outcome_columns`: the duties made each week
or month, a column split by what became of them. Colours are GOV.UK's; every chart has a
title and a description (`role="img"`), and each page puts a table of the same figures
beside it, so a chart is never the only way to read a figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

PARTS = (
    ("acknowledged_on_time", "On time", "#00703c"),
    ("acknowledged_late", "Late", "#f47738"),
    ("open", "Open", "#1d70b8"),
    ("overdue", "Overdue", "#d4351c"),
)
LABEL_WIDTH = 260
BAR_WIDTH = 420
ROW_HEIGHT = 34


@dataclass(frozen=True)
class RuleFigures:
    rule: str
    counts: dict[str, int]
    total: int

    @property
    def on_time_rate(self) -> str:
        met = self.counts["acknowledged_on_time"] + self.counts["acknowledged_late"]
        if not met:
            return "None acknowledged"
        return f"{round(100 * self.counts['acknowledged_on_time'] / met)}%"


def rule_figures(document: dict[str, Any]) -> list[RuleFigures]:
    figures = []
    for row in document.get("rules", []):
        counts = {key: int(row.get(key) or 0) for key, _, _ in PARTS}
        figures.append(
            RuleFigures(str(row.get("rule")), counts, int(row.get("notifications") or 0))
        )
    return figures


def _svg_open(chart_id: str, width: int, height: int, title: str, description: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="portal-figure" role="img" '
        f'aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc" '
        f'viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )


def bar_chart(figures: list[RuleFigures], chart_id: str = "chart") -> str:
    """An accessible SVG (role img, a title and a description) of `figures`."""
    height = ROW_HEIGHT * len(figures) + 40
    width = LABEL_WIDTH + BAR_WIDTH + 20
    parts = [
        _svg_open(
            chart_id,
            width,
            height,
            "Notifications per rule, by outcome",
            "The same figures are in the table below the chart.",
        )
    ]
    for index, figure in enumerate(figures):
        y = 10 + index * ROW_HEIGHT
        parts.append(
            f'<text x="0" y="{y + 17}" font-size="14" fill="#0b0c0c">{escape(figure.rule)}</text>'
        )
        scale = BAR_WIDTH / max(1, sum(figure.counts.values()))
        x = float(LABEL_WIDTH)
        for key, label, colour in PARTS:
            width_of = figure.counts[key] * scale
            if width_of:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width_of:.1f}" height="24" fill="{colour}">'
                    f"<title>{label}: {figure.counts[key]}</title></rect>"
                )
            x += width_of
    legend_y = 10 + len(figures) * ROW_HEIGHT + 12
    for index, (_, label, colour) in enumerate(PARTS):
        x = LABEL_WIDTH + index * 105
        parts.append(f'<rect x="{x}" y="{legend_y - 11}" width="12" height="12" fill="{colour}"/>')
        parts.append(
            f'<text x="{x + 16}" y="{legend_y}" font-size="13" fill="#0b0c0c">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


#: What became of the duties of a period (`GET /v1/figures/duties`), in the columns' order.
OUTCOMES = (
    ("met_on_time", "Met on time", "#00703c"),
    ("met_late", "Met late", "#f47738"),
    ("open", "Open", "#1d70b8"),
    ("overdue", "Overdue", "#d4351c"),
)
PLOT_LEFT = 56
PLOT_TOP = 16
PLOT_HEIGHT = 180
STEP_WIDTH = 46
AXIS_TEXT = 'font-size="12" fill="#0b0c0c"'


@dataclass(frozen=True)
class Period:
    """The duties of one week (Monday first) or month, by the day each was made."""

    start: date
    counts: dict[str, int]
    made: int
    rate: float | None
    denominator: int

    @property
    def label(self) -> str:
        return f"{self.start.day} {self.start:%b}"

    @property
    def rate_words(self) -> str:
        return f"{round(100 * self.rate)}%" if self.rate is not None else "No outcome yet"


def period_of(point: dict[str, Any], start: date) -> Period:
    """A period from counts as `/v1/figures/duties` gives them (a series point or a row)."""
    counts = {key: int(point.get(key) or 0) for key, _, _ in OUTCOMES}
    rate = point.get("on_time_rate")
    return Period(
        start=start,
        counts=counts,
        made=int(point.get("made") or 0),
        rate=float(rate) if rate is not None else None,
        denominator=int(point.get("rate_denominator") or 0),
    )


def _x_axis(periods: Sequence[Period], baseline: int) -> list[str]:
    parts = [
        f'<line x1="{PLOT_LEFT}" y1="{baseline}" x2="{PLOT_LEFT + STEP_WIDTH * len(periods)}" '
        f'y2="{baseline}" stroke="#0b0c0c"/>'
    ]
    for index, period in enumerate(periods):
        x = PLOT_LEFT + STEP_WIDTH * index + STEP_WIDTH // 2
        parts.append(
            f'<text x="{x}" y="{baseline + 16}" text-anchor="middle" {AXIS_TEXT}>'
            f"{escape(period.label)}</text>"
        )
    return parts


def _y_axis(ticks: Sequence[tuple[float, str]], width: int) -> list[str]:
    """Grid lines at each (fraction of the plot's height, label)."""
    parts = []
    for fraction, label in ticks:
        y = PLOT_TOP + PLOT_HEIGHT * (1 - fraction)
        parts.append(
            f'<line x1="{PLOT_LEFT}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" '
            f'stroke="#b1b4b6" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{PLOT_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" {AXIS_TEXT}>'
            f"{escape(label)}</text>"
        )
    return parts


def rate_chart(periods: Sequence[Period], chart_id: str, title: str) -> str:
    """The on-time rate of each period as a line; a period with no outcome yet is a gap."""
    width = PLOT_LEFT + STEP_WIDTH * max(1, len(periods)) + 16
    height = PLOT_TOP + PLOT_HEIGHT + 30
    baseline = PLOT_TOP + PLOT_HEIGHT
    parts = [
        _svg_open(
            chart_id,
            width,
            height,
            title,
            "On-time rate (met on time, of the duties met or overdue) per period, from 0 to "
            "100%. The same figures are in the table after the chart.",
        ),
        *_y_axis([(0, "0%"), (0.25, "25%"), (0.5, "50%"), (0.75, "75%"), (1, "100%")], width),
        *_x_axis(periods, baseline),
    ]
    segment: list[str] = []
    segments: list[list[str]] = []
    for index, period in enumerate(periods):
        if period.rate is None:
            if segment:
                segments.append(segment)
            segment = []
            continue
        x = PLOT_LEFT + STEP_WIDTH * index + STEP_WIDTH // 2
        y = PLOT_TOP + PLOT_HEIGHT * (1 - period.rate)
        segment.append(f"{x},{y:.1f}")
        parts.append(
            f'<circle cx="{x}" cy="{y:.1f}" r="4" fill="#1d70b8">'
            f"<title>{escape(period.label)}: {period.rate_words}</title></circle>"
        )
    if segment:
        segments.append(segment)
    for points in segments:
        if len(points) > 1:
            parts.insert(
                -1,
                f'<polyline points="{" ".join(points)}" fill="none" stroke="#1d70b8" '
                f'stroke-width="3"/>',
            )
    parts.append("</svg>")
    return "".join(parts)


def outcome_columns(periods: Sequence[Period], chart_id: str, title: str) -> str:
    """The duties made each period, one column split by outcome, with a legend."""
    width = max(PLOT_LEFT + STEP_WIDTH * max(1, len(periods)) + 16, PLOT_LEFT + 4 * 110)
    baseline = PLOT_TOP + PLOT_HEIGHT
    height = baseline + 56
    highest = max([sum(p.counts.values()) for p in periods] + [1])
    top = _nice_ceiling(highest)
    parts = [
        _svg_open(
            chart_id,
            width,
            height,
            title,
            "Duties made per period, each column split into met on time, met late, open and "
            "overdue. The same figures are in the table after the chart.",
        ),
        *_y_axis([(i / 4, f"{round(top * i / 4)}") for i in range(5)], width),
    ]
    scale = PLOT_HEIGHT / top
    for index, period in enumerate(periods):
        x = PLOT_LEFT + STEP_WIDTH * index + 8
        y = float(baseline)
        for key, label, colour in OUTCOMES:
            size = period.counts[key] * scale
            if size:
                y -= size
                parts.append(
                    f'<rect x="{x}" y="{y:.1f}" width="{STEP_WIDTH - 16}" height="{size:.1f}" '
                    f'fill="{colour}"><title>{escape(period.label)}, {label}: '
                    f"{period.counts[key]}</title></rect>"
                )
    parts.extend(_x_axis(periods, baseline))
    legend_y = baseline + 44
    for index, (_, label, colour) in enumerate(OUTCOMES):
        x = PLOT_LEFT + index * 110
        parts.append(f'<rect x="{x}" y="{legend_y - 11}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="{legend_y}" {AXIS_TEXT}>{label}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _nice_ceiling(value: int) -> int:
    """The axis' top: `value` rounded up to 4, 8, 20, 40, 80, 200... (quarters are whole)."""
    top = 4
    while top < value:
        top = top * 2 if str(top)[0] in "24" else top * 5 // 2
    return top
