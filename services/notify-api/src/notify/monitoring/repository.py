"""The queries of a `/metrics` scrape: figures over every organisation, never a row.

Each is one grouped pass over an indexed column set: the pending deliveries
(`ix_deliveries_due`), the deliveries by endpoint (`ix_deliveries_endpoint_id`), the open
notifications (`ix_notifications_due`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import Delivery, DeliveryAttempt, DeliveryStatus
from notify.endpoints.models import Endpoint
from notify.notifications.models import Notification, NotificationStatus
from platform_shared.tenancy import cross_tenant


@cross_tenant("operational figures of the whole platform, counts only, for Prometheus")
async def pending_deliveries_by_channel(session: AsyncSession, now: datetime) -> Sequence[Any]:
    """(channel, pending, due now, oldest created_at, earliest due next_attempt_at) of
    the pending deliveries."""
    statement = (
        select(
            Delivery.channel,
            func.count(),
            func.count().filter(Delivery.next_attempt_at <= now),
            func.min(Delivery.created_at),
            func.min(Delivery.next_attempt_at).filter(Delivery.next_attempt_at <= now),
        )
        .where(Delivery.status == DeliveryStatus.PENDING)
        .group_by(Delivery.channel)
    )
    return (await session.execute(statement)).all()


async def attempts_by_outcome(session: AsyncSession) -> Sequence[Any]:
    """(outcome, attempts) of every attempt ever recorded (attempts are never deleted)."""
    statement = select(DeliveryAttempt.outcome, func.count()).group_by(DeliveryAttempt.outcome)
    return (await session.execute(statement)).all()


@cross_tenant("operational figures of the whole platform, counts only, for Prometheus")
async def deliveries_by_endpoint_state(session: AsyncSession) -> Sequence[Any]:
    """(endpoint enabled, delivery status, deliveries)."""
    statement = (
        select(Endpoint.enabled, Delivery.status, func.count())
        .join(Endpoint, Endpoint.id == Delivery.endpoint_id)
        .group_by(Endpoint.enabled, Delivery.status)
    )
    return (await session.execute(statement)).all()


@cross_tenant("operational figures of the whole platform, counts only, for Prometheus")
async def duties_by_rule(session: AsyncSession) -> Sequence[Any]:
    """(rule, overdue now, breached ever) of the notifications that are duties."""
    statement = (
        select(
            Notification.rule_id,
            func.count().filter(Notification.status == NotificationStatus.OVERDUE),
            func.count().filter(Notification.breach.is_(True)),
        )
        .where((Notification.status == NotificationStatus.OVERDUE) | Notification.breach.is_(True))
        .group_by(Notification.rule_id)
    )
    return (await session.execute(statement)).all()
