"""Use cases of placements: record a placement, record the day it ended.

docs/api.md: `placement.started` is emitted as soon as a placement is recorded, whatever
its start date (a planned placement must be notified before it starts), with the facts
read as of the start date; `placement.ended` when an end date is recorded.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.children.repository import CareRecord, load_owned_record
from care_status.etags import require_version
from care_status.events import EventType, emit_event
from care_status.organisations import require_local_authority, require_provider
from care_status.placements.models import Placement
from care_status.placements.schemas import PlacementCreate
from care_status.status import overlaps
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.problems import Invalid, NotFound

SUBJECT = "placement"


def _check_dates(
    record: CareRecord, start: date, end: date | None, *, ignore: uuid.UUID | None = None
) -> None:
    """Not before birth, end not before start, no overlap with another placement."""
    if start < record.child.date_of_birth:
        raise Invalid("body.start_date", "is before the date of birth")
    if end is not None and end < start:
        raise Invalid("body.end_date", "is before the start date")
    for other in record.placements:
        if other.id != ignore and overlaps((start, end), (other.start_date, other.end_date)):
            raise Invalid(
                "body.start_date" if ignore is None else "body.end_date",
                f"overlaps the placement from {other.start_date.isoformat()}",
            )


def _started(placement: Placement) -> dict[str, object]:
    return {
        "placement_id": str(placement.id),
        "start_date": placement.start_date.isoformat(),
        "emergency": placement.emergency,
        "placement_type": placement.placement_type,
        "area_authority": placement.area_authority,
        "provider": placement.provider,
    }


def _ended(placement: Placement) -> dict[str, object]:
    assert placement.end_date is not None
    return {"placement_id": str(placement.id), "end_date": placement.end_date.isoformat()}


async def add_placement(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    data: PlacementCreate,
    now: datetime,
) -> Placement:
    """Record a placement; emits `placement.started` (and `placement.ended` if it ended)."""
    record = await load_owned_record(session, child_id, caller.org, for_update=True)
    require_local_authority(data.area_authority, "body.area_authority")
    if data.provider is not None:
        require_provider(data.provider, "body.provider")
    _check_dates(record, data.start_date, data.end_date)
    placement = Placement(
        child_id=record.child.id,
        placement_type=data.placement_type,
        area_authority=data.area_authority,
        start_date=data.start_date,
        end_date=data.end_date,
        emergency=data.emergency,
        provider=data.provider,
        version=1,
    )
    session.add(placement)
    await session.flush()
    record.placements.append(placement)
    record_audit(
        session,
        caller,
        "placement.create",
        subject_type=SUBJECT,
        subject_id=placement.id,
        subject_owner=record.child.responsible_authority,
    )
    emit_event(
        session,
        record,
        EventType.PLACEMENT_STARTED,
        _started(placement),
        now=now,
        effective_date=placement.start_date,
    )
    if placement.end_date is not None:
        emit_event(session, record, EventType.PLACEMENT_ENDED, _ended(placement), now=now)
    return placement


async def end_placement(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    placement_id: uuid.UUID,
    end_date: date,
    if_match: str | None,
    now: datetime,
) -> Placement:
    """Record (or correct) the day a placement ended; emits `placement.ended`."""
    record = await load_owned_record(session, child_id, caller.org, for_update=True)
    placement = next((p for p in record.placements if p.id == placement_id), None)
    if placement is None:
        raise NotFound("No placement with this id on this child's record")
    require_version(if_match, placement.version)
    _check_dates(record, placement.start_date, end_date, ignore=placement.id)
    placement.end_date = end_date
    placement.version += 1
    await session.flush()
    record_audit(
        session,
        caller,
        "placement.end",
        subject_type=SUBJECT,
        subject_id=placement.id,
        subject_owner=record.child.responsible_authority,
    )
    emit_event(session, record, EventType.PLACEMENT_ENDED, _ended(placement), now=now)
    return placement
