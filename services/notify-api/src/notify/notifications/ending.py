"""Ending what is no longer waited for: superseded notifications, and escalations.

- A notification ends (status `ended`, `ended_reason`) when an event ends its recurring
  duty, or when a later event of the same key supersedes it (a changed release date:
  `supersede` of the rule file). Its pending pushes stop.
- An escalation is closed when its original is acknowledged (`original_acknowledged`)
  or ends (`original_ended`, or `superseded` with it): there is nothing left to chase.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.scheduling import cancel_pending_deliveries
from notify.events.models import Event
from notify.notifications.models import (
    OPEN_STATUSES,
    EndedReason,
    Notification,
    NotificationKind,
    NotificationStatus,
)


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
    escalations = list(
        await session.scalars(
            select(Notification)
            .where(
                Notification.escalation_of == original.id,
                Notification.status.in_(list(OPEN_STATUSES)),
            )
            .with_for_update()
        )
    )
    for escalation in escalations:
        await end_notification(session, escalation, reason, now=now)
    return escalations


async def superseded_by_later(
    session: AsyncSession, *, key: str, event_id: str, event_time: datetime
) -> bool:
    """Whether an event of the same key and a later time is already stored.

    Then the event arrived out of order: what it requires is made already `superseded`.
    """
    later = await session.scalar(
        select(Event.id)
        .where(Event.supersede_key == key, Event.time > event_time, Event.id != event_id)
        .limit(1)
    )
    return later is not None


async def supersede_earlier(
    session: AsyncSession, *, key: str, event_id: str, event_time: datetime, now: datetime
) -> list[Notification]:
    """End the open notifications made from earlier events of the same key (reason
    `superseded`); an event of the same time counts as earlier (arrival order)."""
    earlier = list(
        await session.scalars(
            select(Notification)
            .join(Event, Notification.event_id == Event.id)
            .where(
                Notification.supersede_key == key,
                Notification.status.in_(list(OPEN_STATUSES)),
                Event.time <= event_time,
                Event.id != event_id,
            )
            .order_by(Notification.created_at, Notification.id)
            .with_for_update(of=Notification)
        )
    )
    for notification in earlier:
        await end_notification(
            session, notification, EndedReason.SUPERSEDED, now=now, event_id=event_id
        )
    return earlier
