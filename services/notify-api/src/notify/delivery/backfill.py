"""Backfill: a newly registered endpoint also gets the open notifications made before it.

Registering an endpoint with `since` enqueues a delivery to it for every open
notification of the organisation made since then that it accepts (its filters), in
the organisation's sequence order: each is made due a microsecond after the one before
(the last now),
and the worker claims in due order. Withheld notifications are never pushed (as at the
intake). The window is at most `BACKFILL_WINDOW`, and at most `BACKFILL_LIMIT`
notifications: what is older, or beyond, is in the inbox.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery import repository
from notify.delivery.filters import endpoint_accepts
from notify.delivery.models import DeliveryStatus
from notify.delivery.ordering import number_deliveries
from notify.endpoints.models import Endpoint
from platform_shared.auth import Principal
from platform_shared.problems import Invalid

BACKFILL_WINDOW = timedelta(days=90)
BACKFILL_LIMIT = 10_000


def check_since(since: datetime, now: datetime) -> None:
    """Invalid naming `body.since` when the backfill window is in the future or too long."""
    if since > now:
        raise Invalid("body.since", "is in the future")
    if now - since > BACKFILL_WINDOW:
        raise Invalid("body.since", f"at most {BACKFILL_WINDOW.days} days ago")


async def backfill(
    session: AsyncSession,
    principal: Principal,
    endpoint: Endpoint,
    *,
    since: datetime,
    now: datetime,
    cutoff: timedelta,
) -> int:
    """Enqueue the caller's open notifications made since `since` to the new endpoint."""
    notifications = await repository.open_notifications_since(
        session, principal, since, limit=BACKFILL_LIMIT
    )
    rows: list[dict[str, Any]] = []
    sequences = {notification.id: notification.sequence for notification in notifications}
    for notification in notifications:
        if notification.withheld_reason is not None or not endpoint_accepts(endpoint, notification):
            continue
        rows.append(
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
            }
        )
    for index, row in enumerate(rows):
        # Due in sequence order, the last now: the worker claims in due order.
        row["next_attempt_at"] = now - timedelta(microseconds=len(rows) - 1 - index)
    if rows:
        # Numbered in the new endpoint's stream (started by the registration, which holds
        # the organisation's sequence counter), in inbox order.
        await number_deliveries(session, rows, sequences)
        await repository.insert_deliveries(session, rows)
    return len(rows)
