"""On-time figures per rule as an SVG bar chart, drawn on the server (no script, no CDN).

Each rule is one horizontal bar split into acknowledged on time, late, open and overdue.
Colours are GOV.UK's and each part is also named in the table beside the chart, so the
chart is never the only way to read a figure.
"""

from __future__ import annotations

from dataclasses import dataclass
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


def bar_chart(figures: list[RuleFigures]) -> str:
    """An accessible SVG (role img, a title and a description) of `figures`."""
    height = ROW_HEIGHT * len(figures) + 40
    width = LABEL_WIDTH + BAR_WIDTH + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="portal-figure" role="img" '
        f'aria-labelledby="chart-title chart-desc" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">',
        '<title id="chart-title">Notifications per rule, by outcome</title>',
        '<desc id="chart-desc">The same figures are in the table below the chart.</desc>',
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
