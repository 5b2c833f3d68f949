"""Duty figures (`GET /v1/figures/duties`): for a period, per rule and recipient, what was
made, met on time or late, left open or overdue, withheld, breached and escalated; the
on-time rate with its denominator; the median and 90th percentile time to acknowledge;
a weekly or monthly series; for the caller's organisation or its partnership.

Computed here from the period's rows (counts and durations only leave: no person).
"""

from __future__ import annotations

import csv
import io
import math
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from notify.duties.views import met_on_time
from notify.figures import repository
from notify.figures.schemas import (
    DutyCounts,
    DutyFigures,
    DutyFiguresRow,
    DutySeriesPoint,
    SeriesUnit,
)
from notify.notifications.models import Notification, NotificationKind, NotificationStatus
from platform_shared.auth import Principal
from platform_shared.calendar import add_months, local_date, start_of_day
from platform_shared.problems import Forbidden, Invalid

_ORIGINALS = (NotificationKind.RULE, NotificationKind.RECURRING)


@dataclass
class _Tally:
    made: int = 0
    met_on_time: int = 0
    met_late: int = 0
    open: int = 0
    overdue: int = 0
    withheld: int = 0
    breaches: int = 0
    escalations: int = 0
    imported: int = 0
    durations: list[float] = field(default_factory=list)

    def add(self, row: Notification, now: datetime) -> None:
        if row.status == NotificationStatus.WITHHELD:
            self.withheld += 1
            return
        if row.status == NotificationStatus.ENDED:
            return  # superseded or ended by an event: no longer a duty
        self.made += 1
        self.breaches += 1 if row.breach else 0
        on_time = met_on_time(row)
        if on_time is not None and row.acknowledged_at is not None:
            self.durations.append((row.acknowledged_at - row.created_at).total_seconds())
            if on_time:
                self.met_on_time += 1
            else:
                self.met_late += 1
        elif row.status == NotificationStatus.OVERDUE or (row.due_at and row.due_at < now):
            self.overdue += 1
        else:
            self.open += 1

    def counts(self) -> DutyCounts:
        denominator = self.met_on_time + self.met_late + self.overdue
        durations = sorted(self.durations)
        return DutyCounts(
            made=self.made,
            met_on_time=self.met_on_time,
            met_late=self.met_late,
            open=self.open,
            overdue=self.overdue,
            withheld=self.withheld,
            breaches=self.breaches,
            escalations=self.escalations,
            on_time_rate=round(self.met_on_time / denominator, 4) if denominator else None,
            rate_denominator=denominator,
            median_seconds_to_acknowledge=median(durations) if durations else None,
            p90_seconds_to_acknowledge=(
                durations[math.ceil(0.9 * len(durations)) - 1] if durations else None
            ),
            imported=self.imported,
        )


def _bucket(day: date, unit: SeriesUnit) -> date:
    if unit == SeriesUnit.MONTH:
        return day.replace(day=1)
    return day - timedelta(days=day.weekday())


def _buckets(start: date, end: date, unit: SeriesUnit) -> list[date]:
    first = _bucket(start, unit)
    days = []
    while first <= end:
        days.append(first)
        first = add_months(first, 1) if unit == SeriesUnit.MONTH else first + timedelta(weeks=1)
    return days


def organisations_of(
    principal: Principal, partnership: str | None, partnerships: Mapping[str, list[str]]
) -> list[str]:
    """The caller's organisation, or the partnership's authorities when it is one of them."""
    if partnership is None:
        return [principal.org]
    members = partnerships.get(partnership)
    if members is None:
        raise Invalid("query.partnership", f"no partnership {partnership!r} is configured")
    if principal.org not in members:
        raise Forbidden("Only the partnership's own authorities read its figures")
    return list(members)


_Key = tuple[str, str, str]


def _tally(
    rows: Iterable[Notification],
    imported: Iterable[Any],
    start: date,
    end: date,
    unit: SeriesUnit,
    now: datetime,
) -> tuple[dict[_Key, _Tally], dict[date, _Tally], _Tally]:
    per_row: dict[_Key, _Tally] = defaultdict(_Tally)
    series: dict[date, _Tally] = {day: _Tally() for day in _buckets(start, end, unit)}
    total = _Tally()
    originals: dict[uuid.UUID, tuple[_Key, date]] = {}
    steps = []
    for row in rows:
        if row.kind == NotificationKind.ESCALATION:
            steps.append(row)
            continue
        if row.kind not in _ORIGINALS:
            continue  # reminders are the ladder's, counted with nothing
        key = (row.rule_id, row.basis, row.recipient_org)
        bucket = _bucket(local_date(row.created_at), unit)
        originals[row.id] = (key, bucket)
        for tally in (per_row[key], series.setdefault(bucket, _Tally()), total):
            tally.add(row, now)
    for step in steps:
        found = originals.get(step.escalation_of) if step.escalation_of else None
        if found is not None:
            key, bucket = found
            for tally in (per_row[key], series[bucket], total):
                tally.escalations += 1
    for rule, basis, recipient, imported_at in imported:
        bucket = _bucket(local_date(imported_at), unit)
        for tally in (
            per_row[(rule, basis, recipient)],
            series.setdefault(bucket, _Tally()),
            total,
        ):
            tally.imported += 1
    return per_row, series, total


async def duty_figures(
    session: AsyncSession,
    principal: Principal,
    *,
    start: date,
    end: date,
    unit: SeriesUnit,
    partnership: str | None,
    partnerships: Mapping[str, list[str]],
    now: datetime,
) -> DutyFigures:
    """The duty figures of [start, end] (London days of the notifications' making)."""
    if end < start:
        raise Invalid("query.to", "before `from`")
    if (end - start).days > 731:
        raise Invalid("query.to", "a period of two years at most")
    orgs = organisations_of(principal, partnership, partnerships)
    period = (start_of_day(start), start_of_day(end + timedelta(days=1)))
    rows = await repository.duty_rows(session, orgs, *period)
    imported = await repository.imported_duty_rows(session, orgs, *period)
    per_row, series, total = _tally(rows, imported, start, end, unit, now)
    return DutyFigures(
        organisations=orgs,
        partnership=partnership,
        period_from=start,
        period_to=end,
        series_unit=unit,
        rows=[
            DutyFiguresRow(rule=rule, basis=basis, recipient_org=org, **tally.counts().model_dump())
            for (rule, basis, org), tally in sorted(per_row.items())
        ],
        total=total.counts(),
        series=[
            DutySeriesPoint(period_start=day, **tally.counts().model_dump())
            for day, tally in sorted(series.items())
        ],
    )


_COUNT_COLUMNS = list(DutyCounts.model_fields)


def as_csv(figures: DutyFigures) -> str:
    """The figures as CSV: a line per rule and recipient (`period` all), then the total and
    a line per period of the series (rule `*`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "rule", "basis", "recipient_org", *_COUNT_COLUMNS])
    whole = f"{figures.period_from.isoformat()}/{figures.period_to.isoformat()}"
    for row in figures.rows:
        values = row.model_dump()
        writer.writerow(
            [whole, row.rule, row.basis, row.recipient_org, *(values[c] for c in _COUNT_COLUMNS)]
        )
    totals = figures.total.model_dump()
    writer.writerow([whole, "*", "*", "*", *(totals[c] for c in _COUNT_COLUMNS)])
    for point in figures.series:
        values = point.model_dump()
        period = f"{figures.series_unit}:{point.period_start.isoformat()}"
        writer.writerow([period, "*", "*", "*", *(values[c] for c in _COUNT_COLUMNS)])
    return out.getvalue()
