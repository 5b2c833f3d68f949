"""Use cases of the child record: create, read (audited), change, list."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from care_status.children.models import Child
from care_status.children.repository import (
    CareRecord,
    children_of,
    get_child_placed_in_area,
    get_owned_child,
    load_care_record,
)
from care_status.children.schemas import ChildCreate, ChildUpdate
from care_status.etags import require_version
from care_status.identifiers import new_person_ref
from care_status.lookups.matching import name_key
from care_status.organisations import require_responsible_authority
from care_status.pagination import decode_cursor, encode_cursor
from care_status.placements.models import Placement
from care_status.status import SCOPE_END_AGE, age_on
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.problems import Conflict, Invalid

SUBJECT = "child"


@dataclass
class PlacedChild:
    """What an area authority may read: the child's placements in its area."""

    child: Child
    placements: list[Placement]


def _check_date_of_birth(date_of_birth: date, today: date) -> None:
    if date_of_birth > today:
        raise Invalid("body.date_of_birth", "is in the future")


async def _refuse_duplicate_nhs_number(
    session: AsyncSession, org: str, nhs_number: str | None, except_id: uuid.UUID | None = None
) -> None:
    if nhs_number is None:
        return
    statement = children_of(org).where(Child.nhs_number == nhs_number)
    if except_id is not None:
        statement = statement.where(Child.id != except_id)
    if await session.scalar(statement.limit(1)) is not None:
        raise Conflict("Your organisation already holds a record with this NHS number")


async def create_child(
    session: AsyncSession, caller: Principal, data: ChildCreate, now: datetime
) -> CareRecord:
    """A new record, owned by the caller's authority, with a new random person_ref.

    A person aged 25 or over is out of scope (the care-leaver duties end at 25).
    """
    org = require_responsible_authority(caller.org)
    today = local_date(now)
    _check_date_of_birth(data.date_of_birth, today)
    if age_on(data.date_of_birth, today) >= SCOPE_END_AGE:
        raise Invalid("body.date_of_birth", "the person is 25 or over, out of scope")
    await _refuse_duplicate_nhs_number(session, org, data.nhs_number)
    child = Child(
        person_ref=new_person_ref(),
        responsible_authority=org,
        given_name=data.given_name,
        family_name=data.family_name,
        given_name_key=name_key(data.given_name),
        family_name_key=name_key(data.family_name),
        date_of_birth=data.date_of_birth,
        nhs_number=data.nhs_number,
        pnc_id=data.pnc_id,
        local_reference=data.local_reference,
        sex=data.sex,
        ethnicity=data.ethnicity,
        uasc=data.uasc,
        youth_justice_order=False,
        version=1,
    )
    session.add(child)
    await session.flush()
    record_audit(
        session,
        caller,
        "child.create",
        subject_type=SUBJECT,
        subject_id=child.id,
        subject_owner=org,
    )
    return CareRecord(child=child)


async def read_child(
    session: AsyncSession, caller: Principal, child_id: uuid.UUID, today: date
) -> CareRecord | PlacedChild:
    """The full record for the responsible authority; placement facts for an area authority.

    An area authority is one where the child has a current or planned placement today;
    it sees the placements in its own area only. Every read writes an audit row.
    """
    owned = await session.scalar(children_of(caller.org).where(Child.id == child_id))
    if owned is not None:
        record = await load_care_record(session, owned)
        record_audit(
            session,
            caller,
            "child.read",
            subject_type=SUBJECT,
            subject_id=owned.id,
            subject_owner=owned.responsible_authority,
            purpose="responsible_authority",
            outcome="full",
        )
        return record
    child = await get_child_placed_in_area(session, child_id, caller.org, today)
    placements = await session.scalars(
        select(Placement)
        .where(Placement.child_id == child.id, Placement.area_authority == caller.org)
        .order_by(Placement.start_date)
    )
    record_audit(
        session,
        caller,
        "child.read",
        subject_type=SUBJECT,
        subject_id=child.id,
        subject_owner=child.responsible_authority,
        purpose="area_authority",
        outcome="placement_facts",
    )
    return PlacedChild(child=child, placements=list(placements))


async def update_child(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    changes: ChildUpdate,
    if_match: str | None,
    now: datetime,
) -> CareRecord:
    """Change the named fields of the record at the version the caller read (If-Match)."""
    child = await get_owned_child(session, child_id, caller.org, for_update=True)
    require_version(if_match, child.version)
    fields = changes.model_dump(exclude_unset=True)
    record = await load_care_record(session, child)
    if "date_of_birth" in fields:
        _check_date_of_birth(fields["date_of_birth"], local_date(now))
        first_dates = [s.start_date for s in record.legal_statuses] + [
            p.start_date for p in record.placements
        ]
        if first_dates and min(first_dates) < fields["date_of_birth"]:
            raise Invalid("body.date_of_birth", "is after the start of a recorded status")
    if fields.get("nhs_number") is not None:
        await _refuse_duplicate_nhs_number(
            session, caller.org, fields["nhs_number"], except_id=child.id
        )
    for name, value in fields.items():
        setattr(child, name, value)
    child.given_name_key = name_key(child.given_name)
    child.family_name_key = name_key(child.family_name)
    child.version += 1
    await session.flush()
    record_audit(
        session,
        caller,
        "child.update",
        subject_type=SUBJECT,
        subject_id=child.id,
        subject_owner=child.responsible_authority,
        details={"fields": sorted(fields)},
    )
    return record


async def list_children(
    session: AsyncSession, caller: Principal, cursor: str | None, limit: int
) -> tuple[list[Child], str | None]:
    """The caller's children in creation order, one page (audited as one read)."""
    statement = children_of(caller.org).order_by(Child.created_at, Child.id).limit(limit + 1)
    if cursor is not None:
        after_at, after_id = decode_cursor(cursor)
        statement = statement.where(
            or_(
                Child.created_at > after_at, and_(Child.created_at == after_at, Child.id > after_id)
            )
        )
    rows = list(await session.scalars(statement))
    page, more = rows[:limit], len(rows) > limit
    record_audit(
        session,
        caller,
        "children.list",
        subject_type=SUBJECT,
        subject_owner=caller.org,
        details={"count": len(page)},
    )
    next_cursor = encode_cursor(page[-1].created_at, page[-1].id) if more else None
    return page, next_cursor
