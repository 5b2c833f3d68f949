"""HTTP for the monitoring figures, as JSON or CSV."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response

from incidents.auth import ReportsRead
from incidents.dependencies import CareStatus, Directory, Protocols
from incidents.monitoring import service
from incidents.monitoring.schemas import (
    AuthorityRelation,
    MonitoringFigures,
    NationalMeasure,
    ReportFormat,
)
from platform_shared.dependencies import Session
from platform_shared.fields import IsoDate
from platform_shared.problems import Forbidden, ServiceUnavailable, problem_responses
from platform_shared.web.clock import Now

router = APIRouter(prefix="/v1/reports", tags=["reports"])

CSV_MEDIA_TYPE = "text/csv"

_responses: dict[int | str, dict[str, Any]] = problem_responses(Forbidden)
_responses[200] = {
    "description": "The figures, as JSON, or as CSV with `Accept: text/csv` or `?format=csv`",
    "content": {CSV_MEDIA_TYPE: {"schema": {"type": "string"}}},
}


def _wants_csv(format_: ReportFormat | None, accept: str | None) -> bool:
    if format_ is not None:
        return format_ is ReportFormat.CSV
    return CSV_MEDIA_TYPE in (accept or "").lower()


@router.get("/monitoring", response_model=MonitoringFigures, responses=_responses)
async def get_monitoring_figures(
    caller: ReportsRead,
    session: Session,
    directory: Directory,
    protocols: Protocols,
    now: Now,
    start: Annotated[IsoDate, Query(alias="from", description="First day (Europe/London)")],
    end: Annotated[IsoDate, Query(alias="to", description="Last day, inclusive")],
    authority: Annotated[
        str | None, Query(min_length=1, max_length=64, description="Defaults to the caller's")
    ] = None,
    relation: Annotated[
        AuthorityRelation,
        Query(
            description="Children the authority is responsible for, placed in its area, or either"
        ),
    ] = AuthorityRelation.ANY,
    format_: Annotated[ReportFormat | None, Query(alias="format")] = None,
    accept: Annotated[str | None, Header()] = None,
) -> Any:
    """Monitoring figures for the caller's authority and a period (Derbyshire s.11,
    London protocol disproportionality data): incidents dealt with internally, jointly
    with the police with a formal or informal disposal, discontinued by the CPS, each by
    placement type, out-of-area placement, age band, sex, ethnicity, SEND / disability
    and UASC. An incident
    belongs to the period of its Europe/London date. Per-rule notification figures are
    notify-api's (see `notifications.note`)."""
    report = await service.monitoring_figures(
        session,
        caller,
        authority=authority,
        relation=relation,
        start=start,
        end=end,
        directory=directory,
        protocols=protocols,
        now=now,
    )
    if _wants_csv(format_, accept):
        filename = f"monitoring-{report.authority}-{start.isoformat()}-{end.isoformat()}.csv"
        return Response(
            service.figures_csv(report),
            media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    return report


@router.get(
    "/national-measure",
    response_model=NationalMeasure,
    responses=problem_responses(Forbidden, ServiceUnavailable),
)
async def get_national_measure(
    caller: ReportsRead,
    session: Session,
    care_status: CareStatus,
    directory: Directory,
    now: Now,
    year_ending: Annotated[
        IsoDate, Query(description="The 31 March the year ends on (the cohort's day)")
    ],
    authority: Annotated[
        str | None, Query(min_length=1, max_length=64, description="Defaults to the caller's")
    ] = None,
) -> NationalMeasure:
    """The DfE national measure the protocol is judged by (national protocol 1.4
    footnote 2, 10.5): of the children looked after continuously for 12 months or more
    at 31 March, aged 10 or over (the cohort, from care-status-api), how many were
    convicted or given a youth caution or youth conditional caution during the year
    (1 April to 31 March), and what percentage of the cohort they are. 503 while
    care-status-api cannot give the cohort."""
    return await service.national_measure_figures(
        session,
        caller,
        authority=authority,
        year_ending=year_ending,
        care_status=care_status,
        directory=directory,
        now=now,
    )
