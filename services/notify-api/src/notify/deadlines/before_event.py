"""Duties met before a later event: a breach when the event comes first (rules.md Revision 2).

A `before_event` duty has no fixed instant (`due_at` is null): the London Child
Information Form must be completed before a charging decision, so it is a breach when a
charge for the same incident is recorded before the form is acknowledged. The breach is
shown as a passed deadline is: status `overdue`, `overdue_at` the later event's arrival,
`breach: true` whatever the rule's basis (the event is the deadline), and the escalation
ladder's overdue and breach steps; `breached_by_event` names the event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notify.deadlines import repository
from notify.deadlines.escalations import escalate
from notify.notifications.models import Notification, NotificationStatus
from notify.rules.catalogue import Catalogue
from notify.rules.deadlines import WindowUnit


async def breach_before_event(
    session: AsyncSession,
    catalogue: Catalogue,
    *,
    keys: Sequence[str],
    event_id: str,
    now: datetime,
    escalation_window: tuple[WindowUnit, int],
    cutoff: timedelta,
) -> list[Notification]:
    """Mark the open duties the event came before a breach, and escalate each."""
    if not keys:
        return []
    duties = await repository.open_watching(session, keys=keys)
    for duty in duties:
        duty.status = NotificationStatus.OVERDUE
        duty.overdue_at = now
        duty.updated_at = now
        duty.breach = True
        duty.breached_by_event = event_id
        await escalate(session, duty, catalogue, now=now, cutoff=cutoff)
    return duties
