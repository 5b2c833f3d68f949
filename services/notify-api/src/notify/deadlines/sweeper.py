"""The sweeper: reminds before deadlines, marks what passed them overdue, climbs the
escalation ladder, keeps duties recurring.

Runs in the delivery worker's loop, one transaction per batch (this module owns that unit
of work). Rows are taken with `FOR UPDATE SKIP LOCKED` (PostgreSQL), so any number of
workers sweep side by side without doing a row twice; SQLite's write lock serialises them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notify.deadlines import repository
from notify.deadlines.escalations import counts_as_breach, escalate, remind
from notify.deadlines.overdue_notice import tell_overdue
from notify.deadlines.recurring import create_successor
from notify.notifications import repository as notification_repository
from notify.notifications.models import NotificationKind, NotificationStatus
from notify.rules.catalogue import Catalogue
from notify.rules.deadlines import WindowUnit


async def sweep_overdue(
    sessions: async_sessionmaker[AsyncSession],
    catalogue: Catalogue,
    *,
    now: datetime,
    escalation_window: tuple[WindowUnit, int] | None = None,
    cutoff: timedelta,
    batch: int = 200,
) -> int:
    """Remind and mark overdue one batch of unacknowledged notifications; returns how many.

    A notification whose reminder time passed reminds its recipient (once). Each overdue
    one climbs the escalation ladder (`notify.deadlines.escalations`), is a breach when
    its rule is statutory, tells the organisation holding it (`notification.overdue`), and,
    when it is a recurring duty, makes the next occurrence.
    How long each step waits is the ladder's (`escalation_window` is its default, read
    at start: the argument is kept for callers that pass it).
    """
    async with sessions() as session, session.begin():
        reminders = await repository.claim_reminders(session, now=now, batch=batch)
        rows = await repository.claim_passed(session, now=now, batch=batch)
        # The steps number notifications for these organisations one by one: their
        # counters are locked first, all at once, in the intake's order (no deadlock).
        await notification_repository.lock_sequences(
            session,
            (
                org
                for notification in (*reminders, *rows)
                for org in (
                    notification.recipient_org,
                    notification.duty_holder,
                    notification.responsible_authority,
                )
                if org is not None
            ),
        )
        for notification in reminders:
            await remind(session, notification, catalogue, now=now, cutoff=cutoff)
        for notification in rows:
            notification.status = NotificationStatus.OVERDUE
            notification.overdue_at = now
            notification.updated_at = now
            notification.breach = notification.breach or counts_as_breach(notification)
            await escalate(session, notification, catalogue, now=now, cutoff=cutoff)
            await tell_overdue(session, notification, catalogue, now=now, cutoff=cutoff)
            if notification.kind == NotificationKind.RECURRING:
                await create_successor(session, notification, catalogue, now=now, cutoff=cutoff)
    return len(rows) + len(reminders)
