"""Bodies of the monitoring report."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

NOTIFICATIONS_NOTE = (
    "Notifications sent on time, late and withheld (no consent), per rule, are "
    "notify-api's data: it holds the notifications, their deadlines, deliveries, "
    "acknowledgements and withheld decisions. incident-api does not hold them and does "
    "not report them; read them from notify-api for the same authority and period."
)


class AuthorityRelation(StrEnum):
    """Which incidents of an authority: of children it is responsible for, placed in its
    area, or either."""

    ANY = "any"
    RESPONSIBLE = "responsible"
    AREA = "area"


class ReportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


class Breakdowns(BaseModel):
    """Counts by category; categories with no incident are left out."""

    placement_type: dict[str, int]
    out_of_area: dict[str, int]
    age_band: dict[str, int]
    sex: dict[str, int] = Field(description="As reported by the recorder on the incident")
    ethnicity: dict[str, int] = Field(description="As reported by the recorder on the incident")
    send_or_disability: dict[str, int] = Field(
        description="SEND / disability as reported by the recorder on the incident"
    )
    uasc: dict[str, int] = Field(
        description="Unaccompanied asylum-seeking child (`uasc`, `not_uasc`), from the status facts"
    )


class MeasureFigures(BaseModel):
    measure: str
    description: str
    total: int
    breakdown: Breakdowns


class ReportPeriod(BaseModel):
    start: date = Field(description="First day, inclusive")
    end: date = Field(description="Last day, inclusive")
    time_zone: str = "Europe/London"


class ChecklistFigures(BaseModel):
    """CPS checklists due in the period (police involved) and whether sections 1-8 were
    written within 24 hours of police involvement."""

    required: int
    completed_on_time: int
    completed_late: int
    outstanding_not_yet_due: int
    overdue: int


class NotificationFigures(BaseModel):
    source: Literal["notify-api"] = "notify-api"
    included: bool = False
    note: str = NOTIFICATIONS_NOTE


class MonitoringFigures(BaseModel):
    """The protocols' monitoring figures for one authority and period."""

    authority: str
    relation: AuthorityRelation = Field(
        description="Incidents of children the authority is responsible for, placed in "
        "its area, or either"
    )
    period: ReportPeriod
    generated_at: datetime
    incidents_counted: int = Field(description="Incidents with a decision record in the period")
    measures: list[MeasureFigures]
    records_by_kind: dict[str, int] = Field(
        description="All records in the period by kind, police contact records included"
    )
    cps_checklists: ChecklistFigures
    notifications: NotificationFigures


NATIONAL_MEASURE = (
    "Children looked after continuously for 12 months or more at 31 March, aged 10 or "
    "over, convicted or given a youth caution or youth conditional caution during the "
    "year (1 April to 31 March): national protocol 1.4 footnote 2, 10.5"
)


class MeasureYear(BaseModel):
    start: date = Field(description="1 April, inclusive")
    end: date = Field(description="31 March, inclusive (the cohort's day)")
    time_zone: str = "Europe/London"


class NationalMeasure(BaseModel):
    """The DfE national measure for one authority and year ending 31 March."""

    authority: str
    measure: str = NATIONAL_MEASURE
    year: MeasureYear
    generated_at: datetime
    provisional: bool = Field(
        description="The year has not ended yet: the cohort and the count may still change"
    )
    cohort: int = Field(
        description="Children looked after continuously for 12 months or more at 31 March, "
        "aged 10 or over (from care-status-api)"
    )
    count: int = Field(
        description="Children of the cohort convicted or given a youth caution or youth "
        "conditional caution during the year (each child once)"
    )
    percentage: float | None = Field(
        description="count / cohort x 100, one decimal place (as the DfE publishes it); "
        "null for an empty cohort"
    )
    convicted: int = Field(description="Children of the cohort convicted during the year")
    youth_cautioned: int = Field(
        description="Children of the cohort given a youth caution or youth conditional "
        "caution during the year (a child may also be in `convicted`)"
    )
