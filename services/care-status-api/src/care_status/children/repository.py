"""Queries of child records, always scoped to the caller's organisation.

Every statement that reads a child for a caller starts from `children_of(org)` (the
responsible authority's own records) or from a placement in the caller's area; another
organisation's child is therefore a 404 here, in one place.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from care_status.children.models import Child
from care_status.leaving_care.models import Consent, LeavingCare, PersonalAdviser
from care_status.legal_statuses.models import LegalStatus
from care_status.placements.models import Placement
from platform_shared.problems import NotFound

NOTIFY_PERSONAL_ADVISER = "notify_personal_adviser"


@dataclass
class CareRecord:
    """A child and the whole history the status rules read."""

    child: Child
    legal_statuses: list[LegalStatus] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    leaving_care: LeavingCare | None = None
    personal_adviser: PersonalAdviser | None = None
    consents: list[Consent] = field(default_factory=list)

    def consent(self, purpose: str) -> Consent | None:
        return next((c for c in self.consents if c.purpose == purpose), None)


def children_of(org: str) -> Select[Child]:
    """The statement of every child record `org` is the responsible authority for."""
    return select(Child).where(Child.responsible_authority == org)


def _not_found() -> NotFound:
    return NotFound("No child record with this id is visible to your organisation")


async def get_owned_child(
    session: AsyncSession, child_id: uuid.UUID, org: str, *, for_update: bool = False
) -> Child:
    """The child `org` is responsible for; locked for the transaction when it will change."""
    statement = children_of(org).where(Child.id == child_id)
    if for_update:
        statement = statement.with_for_update()
    child = await session.scalar(statement)
    if child is None:
        raise _not_found()
    return child


async def get_child_placed_in_area(
    session: AsyncSession, child_id: uuid.UUID, org: str, today: date
) -> Child:
    """A child with a current or planned placement in `org`'s area (an area authority)."""
    in_area = (
        select(Placement.id)
        .where(
            Placement.child_id == Child.id,
            Placement.area_authority == org,
            or_(Placement.end_date.is_(None), Placement.end_date > today),
        )
        .exists()
    )
    child = await session.scalar(select(Child).where(Child.id == child_id, in_area))
    if child is None:
        raise _not_found()
    return child


async def load_care_record(session: AsyncSession, child: Child) -> CareRecord:
    """The child's history, in date order."""
    legal_statuses = await session.scalars(
        select(LegalStatus)
        .where(LegalStatus.child_id == child.id)
        .order_by(LegalStatus.start_date, LegalStatus.created_at)
    )
    placements = await session.scalars(
        select(Placement)
        .where(Placement.child_id == child.id)
        .order_by(Placement.start_date, Placement.created_at)
    )
    consents = await session.scalars(
        select(Consent).where(Consent.child_id == child.id).order_by(Consent.purpose)
    )
    return CareRecord(
        child=child,
        legal_statuses=list(legal_statuses),
        placements=list(placements),
        leaving_care=await session.scalar(
            select(LeavingCare).where(LeavingCare.child_id == child.id)
        ),
        personal_adviser=await session.scalar(
            select(PersonalAdviser).where(PersonalAdviser.child_id == child.id)
        ),
        consents=list(consents),
    )


async def load_owned_record(
    session: AsyncSession, child_id: uuid.UUID, org: str, *, for_update: bool = False
) -> CareRecord:
    child = await get_owned_child(session, child_id, org, for_update=for_update)
    return await load_care_record(session, child)


async def find_by_person_ref(session: AsyncSession, person_ref: str) -> Child | None:
    """The child with this person_ref, whoever is responsible (platform reads only)."""
    return await session.scalar(select(Child).where(Child.person_ref == person_ref))
