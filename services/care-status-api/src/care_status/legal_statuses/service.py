"""Use cases of legal statuses: record a care episode, record the day it ceased.

Each change writes its event to the outbox in the same transaction: `care.started` when a
status is recorded, `care.ended` when its end date is recorded (both, in that order, when a
past episode is recorded with its end date). The behaviour is the episodes' own
(`care_status.episodes`); what is particular to legal statuses is below.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.care_record.record import CareRecord, LegalStatusRow
from care_status.episodes.service import Episodes, create_episode, end_episode, read_episode
from care_status.legal_statuses.models import LegalStatus
from care_status.legal_statuses.schemas import LegalStatusCreate
from platform_shared.auth import Principal
from platform_shared.contracts.events import EventType
from platform_shared.contracts.vocabularies import LegalBasis
from platform_shared.problems import Invalid


def _started(status: LegalStatusRow) -> dict[str, object]:
    return {
        "legal_status_id": str(status.id),
        "basis": status.basis.value,
        "start_date": status.start_date.isoformat(),
    }


def _ended(status: LegalStatusRow, _recorded: datetime) -> dict[str, object]:
    assert status.end_date is not None
    return {
        "legal_status_id": str(status.id),
        "basis": status.basis.value,
        "end_date": status.end_date.isoformat(),
    }


LEGAL_STATUSES = Episodes[LegalStatusRow](
    model=LegalStatus,
    subject="legal_status",
    label="legal status",
    rows=lambda record: record.legal_statuses,
    started=EventType.CARE_STARTED,
    ended=EventType.CARE_ENDED,
    started_data=_started,
    ended_data=_ended,
    within_childhood=True,
)


async def add_legal_status(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    data: LegalStatusCreate,
    now: datetime,
) -> LegalStatusRow:
    """Record a legal status of the caller's child; emits `care.started` (and `care.ended`)."""

    def make(record: CareRecord) -> LegalStatus:
        if data.short_break and data.basis is not LegalBasis.SECTION_20:
            raise Invalid("body.short_break", "a short break is provided under section 20 only")
        return LegalStatus(
            child_id=record.child.id,
            basis=data.basis.value,
            short_break=data.short_break,
            start_date=data.start_date,
            end_date=data.end_date,
            version=1,
        )

    return await create_episode(session, caller, LEGAL_STATUSES, child_id, make, now)


async def end_legal_status(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    status_id: uuid.UUID,
    end_date: date,
    if_match: str | None,
    now: datetime,
) -> LegalStatusRow:
    """Record (or correct) the day a legal status ceased; emits `care.ended`."""
    return await end_episode(
        session, caller, LEGAL_STATUSES, child_id, status_id, end_date, if_match, now
    )


async def read_legal_status(
    session: AsyncSession, caller: Principal, child_id: uuid.UUID, episode_id: uuid.UUID
) -> LegalStatusRow:
    """One legal status of the caller's child; audited."""
    return await read_episode(session, caller, LEGAL_STATUSES, child_id, episode_id)
