"""Use cases of placements: record a placement, record the day it ended.

docs/api.md: `placement.started` is emitted as soon as a placement is recorded, whatever
its start date (a planned placement must be notified before it starts), with the facts
read as of the start date; `placement.ended` when an end date is recorded. The behaviour
is the episodes' own (`care_status.episodes`); what is particular to placements is below.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.care_record.record import CareRecord, PlacementRow
from care_status.episodes.service import Episodes, create_episode, end_episode, read_episode
from care_status.organisations import require_local_authority, require_provider
from care_status.placements.models import Placement
from care_status.placements.schemas import PlacementCreate
from platform_shared.auth import Principal
from platform_shared.contracts.events import EventType


def _started(placement: PlacementRow) -> dict[str, object]:
    return {
        "placement_id": str(placement.id),
        "start_date": placement.start_date.isoformat(),
        "emergency": placement.emergency,
        "placement_type": placement.placement_type.value,
        "area_authority": placement.area_authority,
        "provider": placement.provider,
    }


def _ended(placement: PlacementRow) -> dict[str, object]:
    assert placement.end_date is not None
    return {"placement_id": str(placement.id), "end_date": placement.end_date.isoformat()}


PLACEMENTS = Episodes[PlacementRow](
    model=Placement,
    subject="placement",
    label="placement",
    rows=lambda record: record.placements,
    started=EventType.PLACEMENT_STARTED,
    ended=EventType.PLACEMENT_ENDED,
    started_data=_started,
    ended_data=_ended,
    started_as_of_start=True,
)


async def add_placement(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    data: PlacementCreate,
    now: datetime,
) -> PlacementRow:
    """Record a placement; emits `placement.started` (and `placement.ended` if it ended)."""

    def make(record: CareRecord) -> Placement:
        require_local_authority(data.area_authority, "body.area_authority")
        if data.provider is not None:
            require_provider(data.provider, "body.provider")
        return Placement(
            child_id=record.child.id,
            placement_type=data.placement_type.value,
            area_authority=data.area_authority,
            start_date=data.start_date,
            end_date=data.end_date,
            emergency=data.emergency,
            provider=data.provider,
            version=1,
        )

    return await create_episode(session, caller, PLACEMENTS, child_id, make, now)


async def end_placement(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    placement_id: uuid.UUID,
    end_date: date,
    if_match: str | None,
    now: datetime,
) -> PlacementRow:
    """Record (or correct) the day a placement ended; emits `placement.ended`."""
    return await end_episode(
        session, caller, PLACEMENTS, child_id, placement_id, end_date, if_match, now
    )


async def read_placement(
    session: AsyncSession, caller: Principal, child_id: uuid.UUID, episode_id: uuid.UUID
) -> PlacementRow:
    """One placement of the caller's child; audited."""
    return await read_episode(session, caller, PLACEMENTS, child_id, episode_id)
