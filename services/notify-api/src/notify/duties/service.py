"""The duties board: open deadlines of one organisation, soonest first."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from notify.notifications.models import OPEN_STATUSES, Notification
from notify.notifications.service import readable_notifications
from notify.pagination import decode_cursor, encode_cursor
from platform_shared.auth import Principal


async def open_duties(
    session: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> tuple[list[Notification], str | None]:
    """Notifications of the caller with a deadline and no acknowledgement, by due instant."""
    statement = readable_notifications(principal).where(
        Notification.status.in_(list(OPEN_STATUSES)), Notification.due_at.is_not(None)
    )
    position = decode_cursor(cursor, 2)
    if position is not None:
        due = datetime.fromisoformat(str(position[0]))
        last = uuid.UUID(str(position[1]))
        statement = statement.where(
            or_(
                Notification.due_at > due,
                and_(Notification.due_at == due, Notification.id > last),
            )
        )
    rows = list(
        await session.scalars(
            statement.order_by(Notification.due_at, Notification.id).limit(limit + 1)
        )
    )
    next_cursor = None
    if len(rows) > limit:
        tail = rows[limit - 1]
        assert tail.due_at is not None
        next_cursor = encode_cursor([tail.due_at.isoformat(), str(tail.id)])
    return rows[:limit], next_cursor
