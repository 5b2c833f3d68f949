"""The duties board's query: notifications the caller receives or holds the duty of."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from notify.notifications.models import Notification
from platform_shared.auth import Principal
from platform_shared.tenancy import tenant_scope


@tenant_scope
def readable_duties(principal: Principal) -> Select[Notification]:
    """Every notification on the caller's board: it receives it or holds its duty."""
    return select(Notification).where(
        or_(
            Notification.recipient_org == principal.org,
            Notification.duty_holder == principal.org,
        )
    )


async def board_rows(
    session: AsyncSession,
    principal: Principal,
    *,
    statuses: Sequence[str] | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> list[Notification]:
    """Up to `limit` notifications of the board with a deadline, by due instant and id."""
    statement = readable_duties(principal).where(Notification.due_at.is_not(None))
    if statuses is not None:
        statement = statement.where(Notification.status.in_(list(statuses)))
    if after is not None:
        due, last = after
        statement = statement.where(
            or_(
                Notification.due_at > due,
                and_(Notification.due_at == due, Notification.id > last),
            )
        )
    return list(
        await session.scalars(statement.order_by(Notification.due_at, Notification.id).limit(limit))
    )
