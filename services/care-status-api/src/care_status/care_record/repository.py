"""The one care-record reader: a child and its whole history in one statement.

Each statement selects the child's columns and, per history table, one JSON array of its
rows with named keys (`json_agg(json_build_object(...))` on PostgreSQL,
`json_group_array(json_object(...))` on SQLite: the same statement, compiled for each),
and `record.decode` makes each row a `CareRecord`. Lookups, status facts, the full record,
the area authority's read and every write read a child this way; a lookup's probe and its
answer's history are one round trip. A lookup runs these statements on its
`driver.LookupConnection` (asyncpg itself on PostgreSQL), everything else on its session.

The statements are built once per probe (`functools.cache`), so each is compiled once and
run again with new values.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import JSON, Select, and_, bindparam, literal_column, null, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from care_status.care_record.record import (
    CONSENT_KEYS,
    HISTORY_CONSENT_KEYS,
    HISTORY_LEAVING_CARE_KEYS,
    HISTORY_LEGAL_STATUS_KEYS,
    HISTORY_PLACEMENT_KEYS,
    LEAVING_CARE_KEYS,
    LEGAL_STATUS_KEYS,
    NOTIFY_PERSONAL_ADVISER,
    PERSONAL_ADVISER_KEYS,
    PLACEMENT_KEYS,
    CareRecord,
    decode,
)
from care_status.children.models import Child
from care_status.driver import LookupConnection
from care_status.leaving_care.models import Consent, LeavingCare, PersonalAdviser
from care_status.legal_statuses.models import LegalStatus
from care_status.placements.models import Placement
from platform_shared.tenancy import cross_tenant, tenant_scope

#: What runs a statement: a session, a connection, or a lookup's connection.
Reader = AsyncSession | AsyncConnection | LookupConnection


class json_rows(FunctionElement[Any]):
    """An aggregate: the JSON array of one object per row, keys and values given in turn."""

    type = JSON()
    inherit_cache = True


@compiles(json_rows)
def _json_rows_sqlite(element: json_rows, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_group_array(json_object({compiler.process(element.clauses, **kw)}))"


@compiles(json_rows, "postgresql")
def _json_rows_postgresql(element: json_rows, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_agg(json_build_object({compiler.process(element.clauses, **kw)}))"


def _rows_of(
    model: Any, keys: Sequence[str], child_id: Any, *only: ColumnElement[bool]
) -> ColumnElement[Any]:
    """The JSON array of the rows of `model` of the child `child_id` (the enclosing
    statement's column, which that statement scopes), one object of `keys` per row;
    `only` narrows the rows."""
    pairs: list[ColumnElement[Any]] = []
    for key in keys:
        pairs += [literal_column(f"'{key}'"), getattr(model, key)]
    return select(json_rows(*pairs)).where(model.child_id == child_id, *only).scalar_subquery()


_CHILD_COLUMNS = (
    Child.id,
    Child.person_ref,
    Child.responsible_authority,
    Child.given_name,
    Child.family_name,
    Child.date_of_birth,
    Child.nhs_number,
    Child.pnc_id,
    Child.local_reference,
    Child.sex,
    Child.ethnicity,
    Child.uasc,
    Child.youth_justice_order,
    Child.version,
    Child.created_at,
    Child.updated_at,
)


def _record_columns() -> list[Any]:
    """The child's columns, then one JSON array per history table (`record.decode`)."""
    return [
        *_CHILD_COLUMNS,
        _rows_of(LegalStatus, LEGAL_STATUS_KEYS, Child.id).label("legal_statuses"),
        _rows_of(Placement, PLACEMENT_KEYS, Child.id).label("placements"),
        _rows_of(LeavingCare, LEAVING_CARE_KEYS, Child.id).label("leaving_care"),
        _rows_of(PersonalAdviser, PERSONAL_ADVISER_KEYS, Child.id).label("personal_adviser"),
        _rows_of(Consent, CONSENT_KEYS, Child.id).label("consents"),
    ]


def _history_columns() -> list[Any]:
    """The child's columns, then only what the status rules read of its history: a lookup
    decides and answers from `CareRecord.history` alone, so it reads no more (the JSON
    objects are built by the database and read by the service on the hot path)."""
    return [
        *_CHILD_COLUMNS,
        _rows_of(LegalStatus, HISTORY_LEGAL_STATUS_KEYS, Child.id).label("legal_statuses"),
        _rows_of(Placement, HISTORY_PLACEMENT_KEYS, Child.id).label("placements"),
        _rows_of(LeavingCare, HISTORY_LEAVING_CARE_KEYS, Child.id).label("leaving_care"),
        null().label("personal_adviser"),
        _rows_of(
            Consent,
            HISTORY_CONSENT_KEYS,
            Child.id,
            Consent.purpose == NOTIFY_PERSONAL_ADVISER,
        ).label("consents"),
    ]


#: At most two children per statement: enough to tell a lookup is ambiguous.
_AT_MOST = 2
#: At most four children per lookup probe: enough to tell that a few authorities each hold
#: a record of one person (docs/decisions.md D24); a probe that reads four may have left
#: one out, and the lookup is then ambiguous.
MATCHES_AT_MOST = 4


async def _read(reader: Reader, statement: Select[Any], values: dict[str, Any]) -> list[CareRecord]:
    return [decode(row) for row in await reader.execute(statement, values)]


@cache
@tenant_scope
def _owned() -> Select[Any]:
    owned = and_(Child.id == bindparam("child_id"), Child.responsible_authority == bindparam("org"))
    return select(*_record_columns()).where(owned).limit(_AT_MOST)


@tenant_scope
async def read_owned_record(reader: Reader, child_id: uuid.UUID, org: str) -> CareRecord | None:
    """The record of a child `org` is the responsible authority for, or None."""
    found = await _read(reader, _owned(), {"child_id": child_id, "org": org})
    return found[0] if found else None


@cache
@cross_tenant("an area authority reads the children placed in its area by other authorities")
def _placed_in_area() -> Select[Any]:
    in_area = (
        select(Placement.id)
        .where(
            Placement.child_id == Child.id,
            Placement.area_authority == bindparam("org"),
            or_(Placement.end_date.is_(None), Placement.end_date > bindparam("today")),
        )
        .exists()
    )
    placed = and_(Child.id == bindparam("child_id"), in_area)
    return select(*_record_columns()).where(placed).limit(_AT_MOST)


@cross_tenant("an area authority reads the children placed in its area by other authorities")
async def read_record_placed_in_area(
    reader: Reader, child_id: uuid.UUID, org: str, today: date
) -> CareRecord | None:
    """The record of a child with a current or planned placement in `org`'s area."""
    values = {"child_id": child_id, "org": org, "today": today}
    found = await _read(reader, _placed_in_area(), values)
    return found[0] if found else None


#: The probes of a lookup: each identifier, and the name keys with the date of birth.
PROBES: dict[str, tuple[str, ...]] = {
    "nhs_number": ("value",),
    "pnc_id": ("value",),
    "person_ref": ("value",),
    "name_and_date_of_birth": ("family_name_key", "given_name_key", "date_of_birth"),
}


def _has_care_episode(child_id: Any) -> ColumnElement[bool]:
    """The child `child_id` (the enclosing statement's column, which that statement
    scopes) has a care episode: a legal status, or a leaving-care record (a recorded care
    leaver left care); a record without either takes no part in lookups (rules.md
    Revision 2)."""
    return or_(
        select(LegalStatus.id).where(LegalStatus.child_id == child_id).exists(),
        select(LeavingCare.id).where(LeavingCare.child_id == child_id).exists(),
    )


@cache
@cross_tenant("police, courts, YOTs, prisons and the platform find a child of any authority")
def _matching(probe: str, care_episodes_only: bool) -> Select[Any]:
    matches: ColumnElement[bool]
    if probe == "name_and_date_of_birth":
        matches = and_(
            Child.family_name_key == bindparam("family_name_key"),
            Child.given_name_key == bindparam("given_name_key"),
            Child.date_of_birth == bindparam("date_of_birth"),
        )
    else:
        column = {
            "nhs_number": Child.nhs_number,
            "pnc_id": Child.pnc_id,
            "person_ref": Child.person_ref,
        }[probe]
        matches = column == bindparam("value")
    if care_episodes_only:
        # In the statement, not after it: with at most two rows read, a bare record
        # filtered later could hide a second real match (and make a lookup `matched`).
        matches = and_(matches, _has_care_episode(Child.id))
    return select(*_history_columns()).where(matches).limit(MATCHES_AT_MOST)


@cross_tenant("police, courts, YOTs, prisons and the platform find a child of any authority")
async def read_matching_records(
    reader: Reader, probe: str, values: dict[str, Any], *, care_episodes_only: bool = False
) -> list[CareRecord]:
    """The children (at most `MATCHES_AT_MOST`) `probe` finds with `values` (`PROBES`), with what the
    status rules read of their histories (`CareRecord.history`; not the decoded rows).

    `care_episodes_only`: only records with a care episode (a legal status or a
    leaving-care record), as a lookup reads them (rules.md Revision 2).
    """
    return await _read(reader, _matching(probe, care_episodes_only), values)


@cache
@cross_tenant("the platform's monitoring counts the children of any authority")
def _cohort_candidates() -> Select[Any]:
    in_care_by_then = (
        select(LegalStatus.id)
        .where(LegalStatus.child_id == Child.id, LegalStatus.start_date <= bindparam("since"))
        .exists()
    )
    return (
        select(*_history_columns())
        .where(
            Child.responsible_authority == bindparam("authority"),
            Child.date_of_birth <= bindparam("born_by"),
            in_care_by_then,
        )
        .order_by(Child.person_ref)
    )


@cross_tenant("the platform's monitoring counts the children of any authority")
async def read_cohort_candidates(
    reader: Reader, authority: str, born_by: date, since: date
) -> list[CareRecord]:
    """The children `authority` is responsible for, born on or before `born_by`, with a
    legal status that started on or before `since` (so possibly looked after every day
    from then), by person_ref, with what the status
    rules read of their histories: the rules then decide who is in a cohort."""
    values = {"authority": authority, "born_by": born_by, "since": since}
    return await _read(reader, _cohort_candidates(), values)
