"""Notifications: made with their sequence number and deliveries, read and acknowledged.

Every query of the inbox goes through `readable_notifications`, which scopes it to the
caller's organisation: another organisation's notification is not found (404).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import Delivery, DeliveryAttempt
from notify.delivery.scheduling import cancel_pending_deliveries
from notify.notifications.ending import close_escalations
from notify.notifications.follow_up import counts_as_breach, create_successor
from notify.notifications.models import (
    OPEN_STATUSES,
    EndedReason,
    Notification,
    NotificationStatus,
)
from notify.pagination import decode_cursor, encode_cursor
from notify.rules.catalogue import Catalogue
from platform_shared.auth import Principal
from platform_shared.problems import Conflict, NotFound


def readable_notifications(principal: Principal) -> Select[Notification]:
    """Every notification the caller may see: those addressed to its organisation."""
    return select(Notification).where(Notification.recipient_org == principal.org)


async def get_readable_notification(
    session: AsyncSession, principal: Principal, notification_id: uuid.UUID, *, lock: bool = False
) -> Notification:
    statement = readable_notifications(principal).where(Notification.id == notification_id)
    if lock:
        statement = statement.with_for_update()
    notification = await session.scalar(statement)
    if notification is None:
        raise NotFound("No such notification in this organisation's inbox")
    return notification


@dataclass(frozen=True)
class InboxFilter:
    status: str | None = None
    due_before: datetime | None = None
    rule: str | None = None
    role: str | None = None
    after_sequence: int | None = None


async def list_notifications(
    session: AsyncSession,
    principal: Principal,
    filters: InboxFilter,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[Notification], str | None]:
    """The caller's inbox in sequence order, filtered, one page at a time."""
    statement = readable_notifications(principal)
    if filters.status is not None:
        statement = statement.where(Notification.status == filters.status)
    if filters.due_before is not None:
        statement = statement.where(Notification.due_at < filters.due_before)
    if filters.rule is not None:
        statement = statement.where(Notification.rule_id == filters.rule)
    if filters.role is not None:
        statement = statement.where(Notification.recipient_role == filters.role)
    after = filters.after_sequence
    position = decode_cursor(cursor, 1)
    if position is not None:
        after = max(after or 0, int(position[0]))
    if after is not None:
        statement = statement.where(Notification.sequence > after)
    rows = list(await session.scalars(statement.order_by(Notification.sequence).limit(limit + 1)))
    next_cursor = encode_cursor([rows[limit - 1].sequence]) if len(rows) > limit else None
    return rows[:limit], next_cursor


async def deliveries_of(
    session: AsyncSession, notification: Notification
) -> list[tuple[Delivery, list[DeliveryAttempt]]]:
    deliveries = list(
        await session.scalars(
            select(Delivery)
            .where(Delivery.notification_id == notification.id)
            .order_by(Delivery.created_at, Delivery.id)
        )
    )
    attempts: dict[uuid.UUID, list[DeliveryAttempt]] = {delivery.id: [] for delivery in deliveries}
    if deliveries:
        for attempt in await session.scalars(
            select(DeliveryAttempt)
            .where(DeliveryAttempt.delivery_id.in_(list(attempts)))
            .order_by(DeliveryAttempt.attempted_at, DeliveryAttempt.id)
        ):
            attempts[attempt.delivery_id].append(attempt)
    return [(delivery, attempts[delivery.id]) for delivery in deliveries]


async def acknowledge(
    session: AsyncSession,
    principal: Principal,
    notification_id: uuid.UUID,
    *,
    catalogue: Catalogue,
    now: datetime,
    cutoff: timedelta,
) -> tuple[Notification, bool]:
    """Acknowledge a notification of the caller's organisation; a repeat changes nothing.

    Returns the notification and whether this call acknowledged it. The statutory clock
    stops here, not at an HTTP 200 (design.md): the duty holder's duty is met. Pending
    pushes stop too, and an open escalation of it is closed (`original_acknowledged`).
    """
    notification = await get_readable_notification(session, principal, notification_id, lock=True)
    if notification.status == NotificationStatus.ACKNOWLEDGED:
        return notification, False
    if notification.status not in OPEN_STATUSES:
        raise Conflict(f"A {notification.status} notification cannot be acknowledged")
    notification.status = NotificationStatus.ACKNOWLEDGED
    notification.acknowledged_at = now
    notification.acknowledged_by = principal.client_id
    notification.updated_at = now
    if notification.due_at is not None and now > notification.due_at:
        notification.breach = notification.breach or counts_as_breach(notification)
    await cancel_pending_deliveries(session, notification.id, "acknowledged")
    await close_escalations(session, notification, EndedReason.ORIGINAL_ACKNOWLEDGED, now=now)
    await create_successor(session, notification, catalogue, now=now, cutoff=cutoff)
    return notification, True
