"""Making notifications: their sequence numbers, their rows and their deliveries, in one transaction.

`create_notifications` makes all of an event's notifications in a fixed number of
statements (the sequences of every recipient organisation, the rows, the endpoints, the
deliveries), whatever their number: the intake's cost is mostly round trips to the
database. `create_notification` makes one and returns it as a model object, for the
follow-ups (escalations, recurring duties, notices) that go on changing it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.enqueue import enqueue_deliveries
from notify.notifications import repository
from notify.notifications.models import Notification, NotificationStatus
from notify.proofs.log import log_made


@dataclass(frozen=True)
class NewNotification:
    """What a new notification says; `create_notification` numbers and schedules it."""

    key: str
    kind: str
    rule_id: str
    rules_version: str
    org: str
    role: str
    subject: dict[str, Any]
    due_at: datetime | None
    basis: str
    citation: str
    event_id: str | None = None
    event_type: str | None = None
    person_ref: str | None = None
    responsible_authority: str | None = None
    withheld_reason: str | None = None
    occurrence: int | None = None
    recurrence_anchor: date | None = None
    recurrence_until: date | None = None
    escalation_of: uuid.UUID | None = None
    duty_holder: str | None = None
    supersede_key: str | None = None
    #: Made already ended (an event older than one that superseded it): never pushed.
    ended_reason: str | None = None
    #: A `before_event` duty: what a later event must match to make it a breach.
    watch_key: str | None = None
    #: Why (`notify.rules.trace.Trace` as JSON), the ladder's reminder and step.
    trace: dict[str, Any] | None = None
    remind_at: datetime | None = None
    window_unit: str | None = None
    escalation_step: str | None = None


@dataclass(frozen=True)
class CreatedNotification:
    """A notification `create_notifications` wrote: what a receipt and its pushes need."""

    id: uuid.UUID
    rule_id: str
    recipient_org: str
    recipient_role: str
    status: str
    due_at: datetime | None
    sequence: int
    withheld_reason: str | None


def initial_status(new: NewNotification) -> NotificationStatus:
    """The status a notification is made in (the dry run shows the same)."""
    return _status(new)


def _status(new: NewNotification) -> NotificationStatus:
    if new.withheld_reason:
        return NotificationStatus.WITHHELD
    if new.ended_reason:
        return NotificationStatus.ENDED
    return NotificationStatus.PENDING


def _row(new: NewNotification, *, sequence: int, now: datetime) -> dict[str, Any]:
    """Every column of the notification `new` describes, numbered `sequence`."""
    status = _status(new)
    ended = status == NotificationStatus.ENDED
    return {
        "id": uuid.uuid4(),
        "key": new.key,
        "kind": new.kind,
        "event_id": new.event_id,
        "event_type": new.event_type,
        "rule_id": new.rule_id,
        "rules_version": new.rules_version,
        "recipient_org": new.org,
        "recipient_role": new.role,
        "person_ref": new.person_ref,
        "responsible_authority": new.responsible_authority,
        "subject": new.subject,
        "due_at": new.due_at,
        "duty_holder": new.duty_holder,
        "status": status,
        "withheld_reason": new.withheld_reason,
        "sequence": sequence,
        "occurrence": new.occurrence,
        "recurrence_anchor": new.recurrence_anchor,
        "recurrence_until": new.recurrence_until,
        "supersede_key": new.supersede_key,
        "escalation_of": new.escalation_of,
        "basis": new.basis,
        "citation": new.citation,
        "breach": False,
        "successor_created": False,
        "watch_key": new.watch_key,
        "breached_by_event": None,
        "visited_on": None,
        "trace": new.trace,
        "remind_at": new.remind_at if status == NotificationStatus.PENDING else None,
        "reminded_at": None,
        "window_unit": new.window_unit,
        "escalation_step": new.escalation_step,
        "acknowledged_person": None,
        "acknowledgement_note": None,
        "acknowledgement_action": None,
        "created_at": now,
        "updated_at": now,
        "ended_at": now if ended else None,
        "ended_reason": new.ended_reason if ended else None,
    }


async def create_notification(
    session: AsyncSession, new: NewNotification, *, now: datetime, cutoff: timedelta
) -> Notification:
    """Add a notification, numbered for its recipient, with a delivery per matching endpoint."""
    [sequence] = await repository.allocate_sequences(session, [new.org])
    notification = Notification(**_row(new, sequence=sequence, now=now))
    session.add(notification)
    await session.flush()
    await log_made(session, [notification], now=now)
    await enqueue_deliveries(session, [notification], now=now, cutoff=cutoff)
    return notification


async def create_notifications(
    session: AsyncSession, news: Sequence[NewNotification], *, now: datetime, cutoff: timedelta
) -> list[CreatedNotification]:
    """Add notifications, each numbered for its recipient, with their deliveries.

    The same rows as `create_notification` would write one by one, numbered in the order
    given, in four statements at most.
    """
    if not news:
        return []
    sequences = await repository.allocate_sequences(session, [new.org for new in news])
    rows = [
        _row(new, sequence=sequence, now=now) for new, sequence in zip(news, sequences, strict=True)
    ]
    await repository.insert_notifications(session, rows)
    await log_made(session, rows, now=now)
    created = [
        CreatedNotification(
            id=row["id"],
            rule_id=row["rule_id"],
            recipient_org=row["recipient_org"],
            recipient_role=row["recipient_role"],
            status=row["status"],
            due_at=row["due_at"],
            sequence=row["sequence"],
            withheld_reason=row["withheld_reason"],
        )
        for row in rows
    ]
    await enqueue_deliveries(session, created, now=now, cutoff=cutoff)
    return created


def notification_key(
    event_id: str | None, rule_id: str, org: str, role: str, occurrence: int | None
) -> str:
    """The identity of a notification: one per (event, rule, recipient, occurrence)."""
    return "|".join([event_id or "-", rule_id, org, role, str(occurrence or 0)])
