"""Queries of child records, always scoped to the caller's organisation.

Every statement that reads a child for a caller starts from `children_of(org)` (the
responsible authority's own records) or from a placement in the caller's area; another
organisation's child is therefore a 404 here, in one place.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
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
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.elements import BindParameter, ColumnElement
from sqlalchemy.sql.selectable import CompoundSelect

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


_NO_TEXT, _NO_FLAG, _NO_DAY = cast(null(), String), cast(null(), Boolean), cast(null(), Date)

#: Whether a history row belongs to the children read: given the row's `child_id` column.
Belongs = Callable[[Any], ColumnElement[bool]]


def _history_branches(belongs: Belongs) -> list[Select[Any]]:
    """The history tables' rows in one column layout: kind, id, child_id, created_at,
    updated_at, version, s1..s3 (strings), b1 (boolean), d1, d2 (dates)."""

    def branch(model: Any, kind: str, *columns: Any) -> Select[Any]:
        return select(
            literal_column(f"'{kind}'").label("kind"),
            model.id,
            model.child_id,
            model.created_at,
            model.updated_at,
            model.version,
            *columns,
        ).where(belongs(model.child_id))

    return [
        branch(
            LegalStatus,
            "legal_status",
            LegalStatus.basis.label("s1"),
            _NO_TEXT.label("s2"),
            _NO_TEXT.label("s3"),
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
            _NO_TEXT,
            _NO_TEXT,
            _NO_FLAG,
            LeavingCare.left_care_on,
            _NO_DAY,
        ),
        branch(
            PersonalAdviser,
            "personal_adviser",
            PersonalAdviser.name,
            PersonalAdviser.contact_route,
            _NO_TEXT,
            _NO_FLAG,
            PersonalAdviser.appointed_on,
            _NO_DAY,
        ),
        branch(
            Consent,
            "consent",
            Consent.purpose,
            Consent.recorded_by,
            _NO_TEXT,
            Consent.given,
            Consent.recorded_on,
            _NO_DAY,
        ),
    ]


_CHILD_ID: BindParameter[uuid.UUID] = bindparam("child_id")
#: Built once: compiled once and cached by SQLAlchemy, executed with the child's id.
_HISTORY = union_all(*_history_branches(lambda child_id: child_id == _CHILD_ID))


def matching_records_statement(probe: ColumnElement[bool]) -> CompoundSelect:
    """Up to two children matching `probe` and their whole histories, in one statement.

    For lookups: the child rows come first in the same layout as the history rows (kind
    'child': s1 person_ref, s2 responsible_authority, b1 youth_justice_order, d1
    date_of_birth), so a probe and its answer's history cost one round trip. Build it once
    per probe, with bind parameters, so that it is compiled once.
    """
    found = (
        select(
            Child.id,
            Child.created_at,
            Child.updated_at,
            Child.version,
            Child.person_ref,
            Child.responsible_authority,
            Child.youth_justice_order,
            Child.date_of_birth,
        )
        .where(probe)
        .limit(2)  # two are enough to know a probe is ambiguous
        .cte("found")
    )
    children = select(
        literal_column("'child'").label("kind"),
        found.c.id,
        found.c.id.label("child_id"),
        found.c.created_at,
        found.c.updated_at,
        found.c.version,
        found.c.person_ref.label("s1"),
        found.c.responsible_authority.label("s2"),
        _NO_TEXT.label("s3"),
        found.c.youth_justice_order.label("b1"),
        found.c.date_of_birth.label("d1"),
        _NO_DAY.label("d2"),
    )
    return union_all(
        children, *_history_branches(lambda child_id: child_id.in_(select(found.c.id)))
    )


def _add_history_row(record: CareRecord, row: Row[Any]) -> None:
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
        record.leaving_care = LeavingCare(**common, category_override=row.s1, left_care_on=row.d1)
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


def _in_date_order(record: CareRecord) -> CareRecord:
    record.legal_statuses.sort(key=lambda status: (status.start_date, status.created_at))
    record.placements.sort(key=lambda placement: (placement.start_date, placement.created_at))
    record.consents.sort(key=lambda consent: consent.purpose)
    return record


async def read_care_record(reader: AsyncSession | AsyncConnection, child: Child) -> CareRecord:
    """The child's history in date order, for reading only (lookups, status facts).

    One statement instead of `load_care_record`'s five; the history rows are complete but
    not attached to the session, so nothing read here can be changed and flushed (the
    writes use `load_care_record`).
    """
    record = CareRecord(child=child)
    for row in await reader.execute(_HISTORY, {"child_id": child.id}):
        _add_history_row(record, row)
    return _in_date_order(record)


async def read_matching_records(
    reader: AsyncConnection, statement: CompoundSelect, parameters: dict[str, Any]
) -> list[CareRecord]:
    """The records a `matching_records_statement` finds, for reading only.

    Each record's `child` holds only what the status rules and a lookup's answer read (id,
    person_ref, responsible_authority, date_of_birth, youth_justice_order); never change
    or show more of it.
    """
    children: dict[uuid.UUID, CareRecord] = {}
    history: list[Row[Any]] = []
    for row in await reader.execute(statement, parameters):
        if row.kind != "child":
            history.append(row)
            continue
        child = Child(
            id=row.id,
            created_at=row.created_at,
            updated_at=row.updated_at,
            version=row.version,
            person_ref=row.s1,
            responsible_authority=row.s2,
            youth_justice_order=bool(row.b1),
            date_of_birth=row.d1,
        )
        children[child.id] = CareRecord(child=child)
    for row in history:
        _add_history_row(children[row.child_id], row)
    return [_in_date_order(record) for record in children.values()]


async def load_owned_record(
    session: AsyncSession, child_id: uuid.UUID, org: str, *, for_update: bool = False
) -> CareRecord:
    child = await get_owned_child(session, child_id, org, for_update=for_update)
    return await load_care_record(session, child)


async def find_by_person_ref(session: AsyncSession, person_ref: str) -> Child | None:
    """The child with this person_ref, whoever is responsible (platform reads only)."""
    return await session.scalar(select(Child).where(Child.person_ref == person_ref))
