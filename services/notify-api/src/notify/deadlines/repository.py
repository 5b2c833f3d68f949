"""Every query of the deadlines: passed notifications, open recurring duties.

Both cross organisations by design: the sweeper watches every inbox's deadlines, and an
ending event (a release) ends a person's duties whoever receives them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from notify.notifications.models import (
    OPEN_STATUSES,
    Notification,
    NotificationKind,
    NotificationStatus,
)
from platform_shared.tenancy import cross_tenant


@cross_tenant("the sweeper watches the deadlines of every organisation's inbox")
async def claim_passed(session: AsyncSession, *, now: datetime, batch: int) -> list[Notification]:
    """Up to `batch` unacknowledged notifications whose deadline passed, locked
    (`FOR UPDATE SKIP LOCKED`, so sweepers side by side never take a row twice)."""
    return list(
        await session.scalars(
            select(Notification)
            .where(
                Notification.status.in_([NotificationStatus.PENDING, NotificationStatus.DELIVERED]),
                Notification.due_at < now,
            )
            .order_by(Notification.due_at, Notification.id)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
    )


@cross_tenant("the sweeper reminds every organisation's inbox before its deadlines")
async def claim_reminders(
    session: AsyncSession, *, now: datetime, batch: int
) -> list[Notification]:
    """Up to `batch` unacknowledged notifications whose reminder time passed (before
    their deadline), not yet reminded, locked as `claim_passed` locks."""
    return list(
        await session.scalars(
            select(Notification)
            .where(
                Notification.status.in_([NotificationStatus.PENDING, NotificationStatus.DELIVERED]),
                Notification.remind_at <= now,
                Notification.reminded_at.is_(None),
                Notification.due_at > now,
            )
            .order_by(Notification.remind_at, Notification.id)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
    )


@cross_tenant("an ending event ends the person's recurring duties, whoever receives them")
async def open_recurring_duties(
    session: AsyncSession, *, person_ref: str, rule_ids: Sequence[str]
) -> list[Notification]:
    """The open recurring duties of these rules about a person, locked."""
    return list(
        await session.scalars(
            select(Notification)
            .where(
                Notification.person_ref == person_ref,
                Notification.kind == NotificationKind.RECURRING,
                Notification.rule_id.in_(list(rule_ids)),
                Notification.status.in_(list(OPEN_STATUSES)),
            )
            .with_for_update()
        )
    )


@cross_tenant("a later event breaches a duty whoever receives it (a charge, the police's CIF)")
async def open_watching(session: AsyncSession, *, keys: Sequence[str]) -> list[Notification]:
    """The unacknowledged `before_event` duties waiting on one of these keys, locked."""
    return list(
        await session.scalars(
            select(Notification)
            .where(
                Notification.watch_key.in_(list(keys)),
                Notification.status.in_([NotificationStatus.PENDING, NotificationStatus.DELIVERED]),
            )
            .order_by(Notification.created_at, Notification.id)
            .with_for_update()
        )
    )


@cross_tenant("a visit recorded by the authority moves the next visit of its own series")
async def open_occurrence(
    session: AsyncSession, *, event_id: str | None, rule_id: str, occurrence: int
) -> Notification | None:
    """The open occurrence of a recurring duty made from an event, locked."""
    return await session.scalar(
        select(Notification)
        .where(
            Notification.event_id == event_id,
            Notification.rule_id == rule_id,
            Notification.kind == NotificationKind.RECURRING,
            Notification.occurrence == occurrence,
            Notification.status.in_(list(OPEN_STATUSES)),
        )
        .with_for_update()
    )
