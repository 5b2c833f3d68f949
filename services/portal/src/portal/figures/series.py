"""Figures over time, from notify-api's `GET /v1/figures/duties`.

Its series is of every rule together; a rule's own series is made here from one answer per
period (each asked for that week or month alone), summing the rule's rows over the
recipient organisations. No HTTP here: the router asks, these functions add up.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from portal.figures.chart import OUTCOMES, Period, period_of

#: Counters summed over a rule's rows (the rate is worked out again from them).
_SUMMED = ("made", "met_on_time", "met_late", "open", "overdue", "withheld", "breaches")


class Unit(StrEnum):
    WEEK = "week"
    MONTH = "month"


#: How far back each series goes: 12 weeks, or 12 months.
SPAN = {Unit.WEEK: 12, Unit.MONTH: 12}


def first_day(today: date, unit: Unit) -> date:
    """The first day of the series ending `today`: 12 weeks back, or 11 months before this
    month's first day (so the series is this month and the 11 before)."""
    if unit is Unit.WEEK:
        return today - timedelta(weeks=SPAN[unit])
    month = today.month - (SPAN[unit] - 1)
    year = today.year + (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def periods_of(document: dict[str, Any]) -> list[Period]:
    """The series of every rule together."""
    return [
        period_of(point, date.fromisoformat(point["period_start"]))
        for point in document.get("series", [])
    ]


def bounds(document: dict[str, Any]) -> list[tuple[date, date]]:
    """Each period of the series as (first day, last day), clipped to the asked period."""
    starts = [date.fromisoformat(point["period_start"]) for point in document.get("series", [])]
    first = date.fromisoformat(document["period_from"])
    last = date.fromisoformat(document["period_to"])
    spans = []
    for index, start in enumerate(starts):
        end = starts[index + 1] - timedelta(days=1) if index + 1 < len(starts) else last
        spans.append((max(start, first), min(end, last)))
    return spans


@dataclass(frozen=True)
class RuleSeries:
    rule: str
    periods: list[Period]
    total: Period

    @property
    def made(self) -> int:
        return self.total.made


def _rate(counts: dict[str, int]) -> tuple[float | None, int]:
    denominator = counts["met_on_time"] + counts["met_late"] + counts["overdue"]
    return (counts["met_on_time"] / denominator if denominator else None), denominator


def _summed(rows: list[dict[str, Any]], start: date) -> Period:
    counts = dict.fromkeys(_SUMMED, 0)
    for row in rows:
        for key in _SUMMED:
            counts[key] += int(row.get(key) or 0)
    rate, denominator = _rate(counts)
    return period_of({**counts, "on_time_rate": rate, "rate_denominator": denominator}, start)


def rule_series(
    whole: dict[str, Any], per_period: list[tuple[date, dict[str, Any]]]
) -> list[RuleSeries]:
    """Each rule with duties in the period: its series (one answer a period) and its total
    (the whole period's answer); rules by their number of duties, most first."""
    rows_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in whole.get("rows", []):
        rows_of[str(row["rule"])].append(row)
    first = date.fromisoformat(whole["period_from"])
    found = []
    for rule, rows in rows_of.items():
        periods = [
            _summed([row for row in answer.get("rows", []) if row["rule"] == rule], start)
            for start, answer in per_period
        ]
        found.append(RuleSeries(rule, periods, _summed(rows, first)))
    found.sort(key=lambda series: (-series.made, series.rule))
    return found


__all__ = ["OUTCOMES", "RuleSeries", "Unit", "bounds", "first_day", "periods_of", "rule_series"]
