"""Enqueueing pushes: a pending delivery for each endpoint a new notification goes to.

Runs in the transaction that makes the notification (the intake, a follow-up); the
delivery worker (`notify.delivery.worker`) pushes what is enqueued here.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery import repository
from notify.delivery.filters import endpoint_accepts
from notify.delivery.models import DeliveryStatus
from notify.delivery.ordering import number_deliveries
from notify.notifications.models import NotificationStatus
from platform_shared.tracing import current_traceparent


class Pushable(Protocol):
    """What enqueueing reads of a new notification (a model object or a created row)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def recipient_org(self) -> str: ...
    @property
    def recipient_role(self) -> str: ...
    @property
    def rule_id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def withheld_reason(self) -> str | None: ...
    @property
    def sequence(self) -> int: ...


async def enqueue_deliveries(
    session: AsyncSession,
    notifications: Sequence[Pushable],
    *,
    now: datetime,
    cutoff: timedelta,
) -> int:
    """Add one pending delivery per enabled endpoint of each recipient that accepts it.

    Withheld notifications are never pushed (api.md); they are only in the inbox; nor is
    one made already ended (superseded before it was made). One query for the endpoints
    of every recipient and one insert of every delivery; returns how many were made.
    """
    pushed = [
        notification
        for notification in notifications
        if notification.withheld_reason is None and notification.status != NotificationStatus.ENDED
    ]
    if not pushed:
        return 0
    endpoints = await repository.enabled_endpoints_of(
        session, {notification.recipient_org for notification in pushed}
    )
    traceparent = current_traceparent()
    rows = [
        {
            "id": uuid.uuid4(),
            "notification_id": notification.id,
            "endpoint_id": endpoint.id,
            "channel": endpoint.channel,
            "status": DeliveryStatus.PENDING,
            "attempts": 0,
            "next_attempt_at": now,
            "give_up_at": now + cutoff,
            "created_at": now,
            "traceparent": traceparent,
        }
        for notification in pushed
        for endpoint in endpoints
        if endpoint.org == notification.recipient_org and endpoint_accepts(endpoint, notification)
    ]
    if rows:
        # Numbered in each endpoint's stream (ordered push), under the counters held.
        await number_deliveries(session, rows, {n.id: n.sequence for n in pushed})
        await repository.insert_deliveries(session, rows)
    return len(rows)
