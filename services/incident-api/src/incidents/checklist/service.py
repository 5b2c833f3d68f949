"""Use cases of the CPS checklist: read it, write one section. No FastAPI here."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from incidents.checklist import repository
from incidents.checklist import sections as rules
from incidents.checklist.models import ChecklistSection
from incidents.checklist.schemas import ChecklistSectionOut, CpsChecklist
from incidents.incidents.models import Incident
from incidents.incidents.service import recorder_of
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.organisations import OrganisationDirectory
from platform_shared.problems import Conflict, Forbidden
from platform_shared.protocols import LocalProtocols


async def carer_completion_times(
    session: AsyncSession, org: str, incident_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, datetime | None]:
    """For each incident, when sections 1-8 were all written (None while any is missing)."""
    written = await repository.completion_times(session, org, list(incident_ids))
    return {key: rules.carer_sections_completed_at(value) for key, value in written.items()}


def due_at_of(incident: Incident, protocols: LocalProtocols) -> datetime | None:
    """When sections 1-8 are due (police involvement + 24 hours), or None when no
    checklist is due: the police are not involved, or the child's responsible authority
    has not adopted the Derbyshire protocol (or is not known yet)."""
    if not rules.protocol_applies(incident.responsible_authority, protocols):
        return None
    if incident.police_involved and incident.police_involved_at is not None:
        return rules.due_at(incident.police_involved_at)
    return None


def _section_view(
    number: int, section: rules.Section, row: ChecklistSection | None, due: datetime | None
) -> ChecklistSectionOut:
    return ChecklistSectionOut(
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


def checklist_of(
    incident: Incident,
    rows: dict[int, ChecklistSection],
    now: datetime,
    protocols: LocalProtocols,
) -> CpsChecklist:
    """The checklist view: every section, what is missing, the due time and lateness."""
    due = due_at_of(incident, protocols)
    applies = rules.protocol_applies(incident.responsible_authority, protocols)
    completed = rules.carer_sections_completed_at(
        {number: row.completed_at for number, row in rows.items()}
    )
    return CpsChecklist(
        incident_id=incident.id,
        required=due is not None,
        protocol_applies=applies,
        not_required_reason=(
            rules.not_adopted_reason(incident.responsible_authority)
            if applies is False and incident.responsible_authority is not None
            else None
        ),
        police_involved_at=incident.police_involved_at,
        due_at=due,
        missing=[number for number in rules.SECTIONS if number not in rows],
        overdue=due is not None and completed is None and now > due,
        carer_sections_completed_at=completed,
        completed_on_time=(completed <= due) if (completed and due) else None,
        sections=[
            _section_view(number, section, rows.get(number), due)
            for number, section in rules.SECTIONS.items()
        ],
    )


async def read_checklist(
    session: AsyncSession,
    principal: Principal,
    incident: Incident,
    now: datetime,
    *,
    protocols: LocalProtocols,
) -> CpsChecklist:
    record_audit(
        session,
        principal,
        "cps_checklist.read",
        subject_type="incident",
        subject_id=incident.id,
        subject_owner=incident.responsible_authority,
    )
    rows = await repository.sections_of(session, principal.org, incident.id)
    return checklist_of(incident, rows, now, protocols)


def _check_writer(principal: Principal, section: int, directory: OrganisationDirectory) -> None:
    """Only the organisation kinds of Appendix A write a section (else Forbidden)."""
    kind = recorder_of(principal, directory).kind
    if not rules.may_write(section, kind):
        allowed = ", ".join(sorted(k.value for k in rules.SECTIONS[section].writers))
        raise Forbidden(f"Section {section} is written by: {allowed}; the caller is {kind.value}")


def _written(
    rows: dict[int, ChecklistSection],
    incident: Incident,
    section: int,
    content: str,
    org: str,
    now: datetime,
) -> ChecklistSection | None:
    """The section with its new text: a new row (returned, to add), or the row rewritten."""
    row = rows.get(section)
    if row is not None:
        row.content, row.updated_by, row.updated_at = content, org, now
        return None
    row = ChecklistSection(
        incident_id=incident.id,
        section=section,
        content=content,
        completed_by=org,
        completed_at=now,
        updated_by=org,
        updated_at=now,
    )
    rows[section] = row
    return row


async def write_section(
    session: AsyncSession,
    principal: Principal,
    incident: Incident,
    section: int,
    content: str,
    *,
    directory: OrganisationDirectory,
    protocols: LocalProtocols,
    now: datetime,
) -> CpsChecklist:
    """Write (or rewrite) one section; only the organisation kinds of Appendix A may.

    Raises Forbidden when the caller's organisation kind may not write the section, and
    Conflict when the child's responsible authority has not adopted the Derbyshire
    protocol (a checklist nobody will use must not look like a duty met).
    """
    _check_writer(principal, section, directory)
    responsible = incident.responsible_authority
    if responsible is not None and rules.protocol_applies(responsible, protocols) is False:
        raise Conflict(rules.not_adopted_reason(responsible))
    rows = await repository.sections_of(session, principal.org, incident.id)
    new_row = _written(rows, incident, section, content, principal.org, now)
    if new_row is not None:
        session.add(new_row)
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
    return checklist_of(incident, rows, now, protocols)
