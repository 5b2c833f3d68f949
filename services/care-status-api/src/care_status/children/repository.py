"""Queries of child records, always scoped to the caller's organisation.

Every statement that reads a child for a caller starts from `children_of(org)` (the
responsible authority's own records) or from a placement in the caller's area; another
organisation's child is therefore a 404 here, in one place.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Select,
    String,
    bindparam,
    cast,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import BindParameter

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


def _history_statement() -> Select[Any]:
    """The whole history of one child (`:child_id`) in one round trip, every table's rows
    in one column layout: kind, id, child_id, created_at, updated_at, version, s1..s3
    (strings), b1 (boolean), d1, d2 (dates)."""
    child_id: BindParameter[uuid.UUID] = bindparam("child_id")
    no_text, no_flag, no_day = cast(null(), String), cast(null(), Boolean), cast(null(), Date)

    def branch(model: Any, kind: str, *columns: Any) -> Select[Any]:
        return select(
            literal_column(f"'{kind}'").label("kind"),
            model.id,
            model.child_id,
            model.created_at,
            model.updated_at,
            model.version,
            *columns,
        ).where(model.child_id == child_id)

    return union_all(
        branch(
            LegalStatus,
            "legal_status",
            LegalStatus.basis.label("s1"),
            no_text.label("s2"),
            no_text.label("s3"),
            LegalStatus.short_break.label("b1"),
            LegalStatus.start_date.label("d1"),
            LegalStatus.end_date.label("d2"),
        ),
        branch(
            Placement,
            "placement",
            Placement.placement_type,
            Placement.area_authority,
            Placement.provider,
            Placement.emergency,
            Placement.start_date,
            Placement.end_date,
        ),
        branch(
            LeavingCare,
            "leaving_care",
            LeavingCare.category_override,
            no_text,
            no_text,
            no_flag,
            LeavingCare.left_care_on,
            no_day,
        ),
        branch(
            PersonalAdviser,
            "personal_adviser",
            PersonalAdviser.name,
            PersonalAdviser.contact_route,
            no_text,
            no_flag,
            PersonalAdviser.appointed_on,
            no_day,
        ),
        branch(
            Consent,
            "consent",
            Consent.purpose,
            Consent.recorded_by,
            no_text,
            Consent.given,
            Consent.recorded_on,
            no_day,
        ),
    )  # type: ignore[return-value]


#: Built once: compiled once and cached by SQLAlchemy, executed with the child's id.
_HISTORY = _history_statement()


async def read_care_record(session: AsyncSession, child: Child) -> CareRecord:
    """The child's history in date order, for reading only (lookups, status facts).

    One statement instead of `load_care_record`'s five; the history rows are complete but
    not attached to the session, so nothing read here can be changed and flushed (the
    writes use `load_care_record`).
    """
    record = CareRecord(child=child)
    rows = await session.execute(_HISTORY, {"child_id": child.id})
    for row in rows:
        common = {
            "id": row.id,
            "child_id": row.child_id,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
            "version": row.version,
        }
        if row.kind == "legal_status":
            record.legal_statuses.append(
                LegalStatus(
                    **common,
                    basis=row.s1,
                    short_break=bool(row.b1),
                    start_date=row.d1,
                    end_date=row.d2,
                )
            )
        elif row.kind == "placement":
            record.placements.append(
                Placement(
                    **common,
                    placement_type=row.s1,
                    area_authority=row.s2,
                    provider=row.s3,
                    emergency=bool(row.b1),
                    start_date=row.d1,
                    end_date=row.d2,
                )
            )
        elif row.kind == "leaving_care":
            record.leaving_care = LeavingCare(
                **common, category_override=row.s1, left_care_on=row.d1
            )
        elif row.kind == "personal_adviser":
            record.personal_adviser = PersonalAdviser(
                **common, name=row.s1, contact_route=row.s2, appointed_on=row.d1
            )
        else:
            record.consents.append(
                Consent(
                    **common,
                    purpose=row.s1,
                    recorded_by=row.s2,
                    given=bool(row.b1),
                    recorded_on=row.d1,
                )
            )
    record.legal_statuses.sort(key=lambda status: (status.start_date, status.created_at))
    record.placements.sort(key=lambda placement: (placement.start_date, placement.created_at))
    record.consents.sort(key=lambda consent: consent.purpose)
    return record


async def load_owned_record(
    session: AsyncSession, child_id: uuid.UUID, org: str, *, for_update: bool = False
) -> CareRecord:
    child = await get_owned_child(session, child_id, org, for_update=for_update)
    return await load_care_record(session, child)


async def find_by_person_ref(session: AsyncSession, person_ref: str) -> Child | None:
    """The child with this person_ref, whoever is responsible (platform reads only)."""
    return await session.scalar(select(Child).where(Child.person_ref == person_ref))
