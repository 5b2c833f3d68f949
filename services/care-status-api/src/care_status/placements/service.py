"""Use cases of placements: record a placement, record the day it ended.

docs/api.md: `placement.started` is emitted as soon as a placement is recorded, whatever
its start date (a planned placement must be notified before it starts), with the facts
read as of the start date; `placement.ended` when an end date is recorded, with the facts
read as of the placement's last day (so they describe the placement that ended: reg 14)
and whether the end was recorded in advance. The behaviour
is the episodes' own (`care_status.episodes`); what is particular to placements is below.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.care_record.record import CareRecord, PlacementRow
from care_status.episodes.service import Episodes, create_episode, end_episode, read_episode
from care_status.organisations import require_local_authority, require_provider
from care_status.placements.models import Placement
from care_status.placements.schemas import PlacementCreate
from care_status.status import open_legal_status
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.contracts.events import EventType
from platform_shared.contracts.vocabularies import LegalBasis
from platform_shared.problems import Invalid


def _started(placement: PlacementRow) -> dict[str, object]:
    return {
        "placement_id": str(placement.id),
        "start_date": placement.start_date.isoformat(),
        "emergency": placement.emergency,
        "placement_type": placement.placement_type.value,
        "area_authority": placement.area_authority,
        "provider": placement.provider,
    }


def _ended(placement: PlacementRow, recorded: datetime) -> dict[str, object]:
    assert placement.end_date is not None
    return {
        "placement_id": str(placement.id),
        "end_date": placement.end_date.isoformat(),
        # reg 14: notice is due before the end when the end is known in advance.
        "recorded_in_advance": local_date(recorded) < placement.end_date,
    }


def last_day(placement: PlacementRow) -> date:
    """The placement's last day: the day before its end date (dates are half-open), or the
    end date itself for a placement that ended on the day it started (it has no other)."""
    assert placement.end_date is not None
    return max(placement.start_date, placement.end_date - timedelta(days=1))


def _check_short_break(record: CareRecord, data: PlacementCreate) -> None:
    """A short break is provided under section 20 only (SSDA903 V3/V4): refused when the
    legal status open on the start date is recorded and is another one. With none recorded
    yet the placement is accepted (the authority may record the status after)."""
    if not data.short_break:
        return
    status = open_legal_status(record.history, data.start_date)
    if status is not None and status.basis is not LegalBasis.SECTION_20:
        raise Invalid(
            "body.short_break",
            f"a short break is provided under section 20 only; the legal status open on "
            f"{data.start_date.isoformat()} is {status.basis.value}",
        )


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
    ended_facts=lambda record, row: record.facts(last_day(row), placement=row),
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
        _check_short_break(record, data)
        return Placement(
            child_id=record.child.id,
            placement_type=data.placement_type.value,
            area_authority=data.area_authority,
            start_date=data.start_date,
            end_date=data.end_date,
            emergency=data.emergency,
            provider=data.provider,
            short_break=data.short_break,
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
