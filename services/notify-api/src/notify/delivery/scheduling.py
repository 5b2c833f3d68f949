"""Which endpoints a new notification is pushed to: a delivery row for each, same transaction."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import Delivery, DeliveryStatus
from notify.endpoints.models import Endpoint
from notify.notifications.models import Notification, NotificationStatus


def endpoint_accepts(endpoint: Endpoint, notification: Notification) -> bool:
    """Whether the endpoint's optional `roles` and `rules` filters let the notification in."""
    if endpoint.roles is not None and notification.recipient_role not in endpoint.roles:
        return False
    return endpoint.rules is None or notification.rule_id in endpoint.rules


async def schedule_deliveries(
    session: AsyncSession,
    notification: Notification,
    *,
    now: datetime,
    cutoff: timedelta,
) -> list[Delivery]:
    """Add one pending delivery per enabled endpoint of the recipient that accepts it.

    Withheld notifications are never pushed (api.md); they are only in the inbox; nor is
    one made already ended (superseded before it was made).
    """
    if notification.withheld_reason is not None or notification.status == NotificationStatus.ENDED:
        return []
    endpoints = await session.scalars(
        select(Endpoint).where(
            Endpoint.org == notification.recipient_org,
            Endpoint.enabled.is_(True),
            Endpoint.removed_at.is_(None),
        )
    )
    deliveries = [
        Delivery(
            notification_id=notification.id,
            endpoint_id=endpoint.id,
            channel=endpoint.channel,
            status=DeliveryStatus.PENDING,
            attempts=0,
            next_attempt_at=now,
            give_up_at=now + cutoff,
            created_at=now,
        )
        for endpoint in endpoints
        if endpoint_accepts(endpoint, notification)
    ]
    session.add_all(deliveries)
    return deliveries


async def cancel_pending_deliveries(
    session: AsyncSession, notification_id: uuid.UUID, reason: str
) -> None:
    """Stop pushing a notification that no longer needs it (acknowledged, ended)."""
    await session.execute(
        update(Delivery)
        .where(
            Delivery.notification_id == notification_id,
            Delivery.status == DeliveryStatus.PENDING,
        )
        .values(status=DeliveryStatus.CANCELLED, ended_reason=reason)
    )
