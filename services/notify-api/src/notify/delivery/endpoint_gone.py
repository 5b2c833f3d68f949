"""An endpoint that answered 410 Gone: disabled, its pending pushes failed, its org told."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import Delivery, DeliveryStatus
from notify.endpoints.models import Endpoint
from notify.notifications.creation import NewNotification, create_notification
from notify.notifications.models import NotificationKind
from notify.rules.catalogue import Catalogue

NOTICE_RULE = "endpoint-disabled"
NOTICE_CITATION = (
    "design.md, Delivery guarantees: 410 disables the endpoint and tells the organisation's inbox"
)


async def disable_gone_endpoint(
    session: AsyncSession,
    endpoint_id: uuid.UUID,
    catalogue: Catalogue,
    *,
    reason: str,
    now: datetime,
    cutoff: timedelta,
) -> bool:
    """Disable the endpoint once; returns False when it was already disabled or removed."""
    endpoint = await session.scalar(
        select(Endpoint).where(Endpoint.id == endpoint_id).with_for_update()
    )
    if endpoint is None or not endpoint.enabled:
        return False
    endpoint.enabled = False
    endpoint.disabled_reason = reason
    endpoint.disabled_at = now
    endpoint.updated_at = now
    await session.execute(
        update(Delivery)
        .where(Delivery.endpoint_id == endpoint_id, Delivery.status == DeliveryStatus.PENDING)
        .values(status=DeliveryStatus.FAILED, ended_reason=reason)
    )
    await session.flush()
    await create_notification(
        session,
        NewNotification(
            key=f"notice|{NOTICE_RULE}|{endpoint_id}|{now.isoformat()}",
            kind=NotificationKind.NOTICE,
            rule_id=NOTICE_RULE,
            rules_version=catalogue.version,
            org=endpoint.org,
            role="platform",
            subject={"endpoint_id": str(endpoint_id), "reason": reason},
            due_at=None,
            basis="platform",
            citation=NOTICE_CITATION,
        ),
        now=now,
        cutoff=cutoff,
    )
    return True
