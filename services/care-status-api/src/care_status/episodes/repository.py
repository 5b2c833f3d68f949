"""Queries of episodes (legal statuses, placements): add one, record the day it ended.

Episodes are reached through their child: every statement names the child, which the use
case has already read as the caller's own (`care_record.service.lock_for_change`).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from platform_shared.calendar import utc_now


async def add_episode(session: AsyncSession, episode: Any) -> None:
    session.add(episode)
    await session.flush()


async def end_episode(
    session: AsyncSession, model: Any, child_id: uuid.UUID, episode_id: uuid.UUID, end: date
) -> None:
    """Set the end date of one of the child's episodes, as a new version."""
    await session.execute(
        update(model)
        .where(model.id == episode_id, model.child_id == child_id)
        .values(end_date=end, version=model.version + 1, updated_at=utc_now())
    )
