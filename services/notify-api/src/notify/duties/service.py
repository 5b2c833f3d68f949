"""The duties board: deadlines of one organisation, as recipient or duty holder, soonest first.

An organisation sees a notification on its board when it is the recipient (it must
acknowledge) or the duty holder (the platform notified on its behalf and the
recipient's acknowledgement meets its duty). Any other organisation never sees it.
Acknowledging stays the recipient's alone (`notify.notifications.service`).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from notify.duties.schemas import DutyState
from notify.notifications.models import OPEN_STATUSES, Notification, NotificationStatus
from notify.pagination import decode_cursor, encode_cursor
from platform_shared.auth import Principal


def readable_duties(principal: Principal) -> Select[Notification]:
    """Every notification on the caller's board: it receives it or holds its duty."""
    return select(Notification).where(
        or_(
            Notification.recipient_org == principal.org,
            Notification.duty_holder == principal.org,
        )
    )


_STATES = {
    DutyState.OPEN: list(OPEN_STATUSES),
    DutyState.MET: [NotificationStatus.ACKNOWLEDGED],
}


async def list_duties(
    session: AsyncSession,
    principal: Principal,
    *,
    state: DutyState,
    cursor: str | None,
    limit: int,
) -> tuple[list[Notification], str | None]:
    """Notifications of the caller's board with a deadline, in `state`, by due instant."""
    statement = readable_duties(principal).where(Notification.due_at.is_not(None))
    if state in _STATES:
        statement = statement.where(Notification.status.in_(_STATES[state]))
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
