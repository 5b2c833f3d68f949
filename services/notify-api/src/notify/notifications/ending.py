"""Ending what is no longer waited for: superseded notifications, and escalations.

- A notification ends (status `ended`, `ended_reason`) when an event ends its recurring
  duty, or when a later event of the same key supersedes it (a changed release date:
  `supersede` of the rule file). Its pending pushes stop.
- An escalation is closed when its original is acknowledged (`original_acknowledged`)
  or ends (`original_ended`, or `superseded` with it): there is nothing left to chase.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.repository import cancel_pending_deliveries
from notify.notifications import repository
from notify.notifications.models import (
    EndedReason,
    Notification,
    NotificationKind,
    NotificationStatus,
)
from notify.proofs.log import log_ended


async def end_notification(
    session: AsyncSession,
    notification: Notification,
    reason: EndedReason,
    *,
    now: datetime,
    event_id: str | None = None,
    detail: str | None = None,
) -> None:
    """End an open notification for `reason`; its pushes stop and its escalations close.

    `detail` is what the cancelled pushes record (default: the reason).
    """
    notification.status = NotificationStatus.ENDED
    notification.ended_at = now
    notification.ended_reason = reason
    notification.ended_by_event = event_id
    notification.updated_at = now
    await log_ended(session, notification.id, reason, now=now, by_event=event_id)
    await cancel_pending_deliveries(
        session, notification.id, detail or f"notification ended: {reason}"
    )
    if notification.kind != NotificationKind.ESCALATION:
        follows = (
            EndedReason.SUPERSEDED
            if reason == EndedReason.SUPERSEDED
            else EndedReason.ORIGINAL_ENDED
        )
        await close_escalations(session, notification, follows, now=now)


async def close_escalations(
    session: AsyncSession, original: Notification, reason: EndedReason, *, now: datetime
) -> list[Notification]:
    """End the open escalations of `original` (acknowledged or ended)."""
    escalations = await repository.open_escalations_of(session, original.id)
    for escalation in escalations:
        await end_notification(session, escalation, reason, now=now)
    return escalations


async def supersede_earlier(
    session: AsyncSession, *, key: str, event_id: str, event_time: datetime, now: datetime
) -> list[Notification]:
    """End the open notifications made from earlier events of the same key (reason
    `superseded`); an event of the same time counts as earlier (arrival order)."""
    earlier = await repository.open_of_earlier_events(
        session, key=key, event_id=event_id, event_time=event_time
    )
    for notification in earlier:
        await end_notification(
            session, notification, EndedReason.SUPERSEDED, now=now, event_id=event_id
        )
    return earlier
