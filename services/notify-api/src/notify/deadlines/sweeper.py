"""The sweeper: marks what passed its deadline overdue, escalates it, keeps duties recurring.

Runs in the delivery worker's loop, one transaction per batch (this module owns that unit
of work). Rows are taken with `FOR UPDATE SKIP LOCKED` (PostgreSQL), so any number of
workers sweep side by side without doing a row twice; SQLite's write lock serialises them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notify.deadlines import repository
from notify.deadlines.escalations import counts_as_breach, escalate
from notify.deadlines.recurring import create_successor
from notify.notifications.models import NotificationKind, NotificationStatus
from notify.rules.catalogue import Catalogue
from notify.rules.deadlines import WindowDirection, WindowUnit, due_at


async def sweep_overdue(
    sessions: async_sessionmaker[AsyncSession],
    catalogue: Catalogue,
    *,
    now: datetime,
    escalation_window: tuple[WindowUnit, int],
    cutoff: timedelta,
    batch: int = 200,
) -> int:
    """Mark one batch of passed, unacknowledged notifications overdue; returns how many.

    Each overdue notification required by a rule raises an escalation to the responsible
    authority (role `escalation`), is a breach when its rule is statutory, and, when it
    is a recurring duty, makes the next occurrence.
    """
    async with sessions() as session, session.begin():
        rows = await repository.claim_passed(session, now=now, batch=batch)
        unit, amount = escalation_window
        for notification in rows:
            notification.status = NotificationStatus.OVERDUE
            notification.overdue_at = now
            notification.updated_at = now
            notification.breach = notification.breach or counts_as_breach(notification)
            await escalate(
                session,
                notification,
                catalogue,
                due=due_at(unit, amount, WindowDirection.AFTER, now),
                now=now,
                cutoff=cutoff,
            )
            if notification.kind == NotificationKind.RECURRING:
                await create_successor(session, notification, catalogue, now=now, cutoff=cutoff)
    return len(rows)
