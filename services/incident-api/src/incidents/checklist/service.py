"""Use cases of the CPS checklist: read it, write one section. No FastAPI here."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from incidents.checklist import sections as rules
from incidents.checklist.models import ChecklistSection
from incidents.checklist.schemas import ChecklistSectionOut, CpsChecklist
from incidents.incidents.models import Incident
from incidents.incidents.service import recorder_of
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.organisations import OrganisationDirectory
from platform_shared.problems import Forbidden


async def _rows(session: AsyncSession, incident_id: uuid.UUID) -> dict[int, ChecklistSection]:
    rows = await session.scalars(
        select(ChecklistSection).where(ChecklistSection.incident_id == incident_id)
    )
    return {row.section: row for row in rows}


async def carer_completion_times(
    session: AsyncSession, incident_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, datetime | None]:
    """For each incident, when sections 1-8 were all written (None while any is missing)."""
    ids = list(incident_ids)
    written: dict[uuid.UUID, dict[int, datetime]] = {incident_id: {} for incident_id in ids}
    if ids:
        rows = await session.execute(
            select(
                ChecklistSection.incident_id,
                ChecklistSection.section,
                ChecklistSection.completed_at,
            ).where(ChecklistSection.incident_id.in_(ids))
        )
        for incident_id, section, completed_at in rows:
            written[incident_id][section] = completed_at
    return {key: rules.carer_sections_completed_at(value) for key, value in written.items()}


def checklist_of(
    incident: Incident, rows: dict[int, ChecklistSection], now: datetime
) -> CpsChecklist:
    """The checklist view: every section, what is missing, the due time and lateness."""
    due = (
        rules.due_at(incident.police_involved_at)
        if incident.police_involved and incident.police_involved_at is not None
        else None
    )
    completed = rules.carer_sections_completed_at(
        {number: row.completed_at for number, row in rows.items()}
    )
    sections = []
    for number, section in rules.SECTIONS.items():
        row = rows.get(number)
        sections.append(
            ChecklistSectionOut(
                section=number,
                title=section.title,
                written_by=sorted(kind.value for kind in section.writers),
                due_at=due if section.due_with_referral else None,
                content=row.content if row else None,
                completed_by=row.completed_by if row else None,
                completed_at=row.completed_at if row else None,
                updated_by=row.updated_by if row else None,
                updated_at=row.updated_at if row else None,
            )
        )
    return CpsChecklist(
        incident_id=incident.id,
        required=due is not None,
        police_involved_at=incident.police_involved_at,
        due_at=due,
        missing=[number for number in rules.SECTIONS if number not in rows],
        overdue=due is not None and completed is None and now > due,
        carer_sections_completed_at=completed,
        completed_on_time=(completed <= due) if (completed and due) else None,
        sections=sections,
    )


async def read_checklist(
    session: AsyncSession, principal: Principal, incident: Incident, now: datetime
) -> CpsChecklist:
    record_audit(
        session,
        principal,
        "cps_checklist.read",
        subject_type="incident",
        subject_id=incident.id,
        subject_owner=incident.responsible_authority,
    )
    return checklist_of(incident, await _rows(session, incident.id), now)


async def write_section(
    session: AsyncSession,
    principal: Principal,
    incident: Incident,
    section: int,
    content: str,
    *,
    directory: OrganisationDirectory,
    now: datetime,
) -> CpsChecklist:
    """Write (or rewrite) one section; only the organisation kinds of Appendix A may.

    Raises Forbidden when the caller's organisation kind may not write the section.
    """
    kind = recorder_of(principal, directory).kind
    if not rules.may_write(section, kind):
        allowed = ", ".join(sorted(k.value for k in rules.SECTIONS[section].writers))
        raise Forbidden(f"Section {section} is written by: {allowed}; the caller is {kind.value}")
    rows = await _rows(session, incident.id)
    row = rows.get(section)
    if row is None:
        row = ChecklistSection(
            incident_id=incident.id,
            section=section,
            content=content,
            completed_by=principal.org,
            completed_at=now,
            updated_by=principal.org,
            updated_at=now,
        )
        session.add(row)
        rows[section] = row
    else:
        row.content = content
        row.updated_by = principal.org
        row.updated_at = now
    await session.flush()
    record_audit(
        session,
        principal,
        "cps_checklist.write",
        subject_type="incident",
        subject_id=incident.id,
        subject_owner=incident.responsible_authority,
        details={"section": section},
    )
    return checklist_of(incident, rows, now)
