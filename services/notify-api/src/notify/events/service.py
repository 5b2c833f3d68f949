"""Event intake: store each CloudEvent id once and make its notifications, in one transaction.

The rules are evaluated before anything is written: an event lacking what a rule needs
is refused whole (422 naming `data.<field>`), unless its id is stored already (a repeat is
answered with its first receipt, whatever the rules say now). The event row is inserted
with `ON CONFLICT DO NOTHING`, so two deliveries of the same id racing each other make
notifications once; the loser answers with the winner's receipt. That insert is also how
a repeat is found: a new event, by far the usual case, costs no lookup first.

The intake is mostly round trips to the database: an event's notifications and their
deliveries are written a few statements for all (`create_notifications`), and the
receipt by one UPDATE of the row inserted first.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from notify.events.models import Event
from notify.events.schemas import CloudEvent, EventReceipt, NotificationSummary
from notify.notifications.creation import NewNotification, create_notifications
from notify.notifications.ending import supersede_earlier, superseded_by_later
from notify.notifications.follow_up import end_recurring_duties, notification_key
from notify.notifications.models import EndedReason, Notification, NotificationKind
from notify.notifications.schemas import Recipient
from notify.rules.catalogue import Catalogue
from notify.rules.evaluation import Evaluation, PlannedNotification, evaluate_event
from platform_shared.organisations import OrganisationDirectory
from platform_shared.problems import DomainError


class EventRefused(DomainError):
    """The event lacks, or gets wrong, what a rule needs; nothing was stored."""

    status, slug, title = 422, "invalid", "Invalid request"


def _insert_event_statement(insert: Any) -> Any:
    return (
        insert(_events)
        .on_conflict_do_nothing(index_elements=[_events.c.id])
        .returning(_events.c.id)
    )


_events = cast(Table, Event.__table__)
# Statements built once: building one costs more CPU than executing it (values are
# parameters).
_INSERT_EVENT = {
    "postgresql": _insert_event_statement(postgresql_insert),
    "sqlite": _insert_event_statement(sqlite_insert),
}
_WRITE_RECEIPT = update(_events).where(_events.c.id == bindparam("event_id"))
#: Namespaces this service's advisory locks on supersede keys.
_SUPERSEDE_LOCKS = "notify.supersede_key"


async def _stored_receipt(session: AsyncSession, event_id: str) -> EventReceipt | None:
    receipt = await session.scalar(select(Event.receipt).where(Event.id == event_id))
    return EventReceipt.model_validate(receipt) if receipt is not None else None


async def _insert_event(
    session: AsyncSession, event: CloudEvent, evaluation: Evaluation, now: datetime
) -> bool:
    """Insert the event row; False when the id is already stored (by a concurrent request)."""
    data = event.data or {}
    authority = data.get("responsible_authority")
    row = {
        "id": event.id,
        "source": event.source,
        "type": event.type,
        "subject": event.subject,
        "time": event.time,
        "data": event.data,
        "person_ref": evaluation.person_ref,
        "responsible_authority": authority if isinstance(authority, str) else None,
        "matched": bool(evaluation.matched_rules),
        "receipt": {},
        "received_at": now,
        "supersede_key": evaluation.supersede_key,
    }
    statement = _INSERT_EVENT[session.get_bind().dialect.name]
    return (await session.execute(statement, row)).scalar_one_or_none() is not None


async def _take_turns_on(session: AsyncSession, key: str) -> None:
    """Take in events of one supersede key one at a time, until this transaction ends.

    Two events of a key taken in at once would each miss the other's uncommitted rows, and
    neither would supersede the other (the relays post concurrently, and several relays
    run side by side). A transaction-scoped advisory lock on PostgreSQL; SQLite writers
    already take turns (`BEGIN IMMEDIATE`).
    """
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(
            select(func.pg_advisory_xact_lock(func.hashtext(_SUPERSEDE_LOCKS), func.hashtext(key)))
        )


def _new_notification(
    planned: PlannedNotification,
    event: CloudEvent,
    catalogue: Catalogue,
    *,
    supersede_key: str | None,
    stale: bool,
) -> NewNotification:
    rule = planned.rule
    kind = NotificationKind.RECURRING if rule.recurrence else NotificationKind.RULE
    return NewNotification(
        key=notification_key(event.id, rule.id, planned.org, planned.role, planned.occurrence),
        kind=kind,
        rule_id=rule.id,
        rules_version=catalogue.version,
        org=planned.org,
        role=planned.role,
        subject=planned.subject,
        due_at=planned.due_at,
        basis=rule.basis,
        citation=rule.citation,
        event_id=event.id,
        event_type=event.type,
        person_ref=planned.person_ref,
        responsible_authority=planned.subject.get("responsible_authority"),
        withheld_reason=planned.withheld_reason,
        occurrence=planned.occurrence,
        recurrence_anchor=planned.recurrence_anchor,
        recurrence_until=planned.recurrence_until,
        duty_holder=planned.duty_holder,
        supersede_key=supersede_key,
        ended_reason=EndedReason.SUPERSEDED if stale and not planned.withheld_reason else None,
    )


async def receive_event(
    session: AsyncSession,
    event: CloudEvent,
    *,
    catalogue: Catalogue,
    directory: OrganisationDirectory,
    now: datetime,
    cutoff: timedelta,
) -> tuple[EventReceipt, bool]:
    """Store the event and make its notifications; returns the receipt and whether it is new."""
    evaluation = evaluate_event(catalogue, event.type, event.time, event.data or {}, directory)
    if evaluation.issues:
        stored = await _stored_receipt(session, event.id)
        if stored is not None:
            return stored, False
        raise EventRefused(
            "The event lacks or gets wrong what the rules need; nothing was stored",
            errors=evaluation.issues,
        )
    if not await _insert_event(session, event, evaluation, now):
        stored = await _stored_receipt(session, event.id)
        assert stored is not None
        return stored, False
    superseded: list[Notification] = []
    stale = False
    key = evaluation.supersede_key
    if key is not None:
        await _take_turns_on(session, key)
        stale = await superseded_by_later(
            session, key=key, event_id=event.id, event_time=event.time
        )
        if not stale:
            superseded = await supersede_earlier(
                session, key=key, event_id=event.id, event_time=event.time, now=now
            )
    created = await create_notifications(
        session,
        [
            _new_notification(planned, event, catalogue, supersede_key=key, stale=stale)
            for planned in evaluation.notifications
        ],
        now=now,
        cutoff=cutoff,
    )
    ended = []
    if evaluation.ends_recurring_duties and evaluation.person_ref:
        ended = await end_recurring_duties(
            session,
            catalogue,
            person_ref=evaluation.person_ref,
            event_type=event.type,
            event_id=event.id,
            now=now,
        )
    receipt = EventReceipt(
        id=event.id,
        type=event.type,
        source=event.source,
        received_at=now,
        rules_version=catalogue.version,
        matched_rules=evaluation.matched_rules,
        notifications=[
            NotificationSummary(
                id=notification.id,
                rule=notification.rule_id,
                recipient=Recipient(
                    org=notification.recipient_org, role=notification.recipient_role
                ),
                status=notification.status,
                due_at=notification.due_at,
                sequence=notification.sequence,
            )
            for notification in created
        ],
        ended_duties=[duty.id for duty in ended],
        superseded=[notification.id for notification in superseded],
    )
    await session.execute(
        _WRITE_RECEIPT, {"event_id": event.id, "receipt": receipt.model_dump(mode="json")}
    )
    return receipt, True
