"""Use cases of legal statuses: record a care episode, record the day it ceased.

Each change writes its event to the outbox in the same transaction: `care.started` when a
status is recorded, `care.ended` when its end date is recorded (both, in that order, when a
past episode is recorded with its end date).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.children.repository import CareRecord, load_owned_record
from care_status.etags import require_version
from care_status.events import EventType, emit_event
from care_status.legal_statuses.models import LegalStatus
from care_status.legal_statuses.schemas import LegalStatusCreate
from care_status.status import ADULT_AGE, LegalBasis, birthday, overlaps
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.problems import Invalid, NotFound

SUBJECT = "legal_status"


def _check_dates(
    record: CareRecord, start: date, end: date | None, *, ignore: uuid.UUID | None = None
) -> None:
    """Dates within childhood, end not before start, no overlap with another status."""
    dob = record.child.date_of_birth
    adult = birthday(dob, ADULT_AGE)
    if start < dob:
        raise Invalid("body.start_date", "is before the date of birth")
    if start >= adult:
        raise Invalid("body.start_date", "is on or after the 18th birthday: care ends at 18")
    if end is not None and end < start:
        raise Invalid("body.end_date", "is before the start date")
    if end is not None and end > adult:
        raise Invalid("body.end_date", "is after the 18th birthday: care ends at 18")
    for other in record.legal_statuses:
        if other.id != ignore and overlaps((start, end), (other.start_date, other.end_date)):
            raise Invalid(
                "body.start_date" if ignore is None else "body.end_date",
                f"overlaps the legal status from {other.start_date.isoformat()}",
            )


def _started(status: LegalStatus) -> dict[str, object]:
    return {
        "legal_status_id": str(status.id),
        "basis": status.basis,
        "start_date": status.start_date.isoformat(),
    }


def _ended(status: LegalStatus) -> dict[str, object]:
    assert status.end_date is not None
    return {
        "legal_status_id": str(status.id),
        "basis": status.basis,
        "end_date": status.end_date.isoformat(),
    }


async def add_legal_status(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    data: LegalStatusCreate,
    now: datetime,
) -> LegalStatus:
    """Record a legal status of the caller's child; emits `care.started` (and `care.ended`)."""
    record = await load_owned_record(session, child_id, caller.org, for_update=True)
    if data.short_break and data.basis is not LegalBasis.SECTION_20:
        raise Invalid("body.short_break", "a short break is provided under section 20 only")
    _check_dates(record, data.start_date, data.end_date)
    status = LegalStatus(
        child_id=record.child.id,
        basis=data.basis.value,
        short_break=data.short_break,
        start_date=data.start_date,
        end_date=data.end_date,
        version=1,
    )
    session.add(status)
    await session.flush()
    record.legal_statuses.append(status)
    record_audit(
        session,
        caller,
        "legal_status.create",
        subject_type=SUBJECT,
        subject_id=status.id,
        subject_owner=record.child.responsible_authority,
    )
    emit_event(session, record, EventType.CARE_STARTED, _started(status), now=now)
    if status.end_date is not None:
        emit_event(session, record, EventType.CARE_ENDED, _ended(status), now=now)
    return status


async def end_legal_status(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    status_id: uuid.UUID,
    end_date: date,
    if_match: str | None,
    now: datetime,
) -> LegalStatus:
    """Record (or correct) the day a legal status ceased; emits `care.ended`."""
    record = await load_owned_record(session, child_id, caller.org, for_update=True)
    status = next((s for s in record.legal_statuses if s.id == status_id), None)
    if status is None:
        raise NotFound("No legal status with this id on this child's record")
    require_version(if_match, status.version)
    _check_dates(record, status.start_date, end_date, ignore=status.id)
    status.end_date = end_date
    status.version += 1
    await session.flush()
    record_audit(
        session,
        caller,
        "legal_status.end",
        subject_type=SUBJECT,
        subject_id=status.id,
        subject_owner=record.child.responsible_authority,
    )
    emit_event(session, record, EventType.CARE_ENDED, _ended(status), now=now)
    return status
