"""Which endpoints a new notification is pushed to: a delivery row for each, same transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import Delivery, DeliveryStatus
from notify.endpoints.models import Endpoint
from notify.notifications.models import NotificationStatus


class Pushable(Protocol):
    """What scheduling reads of a new notification (a model object or a created row)."""

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


class _Filters(Protocol):
    @property
    def roles(self) -> list[str] | None: ...
    @property
    def rules(self) -> list[str] | None: ...


def endpoint_accepts(endpoint: _Filters, notification: Pushable) -> bool:
    """Whether the endpoint's optional `roles` and `rules` filters let the notification in."""
    if endpoint.roles is not None and notification.recipient_role not in endpoint.roles:
        return False
    return endpoint.rules is None or notification.rule_id in endpoint.rules


_endpoints = cast(Table, Endpoint.__table__)
# Built once: making a statement costs more CPU than executing it.
_ENDPOINTS_OF = select(
    _endpoints.c.id, _endpoints.c.org, _endpoints.c.channel, _endpoints.c.roles, _endpoints.c.rules
).where(
    _endpoints.c.org.in_(bindparam("orgs", expanding=True)),
    _endpoints.c.enabled.is_(True),
    _endpoints.c.removed_at.is_(None),
)
_INSERT_DELIVERIES = insert(cast(Table, Delivery.__table__))


async def schedule_deliveries(
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
    endpoints = (
        await session.execute(
            _ENDPOINTS_OF,
            {"orgs": sorted({notification.recipient_org for notification in pushed})},
        )
    ).all()
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
        }
        for notification in pushed
        for endpoint in endpoints
        if endpoint.org == notification.recipient_org and endpoint_accepts(endpoint, notification)
    ]
    if rows:
        await session.execute(_INSERT_DELIVERIES, rows)
    return len(rows)


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
