"""Queries of child records, always scoped to the caller's organisation.

Every statement that reads a child for a caller starts from `children_of(org)` (the
responsible authority's own records) or from a placement in the caller's area; another
organisation's child is therefore a 404 here, in one place.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
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
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.elements import BindParameter, ColumnElement

from care_status.children.models import Child
from care_status.leaving_care.models import Consent, LeavingCare, PersonalAdviser
from care_status.legal_statuses.models import LegalStatus
from care_status.placements.models import Placement
from care_status.status import (
    CareHistory,
    CareLeaverCategory,
    LegalBasis,
    LegalStatusPeriod,
    PlacementPeriod,
    RecordedConsent,
)
from platform_shared.db import FixedStatement, StatementConnection, UTCDateTime
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
    """What the status rules read of the history tables, in one column layout: kind,
    child_id, created_at (the tie-break of the date order), s1, s2 (strings), b1
    (boolean), d1, d2 (dates). Only the consent the rules read (to tell the personal
    adviser) is read; the adviser's own row is not."""

    def branch(model: Any, kind: str, *columns: Any) -> Select[Any]:
        return select(
            literal_column(f"'{kind}'").label("kind"),
            model.child_id,
            model.created_at,
            *columns,
        ).where(belongs(model.child_id))

    return [
        branch(
            LegalStatus,
            "legal_status",
            LegalStatus.basis.label("s1"),
            _NO_TEXT.label("s2"),
            LegalStatus.short_break.label("b1"),
            LegalStatus.start_date.label("d1"),
            LegalStatus.end_date.label("d2"),
        ),
        branch(
            Placement,
            "placement",
            Placement.placement_type,
            Placement.area_authority,
            _NO_FLAG,
            Placement.start_date,
            Placement.end_date,
        ),
        branch(
            LeavingCare,
            "leaving_care",
            LeavingCare.category_override,
            _NO_TEXT,
            _NO_FLAG,
            LeavingCare.left_care_on,
            _NO_DAY,
        ),
        branch(
            Consent, "consent", _NO_TEXT, _NO_TEXT, Consent.given, Consent.recorded_on, _NO_DAY
        ).where(Consent.purpose == NOTIFY_PERSONAL_ADVISER),
    ]


_CHILD_ID: BindParameter[uuid.UUID] = bindparam("child_id")
#: Built once: compiled once and cached by SQLAlchemy, executed with the child's id.
_HISTORY = union_all(*_history_branches(lambda child_id: child_id == _CHILD_ID))


def matching_statement(probe: ColumnElement[bool]) -> FixedStatement:
    """Up to two children matching `probe` and their histories, in one statement.

    For lookups: the child rows come first in the same layout as the history rows (kind
    'child': s1 person_ref, s2 responsible_authority, b1 youth_justice_order, d1
    date_of_birth), so a probe and its answer's history cost one round trip. Build it once
    per probe, with bind parameters, and run it with `read_matching`.
    """
    found = (
        select(
            Child.id,
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
        found.c.id.label("child_id"),
        cast(null(), UTCDateTime).label("created_at"),
        found.c.person_ref.label("s1"),
        found.c.responsible_authority.label("s2"),
        found.c.youth_justice_order.label("b1"),
        found.c.date_of_birth.label("d1"),
        _NO_DAY.label("d2"),
    )
    return FixedStatement(
        union_all(children, *_history_branches(lambda child_id: child_id.in_(select(found.c.id))))
    )


@dataclass(frozen=True)
class FoundPerson:
    """A child a lookup found: who they are, and the history the status rules read."""

    id: uuid.UUID
    person_ref: str
    responsible_authority: str
    history: CareHistory


def _history(
    date_of_birth: date,
    responsible_authority: str,
    youth_justice_order: bool,
    rows: Iterable[Sequence[Any]],
) -> CareHistory:
    """The rules' history from rows of the `_history_branches` layout (any order)."""
    legal_statuses: list[tuple[date, datetime, LegalStatusPeriod]] = []
    placements: list[tuple[date, datetime, PlacementPeriod]] = []
    left_care_on: date | None = None
    override: str | None = None
    consent: RecordedConsent | None = None
    for kind, _child_id, created_at, s1, s2, b1, d1, d2 in rows:
        if kind == "legal_status":
            period = LegalStatusPeriod(LegalBasis(s1), d1, d2, bool(b1))
            legal_statuses.append((d1, created_at, period))
        elif kind == "placement":
            placements.append((d1, created_at, PlacementPeriod(s2, s1, d1, d2)))
        elif kind == "leaving_care":
            left_care_on, override = d1, s1
        else:
            consent = RecordedConsent(given=bool(b1), recorded_on=d1)
    in_date_order = itemgetter(0, 1)
    return CareHistory(
        date_of_birth=date_of_birth,
        responsible_authority=responsible_authority,
        legal_statuses=tuple(row[2] for row in sorted(legal_statuses, key=in_date_order)),
        placements=tuple(row[2] for row in sorted(placements, key=in_date_order)),
        left_care_on=left_care_on,
        category_override=CareLeaverCategory(override) if override else None,
        youth_justice_order=youth_justice_order,
        personal_adviser_consent=consent,
    )


async def read_history(reader: AsyncSession | AsyncConnection, child: Child) -> CareHistory:
    """The child's history as the status rules read it (status facts), in one statement.

    The same history as `history_of(await load_care_record(...))`, which the writes use
    because they change the rows they load.
    """
    rows = await reader.execute(_HISTORY, {"child_id": child.id})
    return _history(
        child.date_of_birth, child.responsible_authority, child.youth_justice_order, rows
    )


async def read_matching(
    connection: StatementConnection, statement: FixedStatement, parameters: dict[str, Any]
) -> list[FoundPerson]:
    """The children a `matching_statement` finds (at most two), each with its history."""
    children: list[Sequence[Any]] = []
    history: dict[Any, list[Sequence[Any]]] = {}
    for row in await connection.rows(statement, parameters):
        if row[0] == "child":
            children.append(row)
        else:
            history.setdefault(row[1], []).append(row)
    return [
        FoundPerson(
            id=child_id,
            person_ref=person_ref,
            responsible_authority=authority,
            history=_history(born, authority, bool(youth_justice_order), history.get(child_id, ())),
        )
        for _kind, child_id, _created, person_ref, authority, youth_justice_order, born, _d2 in (
            children
        )
    ]


async def load_owned_record(
    session: AsyncSession, child_id: uuid.UUID, org: str, *, for_update: bool = False
) -> CareRecord:
    child = await get_owned_child(session, child_id, org, for_update=for_update)
    return await load_care_record(session, child)


async def find_by_person_ref(session: AsyncSession, person_ref: str) -> Child | None:
    """The child with this person_ref, whoever is responsible (platform reads only)."""
    return await session.scalar(select(Child).where(Child.person_ref == person_ref))
