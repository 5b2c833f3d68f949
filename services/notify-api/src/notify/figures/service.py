"""Figures: notifications concerning an organisation (as recipient or responsible authority)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import Delivery, DeliveryStatus
from notify.events.models import Event
from notify.figures.schemas import Figures, RuleFigures, UnmatchedEvents
from notify.notifications.models import Notification, NotificationKind, NotificationStatus
from platform_shared.auth import Principal

_COUNTERS = (
    "notifications",
    "acknowledged_on_time",
    "acknowledged_late",
    "open",
    "overdue",
    "withheld",
    "breaches",
    "escalations",
    "deliveries_failed",
)


def _in_period(column: Any, start: datetime | None, end: datetime | None) -> list[Any]:
    conditions = []
    if start is not None:
        conditions.append(column >= start)
    if end is not None:
        conditions.append(column < end)
    return conditions


async def figures_for(
    session: AsyncSession,
    principal: Principal,
    *,
    start: datetime | None,
    end: datetime | None,
) -> Figures:
    """Per-rule counts for the caller's organisation over [start, end) of creation time."""
    concerns = or_(
        Notification.recipient_org == principal.org,
        Notification.responsible_authority == principal.org,
    )
    scope = and_(concerns, *_in_period(Notification.created_at, start, end))
    late = case(
        (
            and_(
                Notification.acknowledged_at.is_not(None),
                or_(
                    Notification.acknowledged_at > Notification.due_at,
                    Notification.overdue_at.is_not(None),
                ),
            ),
            True,
        ),
        else_=False,
    )
    grouped = await session.execute(
        select(
            Notification.rule_id,
            Notification.basis,
            Notification.kind,
            Notification.status,
            Notification.breach,
            late.label("late"),
            func.count(),
        )
        .where(scope, Notification.kind != NotificationKind.NOTICE)
        .group_by(
            Notification.rule_id,
            Notification.basis,
            Notification.kind,
            Notification.status,
            Notification.breach,
            late,
        )
    )
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(_COUNTERS, 0))
    for rule_id, basis, kind, status, breach, is_late, number in grouped:
        row = counts[(rule_id, basis)]
        if kind == NotificationKind.ESCALATION:
            row["escalations"] += number
            continue
        if status == NotificationStatus.WITHHELD:
            row["withheld"] += number
            continue
        row["notifications"] += number
        row["breaches"] += number if breach else 0
        if status == NotificationStatus.ACKNOWLEDGED:
            row["acknowledged_late" if is_late else "acknowledged_on_time"] += number
        elif status == NotificationStatus.OVERDUE:
            row["overdue"] += number
        elif status in (NotificationStatus.PENDING, NotificationStatus.DELIVERED):
            row["open"] += number
    failed = await session.execute(
        select(Notification.rule_id, Notification.basis, func.count())
        .join(Delivery, Delivery.notification_id == Notification.id)
        .where(scope, Delivery.status == DeliveryStatus.FAILED)
        .group_by(Notification.rule_id, Notification.basis)
    )
    for rule_id, basis, number in failed:
        counts[(rule_id, basis)]["deliveries_failed"] += number
    unmatched = await session.execute(
        select(Event.type, func.count())
        .where(Event.matched.is_(False), *_in_period(Event.received_at, start, end))
        .group_by(Event.type)
        .order_by(Event.type)
    )
    return Figures(
        organisation=principal.org,
        period_from=start,
        period_to=end,
        rules=[
            RuleFigures(rule=rule_id, basis=basis, **values)
            for (rule_id, basis), values in sorted(counts.items())
        ],
        unmatched_events=[UnmatchedEvents(type=kind, count=number) for kind, number in unmatched],
    )
