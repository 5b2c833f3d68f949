"""The inbox: list, read and acknowledge the caller organisation's notifications.

Queries are `notify.notifications.repository`'s, scoped to the caller's organisation:
another organisation's notification is not found (404). Reads and acknowledgements are
audited here.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notify.deadlines.escalations import counts_as_breach
from notify.deadlines.recurring import create_successor, visit_made
from notify.delivery.models import Delivery, DeliveryAttempt
from notify.delivery.repository import cancel_pending_deliveries
from notify.notifications import repository
from notify.notifications.ending import close_escalations
from notify.notifications.models import (
    OPEN_STATUSES,
    EndedReason,
    Notification,
    NotificationStatus,
)
from notify.notifications.repository import InboxFilter
from notify.notifications.schemas import AcknowledgeRequest
from notify.proofs.log import log_acknowledged
from notify.rules.catalogue import Catalogue
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.problems import Conflict, Invalid, NotFound
from platform_shared.web.pagination import decode_cursor, next_cursor_of

__all__ = ["InboxFilter", "acknowledge", "list_notifications", "read_notification"]


async def _readable(
    session: AsyncSession, principal: Principal, notification_id: uuid.UUID, *, lock: bool = False
) -> Notification:
    notification = await repository.readable_notification(
        session, principal, notification_id, lock=lock
    )
    if notification is None:
        raise NotFound("No such notification in this organisation's inbox")
    return notification


def _sequence_after(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    [after] = decode_cursor(cursor, 1)
    if not isinstance(after, int):
        raise Invalid("query.cursor", "not a cursor returned by this list")
    return after


async def list_notifications(
    session: AsyncSession,
    principal: Principal,
    filters: InboxFilter,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[Notification], str | None]:
    """The caller's inbox in sequence order, filtered, one page at a time."""
    after = filters.after_sequence
    position = _sequence_after(cursor)
    if position is not None:
        after = max(after or 0, position)
    rows = await repository.inbox_rows(session, principal, filters, after=after, limit=limit + 1)
    return next_cursor_of(rows, limit, lambda row: [row.sequence])


async def read_notification(
    session: AsyncSession, principal: Principal, notification_id: uuid.UUID
) -> tuple[Notification, list[tuple[Delivery, list[DeliveryAttempt]]]]:
    """One notification of the caller's organisation and its deliveries; the read is audited."""
    notification = await _readable(session, principal, notification_id)
    record_audit(
        session,
        principal,
        "notification.read",
        subject_type="notification",
        subject_id=notification.id,
        subject_owner=notification.responsible_authority,
    )
    return notification, await repository.deliveries_of(session, principal, notification.id)


def _visit_day(
    notification: Notification, catalogue: Catalogue, visited_on: date | None, now: datetime
) -> date | None:
    """The day a visit duty was met; checked before anything is written."""
    rule = catalogue.get(notification.rule_id)
    is_visit = rule is not None and rule.records_visits and notification.kind != "escalation"
    if not is_visit:
        if visited_on is not None:
            raise Invalid("body.visited_on", "this notification is not a visit duty")
        return None
    today = local_date(now)
    if visited_on is None:
        return today
    if visited_on > today:
        raise Invalid("body.visited_on", f"in the future (today is {today.isoformat()})")
    anchor = notification.recurrence_anchor
    if anchor is not None and visited_on < anchor:
        raise Invalid("body.visited_on", f"before the sentence or detention ({anchor.isoformat()})")
    return visited_on


async def acknowledge(
    session: AsyncSession,
    principal: Principal,
    notification_id: uuid.UUID,
    *,
    catalogue: Catalogue,
    now: datetime,
    cutoff: timedelta,
    visited_on: date | None = None,
    said: AcknowledgeRequest | None = None,
) -> Notification:
    """Acknowledge a notification of the caller's organisation; a repeat changes nothing.

    A visit duty records the day the visit was made (`visited_on`, else today in
    London): the next visit falls due the interval after it (rules.md Revision 2).

    The statutory clock stops here, not at an HTTP 200 (design.md): the duty holder's
    duty is met. Pending pushes stop too, and an open escalation of it is closed
    (`original_acknowledged`). The first acknowledgement is audited, on time or late.
    """
    notification = await _readable(session, principal, notification_id, lock=True)
    if notification.status == NotificationStatus.ACKNOWLEDGED:
        return notification
    if notification.status not in OPEN_STATUSES:
        raise Conflict(f"A {notification.status} notification cannot be acknowledged")
    visit = _visit_day(notification, catalogue, visited_on, now)
    late = bool(notification.overdue_at or (notification.due_at and notification.due_at < now))
    notification.visited_on = visit
    notification.status = NotificationStatus.ACKNOWLEDGED
    notification.acknowledged_at = now
    notification.acknowledged_by = principal.client_id
    if said is not None:
        notification.acknowledged_person = said.by
        notification.acknowledgement_note = said.note
        notification.acknowledgement_action = said.action
    notification.updated_at = now
    if notification.due_at is not None and now > notification.due_at:
        notification.breach = notification.breach or counts_as_breach(notification)
    await log_acknowledged(session, notification.id, by_client=principal.client_id, by_org=principal.org, now=now, details={"visited_on": visit.isoformat() if visit else None})  # fmt: skip
    await cancel_pending_deliveries(session, notification.id, "acknowledged")
    await close_escalations(session, notification, EndedReason.ORIGINAL_ACKNOWLEDGED, now=now)
    await create_successor(
        session, notification, catalogue, now=now, cutoff=cutoff, visited_on=visit
    )
    if visit is not None:
        await visit_made(session, notification, catalogue, visited_on=visit, now=now)
    record_audit(
        session,
        principal,
        "notification.acknowledge",
        subject_type="notification",
        subject_id=notification.id,
        subject_owner=notification.responsible_authority,
        outcome="late" if late else "on_time",
    )
    return notification
