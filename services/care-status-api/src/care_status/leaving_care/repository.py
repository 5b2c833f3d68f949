"""Queries of leaving care, the personal adviser and consents: the rows one use case
changes. They are reached through their child, which the use case has already read as the
caller's own (`care_record.service.lock_for_change`); the record as a whole is read by the
care-record reader."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from care_status.leaving_care.models import Consent, LeavingCare, PersonalAdviser


async def leaving_care_of(session: AsyncSession, child_id: uuid.UUID) -> LeavingCare | None:
    return await session.scalar(select(LeavingCare).where(LeavingCare.child_id == child_id))


async def personal_adviser_of(session: AsyncSession, child_id: uuid.UUID) -> PersonalAdviser | None:
    return await session.scalar(select(PersonalAdviser).where(PersonalAdviser.child_id == child_id))


async def consent_of(session: AsyncSession, child_id: uuid.UUID, purpose: str) -> Consent | None:
    return await session.scalar(
        select(Consent).where(Consent.child_id == child_id, Consent.purpose == purpose)
    )


async def add(session: AsyncSession, row: LeavingCare | PersonalAdviser | Consent) -> None:
    session.add(row)
