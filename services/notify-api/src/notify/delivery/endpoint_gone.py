"""An endpoint that answered 410 Gone: disabled, its pending pushes failed, its org told."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery import repository
from notify.delivery.models import DeliveryStatus
from notify.notifications.creation import NewNotification, create_notification
from notify.notifications.models import NotificationKind
from notify.rules.catalogue import Catalogue
from platform_shared.contracts.vocabularies import Role

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
    endpoint = await repository.lock_endpoint(session, endpoint_id)
    if endpoint is None or not endpoint.enabled:
        return False
    endpoint.enabled = False
    endpoint.disabled_reason = reason
    endpoint.disabled_at = now
    endpoint.updated_at = now
    await repository.end_pending_deliveries_to(
        session, endpoint_id, status=DeliveryStatus.FAILED, reason=reason, now=now
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
            role=Role.PLATFORM,
            subject={"endpoint_id": str(endpoint_id), "reason": reason},
            due_at=None,
            basis="platform",
            citation=NOTICE_CITATION,
        ),
        now=now,
        cutoff=cutoff,
    )
    return True
