"""Figures: notifications concerning an organisation (as recipient or responsible authority)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from notify.figures import repository
from notify.figures.schemas import Figures, RuleFigures, UnmatchedEvents
from notify.notifications.models import NotificationKind, NotificationStatus
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
    "imported",
)

Counts = dict[tuple[str, str], dict[str, int]]


def _count_notifications(counts: Counts, grouped: list[Any]) -> None:
    """Add the notifications' grouped counts to each rule's counters."""
    for rule_id, basis, kind, status, breach, is_late, number in grouped:
        if kind == NotificationKind.REMINDER:
            continue  # the ladder's reminder of a notification counted already
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


async def figures_for(
    session: AsyncSession,
    principal: Principal,
    *,
    start: datetime | None,
    end: datetime | None,
) -> Figures:
    """Per-rule counts for the caller's organisation over [start, end) of creation time
    (of the import's time for the duties imported as history)."""
    counts: Counts = defaultdict(lambda: dict.fromkeys(_COUNTERS, 0))
    _count_notifications(
        counts, await repository.notification_counts(session, principal, start, end)
    )
    for rule_id, basis, number in await repository.failed_delivery_counts(
        session, principal, start, end
    ):
        counts[(rule_id, basis)]["deliveries_failed"] += number
    for rule_id, basis, number in await repository.imported_duty_counts(
        session, principal, start, end
    ):
        counts[(rule_id, basis)]["imported"] += number
    unmatched = await repository.unmatched_event_counts(session, principal, start, end)
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
