"""Monitoring figures of notify-api (rules.md, Monitoring: on time, late, withheld, per rule)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field


class RuleFigures(BaseModel):
    """Counts of one rule's notifications concerning the organisation."""

    rule: str
    basis: str
    notifications: int = Field(description="Required by the rule (withheld ones excluded)")
    acknowledged_on_time: int
    acknowledged_late: int
    open: int = Field(description="Not yet acknowledged, deadline not passed")
    overdue: int = Field(description="Deadline passed, not acknowledged")
    withheld: int = Field(description="Not sent because a rule said not to (no consent)")
    breaches: int = Field(description="Statutory deadlines missed")
    escalations: int
    deliveries_failed: int = Field(description="Pushes that ended `failed`")
    imported: int = Field(
        default=0,
        description="Duties of an import's history (SSDA903): already past on the day of the "
        "import, so never notified, and counted neither late nor as breaches",
    )


class UnmatchedEvents(BaseModel):
    """Events about the organisation's people (it is their responsible authority) stored
    with no rule matching, by type (no person data)."""

    type: str
    count: int


class Figures(BaseModel):
    organisation: str
    period_from: datetime | None
    period_to: datetime | None
    rules: list[RuleFigures]
    unmatched_events: list[UnmatchedEvents]


class SeriesUnit(StrEnum):
    WEEK = "week"
    MONTH = "month"


class FiguresFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


class DutyCounts(BaseModel):
    """What became of the duties (notifications a rule required) of a period."""

    made: int = Field(description="Required by a rule and sent (withheld ones apart)")
    met_on_time: int = Field(description="Acknowledged by the deadline, never overdue")
    met_late: int
    open: int = Field(description="Not acknowledged, deadline not passed")
    overdue: int = Field(description="Deadline passed, not acknowledged")
    withheld: int
    breaches: int = Field(description="Statutory deadlines missed")
    escalations: int = Field(description="Steps of the escalation ladder raised for them")
    on_time_rate: float | None = Field(
        description="met_on_time / rate_denominator; null when the denominator is 0"
    )
    rate_denominator: int = Field(
        description="Duties whose outcome is known: met (on time or late) or overdue"
    )
    median_seconds_to_acknowledge: float | None = Field(
        description="From the notification's making to its acknowledgement"
    )
    p90_seconds_to_acknowledge: float | None = Field(description="90th percentile, nearest rank")
    imported: int = Field(
        default=0,
        description="Duties of an import's history (SSDA903), by the day of the import: "
        "already past then, never notified; in no other count, nor in the rate",
    )


class DutyFiguresRow(DutyCounts):
    """One rule's duties to one recipient organisation."""

    rule: str
    basis: str
    recipient_org: str


class DutySeriesPoint(DutyCounts):
    """Every duty of one week (Monday first) or month, by the day it was made (London)."""

    period_start: date


class DutyFigures(BaseModel):
    """Duties of a period per rule and recipient, and a weekly or monthly series."""

    organisations: list[str] = Field(
        description="The caller's organisation, or the authorities of the partnership"
    )
    partnership: str | None
    period_from: date
    period_to: date = Field(description="The last day, inclusive (Europe/London)")
    series_unit: SeriesUnit
    rows: list[DutyFiguresRow]
    total: DutyCounts
    series: list[DutySeriesPoint]
