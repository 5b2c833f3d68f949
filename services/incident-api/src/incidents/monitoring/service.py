"""The monitoring report: gather the authority's incidents of a period and count them."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from incidents.care_status_client import CareStatusClient, CareStatusUnavailable, Reader
from incidents.checklist.service import carer_completion_times, due_at_of
from incidents.incidents.models import Incident
from incidents.monitoring import figures, national_measure, repository
from incidents.monitoring.schemas import (
    AuthorityRelation,
    Breakdowns,
    ChecklistFigures,
    MeasureFigures,
    MeasureYear,
    MonitoringFigures,
    NationalMeasure,
    NotificationFigures,
    ReportPeriod,
)
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.organisations import OrganisationDirectory
from platform_shared.problems import Forbidden, Invalid, ServiceUnavailable
from platform_shared.protocols import LocalProtocols


def _counted(incident: Incident) -> figures.CountedIncident:
    facts = incident.status_facts or {}
    return figures.CountedIncident(
        response_category=incident.response_category,
        outcome=incident.outcome,
        placement_type=facts.get("placement_type"),
        placed_out_of_area=facts.get("placed_out_of_area"),
        age_band=facts.get("age_band"),
        sex=incident.sex,
        ethnicity=incident.ethnicity,
        send_or_disability=incident.send_or_disability,
        uasc=facts.get("uasc"),
    )


def _authorise(
    principal: Principal, authority: str | None, directory: OrganisationDirectory
) -> str:
    if not directory.is_local_authority(principal.org):
        raise Forbidden("Monitoring figures are for local authorities (and their boards)")
    if authority is not None and authority != principal.org:
        raise Forbidden("Figures are given only for the caller's own authority")
    return principal.org


def _measure_figures(count: figures.MeasureCount) -> MeasureFigures:
    return MeasureFigures(
        measure=count.measure.value,
        description=figures.DESCRIPTIONS[count.measure],
        total=count.total,
        breakdown=Breakdowns(
            **{
                dimension: dict(sorted(count.breakdown[dimension].items()))
                for dimension in figures.DIMENSIONS
            }
        ),
    )


async def _checklist_figures(
    session: AsyncSession,
    authority: str,
    incidents: list[Incident],
    now: datetime,
    protocols: LocalProtocols,
) -> ChecklistFigures:
    """Timeliness of the CPS checklists due: police involved, and the child's responsible
    authority adopted the Derbyshire protocol (rules.md Revision 2)."""
    due = {
        incident.id: due_at
        for incident in incidents
        if (due_at := due_at_of(incident, protocols)) is not None
    }
    completion = await carer_completion_times(session, authority, due)
    timeliness = figures.checklist_timeliness(
        ((due_at, completion[incident_id]) for incident_id, due_at in due.items()), now
    )
    return ChecklistFigures(
        required=timeliness.required,
        completed_on_time=timeliness.completed_on_time,
        completed_late=timeliness.completed_late,
        outstanding_not_yet_due=timeliness.outstanding_not_yet_due,
        overdue=timeliness.overdue,
    )


async def monitoring_figures(
    session: AsyncSession,
    principal: Principal,
    *,
    authority: str | None,
    relation: AuthorityRelation,
    start: date,
    end: date,
    directory: OrganisationDirectory,
    protocols: LocalProtocols,
    now: datetime,
) -> MonitoringFigures:
    """The figures of the caller's authority for [start, end] (Europe/London dates).

    Raises Forbidden for a caller that is not a local authority or asks for another's.
    """
    if end < start:
        raise Invalid("query.to", "the period ends before it starts")
    code = _authorise(principal, authority, directory)
    incidents = await repository.incidents_for_figures(session, code, relation, start, end)
    counted = figures.count_measures(_counted(incident) for incident in incidents)
    checklists = await _checklist_figures(session, code, incidents, now, protocols)
    record_audit(
        session,
        principal,
        "report.monitoring",
        subject_type="report",
        subject_owner=code,
        details={"start": start.isoformat(), "end": end.isoformat(), "relation": relation},
    )
    return MonitoringFigures(
        authority=code,
        relation=relation,
        period=ReportPeriod(start=start, end=end),
        generated_at=now,
        incidents_counted=sum(count.total for count in counted),
        measures=[_measure_figures(count) for count in counted],
        records_by_kind=dict(sorted(Counter(i.kind for i in incidents).items())),
        cps_checklists=checklists,
        notifications=NotificationFigures(),
    )


def _disposal(incident: Incident) -> national_measure.Disposal:
    return national_measure.Disposal(
        person_ref=incident.person_ref,
        kind=incident.kind,
        outcome=incident.outcome,
        outcome_date=incident.outcome_date,
        sentenced_on=incident.sentenced_on,
    )


async def national_measure_figures(
    session: AsyncSession,
    principal: Principal,
    *,
    authority: str | None,
    year_ending: date,
    care_status: CareStatusClient,
    directory: OrganisationDirectory,
    now: datetime,
) -> NationalMeasure:
    """The DfE national measure of the caller's authority for the year to `year_ending`.

    The cohort is care-status-api's; the count, the cohort's children with a conviction
    or youth (conditional) caution during the year in the records the authority may read.
    Raises Invalid (`query.year_ending` not a 31 March), Forbidden (not a local
    authority, or another's figures) and ServiceUnavailable (care-status-api cannot give
    the cohort now).
    """
    try:
        first = national_measure.year_ending_on(year_ending)
    except ValueError as error:
        raise Invalid("query.year_ending", str(error)) from error
    code = _authorise(principal, authority, directory)
    try:
        cohort = await care_status.continuously_looked_after(
            code,
            year_ending,
            national_measure.MIN_AGE,
            on_behalf_of=Reader(principal.org, principal.client_id),
        )
    except CareStatusUnavailable as error:
        raise ServiceUnavailable(
            "care-status-api cannot give the cohort of children looked after now; try again"
        ) from error
    disposals = await repository.disposals_of_year(
        session,
        code,
        [outcome.value for outcome in national_measure.COUNTED_OUTCOMES],
        first,
        year_ending,
    )
    counted = national_measure.count_children(
        set(cohort.person_refs), (_disposal(incident) for incident in disposals), first, year_ending
    )
    record_audit(
        session,
        principal,
        "report.national_measure",
        subject_type="report",
        subject_owner=code,
        details={"year_ending": year_ending.isoformat(), "cohort": cohort.count},
    )
    return NationalMeasure(
        authority=code,
        year=MeasureYear(start=first, end=year_ending),
        generated_at=now,
        provisional=local_date(now) <= year_ending,
        cohort=cohort.count,
        count=len(counted.children),
        percentage=national_measure.percentage(len(counted.children), cohort.count),
        convicted=len(counted.convicted),
        youth_cautioned=len(counted.youth_cautioned),
    )


CSV_COLUMNS = (
    "authority",
    "period_start",
    "period_end",
    "measure",
    "dimension",
    "category",
    "count",
)


def figures_csv(report: MonitoringFigures) -> str:
    """The figures as CSV: one row per measure total and per breakdown category."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    prefix = (report.authority, report.period.start.isoformat(), report.period.end.isoformat())
    for measure in report.measures:
        writer.writerow((*prefix, measure.measure, "total", "all", measure.total))
        breakdown = measure.breakdown.model_dump()
        for dimension in figures.DIMENSIONS:
            for category, count in breakdown[dimension].items():
                writer.writerow((*prefix, measure.measure, dimension, category, count))
    for kind, count in report.records_by_kind.items():
        writer.writerow((*prefix, "records", "kind", kind, count))
    for name, count in report.cps_checklists.model_dump().items():
        writer.writerow((*prefix, "cps_checklists", "timeliness", name, count))
    return buffer.getvalue()
