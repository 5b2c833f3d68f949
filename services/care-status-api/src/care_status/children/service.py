"""Use cases of the child record: create, read (audited), change, list."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.care_record.record import CareRecord, PlacementRow
from care_status.care_record.repository import read_record_placed_in_area
from care_status.care_record.service import (
    audit_child,
    child_not_found,
    lock_for_change,
    read_again,
)
from care_status.care_record.service import owned_record as read_owned
from care_status.children.models import Child
from care_status.children.repository import (
    children_page,
    nhs_number_taken,
    same_name_and_birth,
)
from care_status.children.schemas import ChildCreate, ChildUpdate
from care_status.identifiers import new_person_ref
from care_status.lookups.matching import name_key
from care_status.organisations import require_responsible_authority
from care_status.status import SCOPE_END_AGE, age_on
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.problems import Conflict, FieldIssue, Invalid, NotFound
from platform_shared.web.etags import require_version
from platform_shared.web.pagination import decode_instant_cursor, next_cursor_of


class DuplicateChild(Conflict):
    """A create whose name and date of birth match a record the authority already holds
    (issue 15 finding 3): a second record of one child would make its lookups ambiguous."""

    def __init__(self, existing_child_id: uuid.UUID) -> None:
        super().__init__(
            f"Your organisation already holds a record with this name and date of birth: "
            f"{existing_child_id}. Send different_person: true if this is another person.",
            errors=[
                FieldIssue(
                    "body.different_person",
                    "a record with this name and date of birth exists; true creates another",
                )
            ],
        )
        self.existing_child_id = existing_child_id


def _check_date_of_birth(date_of_birth: date, today: date) -> None:
    if date_of_birth > today:
        raise Invalid("body.date_of_birth", "is in the future")


async def _refuse_duplicate_nhs_number(
    session: AsyncSession, org: str, nhs_number: str | None, except_id: uuid.UUID | None = None
) -> None:
    if nhs_number is not None and await nhs_number_taken(session, org, nhs_number, except_id):
        raise Conflict("Your organisation already holds a record with this NHS number")


async def create_child(
    session: AsyncSession, caller: Principal, data: ChildCreate, now: datetime
) -> CareRecord:
    """A new record, owned by the caller's authority, with a new random person_ref.

    A person aged 25 or over is out of scope (the care-leaver duties end at 25). A name
    (by its lookup key) and date of birth the authority already holds is a `DuplicateChild`
    unless the caller says it is a different person.
    """
    org = require_responsible_authority(caller.org)
    today = local_date(now)
    _check_date_of_birth(data.date_of_birth, today)
    if age_on(data.date_of_birth, today) >= SCOPE_END_AGE:
        raise Invalid("body.date_of_birth", "the person is 25 or over, out of scope")
    await _refuse_duplicate_nhs_number(session, org, data.nhs_number)
    given_key, family_key = name_key(data.given_name), name_key(data.family_name)
    if not data.different_person:
        existing = await same_name_and_birth(
            session, org, given_key, family_key, data.date_of_birth
        )
        if existing is not None:
            raise DuplicateChild(existing)
    child = Child(
        person_ref=new_person_ref(),
        responsible_authority=org,
        given_name=data.given_name,
        family_name=data.family_name,
        given_name_key=given_key,
        family_name_key=family_key,
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
    audit_child(
        session,
        caller,
        "child.create",
        child.id,
        org,
        details={"different_person": True} if data.different_person else None,
    )
    return await read_owned(session, child.id, org)


async def read_child(
    session: AsyncSession, caller: Principal, child_id: uuid.UUID, today: date
) -> tuple[CareRecord, tuple[PlacementRow, ...] | None]:
    """The record, and for an area authority the placements in its own area (None for the
    responsible authority, which sees the whole record).

    An area authority is one where the child has a current or planned placement today.
    Every read is audited.
    """
    try:
        record = await read_owned(session, child_id, caller.org)
    except NotFound:
        pass
    else:
        audit_child(
            session,
            caller,
            "child.read",
            record.child.id,
            record.child.responsible_authority,
            purpose="responsible_authority",
            outcome="full",
        )
        return record, None
    placed = await read_record_placed_in_area(session, child_id, caller.org, today)
    if placed is None:
        raise child_not_found(child_id)
    in_area = tuple(p for p in placed.placements if p.area_authority == caller.org)
    audit_child(
        session,
        caller,
        "child.read",
        placed.child.id,
        placed.child.responsible_authority,
        purpose="area_authority",
        outcome="placement_facts",
    )
    return placed, in_area


async def update_child(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    changes: ChildUpdate,
    if_match: str | None,
    now: datetime,
) -> CareRecord:
    """Change the named fields of the record at the version the caller read (If-Match)."""
    child, record = await lock_for_change(session, child_id, caller.org)
    require_version(if_match, child.version)
    fields = changes.model_dump(exclude_unset=True)
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
    audit_child(
        session,
        caller,
        "child.update",
        child.id,
        child.responsible_authority,
        details={"fields": sorted(fields)},
    )
    return await read_again(session, record)


async def list_children(
    session: AsyncSession, caller: Principal, cursor: str | None, limit: int
) -> tuple[list[Child], str | None]:
    """The caller's children in creation order, one page (audited as one read)."""
    after = decode_instant_cursor(cursor) if cursor is not None else None
    rows = await children_page(session, caller.org, limit + 1, after)
    page, next_cursor = next_cursor_of(
        rows, limit, lambda child: (child.created_at.isoformat(), str(child.id))
    )
    audit_child(session, caller, "children.list", None, caller.org, details={"count": len(page)})
    return page, next_cursor
