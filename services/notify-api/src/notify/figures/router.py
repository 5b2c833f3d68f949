"""HTTP of the figures: `GET /v1/figures`, `GET /v1/figures/duties` (JSON or CSV)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response

from notify.auth import ReportsRead
from notify.dependencies import AppSettings
from notify.figures import duties, service
from notify.figures.schemas import DutyFigures, Figures, FiguresFormat, SeriesUnit
from platform_shared.calendar import local_date
from platform_shared.dependencies import Session
from platform_shared.fields import (
    QUERY_INSTANT_DESCRIPTION,
    QUERY_PERIOD_END_DESCRIPTION,
    IsoDate,
    QueryInstant,
    QueryPeriodEnd,
)
from platform_shared.problems import Forbidden, Invalid, problem_responses
from platform_shared.web.clock import Now

CSV_MEDIA_TYPE = "text/csv"
_duty_responses: dict[int | str, dict[str, Any]] = problem_responses(Forbidden, Invalid)
_duty_responses[200] = {
    "description": "The figures, as JSON, or as CSV with `Accept: text/csv` or `?format=csv`",
    "content": {CSV_MEDIA_TYPE: {"schema": {"type": "string"}}},
}

router = APIRouter(prefix="/v1/figures", tags=["figures"])


@router.get("", response_model=Figures, responses=problem_responses())
async def get_figures(
    caller: ReportsRead,
    session: Session,
    period_from: Annotated[
        QueryInstant | None,
        Query(alias="from", description=f"From this, included. {QUERY_INSTANT_DESCRIPTION}"),
    ] = None,
    period_to: Annotated[
        QueryPeriodEnd | None, Query(alias="to", description=QUERY_PERIOD_END_DESCRIPTION)
    ] = None,
) -> Figures:
    """Notifications concerning the caller's organisation per rule: on time, late, overdue,
    withheld, statutory breaches, escalations and failed pushes; and events of types no
    rule matched. The period, [from, to), is of the notifications' creation.
    """
    return await service.figures_for(session, caller, start=period_from, end=period_to)


@router.get("/duties", response_model=DutyFigures, responses=_duty_responses)
async def get_duty_figures(
    caller: ReportsRead,
    session: Session,
    settings: AppSettings,
    now: Now,
    period_from: Annotated[
        IsoDate | None,
        Query(alias="from", description="First day (Europe/London); default 12 weeks ago"),
    ] = None,
    period_to: Annotated[
        IsoDate | None, Query(alias="to", description="Last day, inclusive; default today")
    ] = None,
    series: Annotated[SeriesUnit, Query(description="A weekly or monthly series")] = (
        SeriesUnit.WEEK
    ),
    partnership: Annotated[
        str | None,
        Query(
            max_length=100,
            description="A partnership of authorities (setting `partnerships`) the caller's "
            "organisation belongs to: the figures of all its authorities",
        ),
    ] = None,
    format_: Annotated[FiguresFormat | None, Query(alias="format")] = None,
    accept: Annotated[str | None, Header()] = None,
) -> Any:
    """Duties of a period (the day each notification was made, Europe/London) per rule and
    recipient organisation: made, met on time, met late, open, overdue, withheld,
    breaches, escalations; the on-time rate with its denominator; the median and 90th
    percentile time to acknowledgement; a weekly or monthly series. Counts only."""
    end = period_to or local_date(now)
    start = period_from or end - timedelta(weeks=12)
    figures = await duties.duty_figures(
        session,
        caller,
        start=start,
        end=end,
        unit=series,
        partnership=partnership,
        partnerships=settings.partnerships,
        now=now,
    )
    wants_csv = (
        format_ is FiguresFormat.CSV
        if format_ is not None
        else CSV_MEDIA_TYPE in (accept or "").lower()
    )
    if wants_csv:
        return Response(duties.as_csv(figures), media_type=CSV_MEDIA_TYPE)
    return figures
