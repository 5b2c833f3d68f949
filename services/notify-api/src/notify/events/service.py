"""Event intake: store each CloudEvent id once and make its notifications, in one transaction.

The rules are evaluated before anything is written: an event lacking what a rule needs
is refused whole (422 naming `data.<field>`). The event row is inserted with
`ON CONFLICT DO NOTHING`, so two deliveries of the same id racing each other make
notifications once; the loser answers with the winner's receipt.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from notify.events.models import Event
from notify.events.schemas import CloudEvent, EventReceipt, NotificationSummary
from notify.notifications.creation import NewNotification, create_notification
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


async def _stored_receipt(session: AsyncSession, event_id: str) -> EventReceipt | None:
    receipt = await session.scalar(select(Event.receipt).where(Event.id == event_id))
    return EventReceipt.model_validate(receipt) if receipt is not None else None


async def _insert_event(
    session: AsyncSession, event: CloudEvent, evaluation: Evaluation, now: datetime
) -> bool:
    """Insert the event row; False when the id is already stored (by a concurrent request)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    data = event.data or {}
    authority = data.get("responsible_authority")
    statement = (
        insert(Event)
        .values(
            id=event.id,
            source=event.source,
            type=event.type,
            subject=event.subject,
            time=event.time,
            data=event.data,
            person_ref=evaluation.person_ref,
            responsible_authority=authority if isinstance(authority, str) else None,
            matched=bool(evaluation.matched_rules),
            receipt={},
            received_at=now,
            supersede_key=evaluation.supersede_key,
        )
        .on_conflict_do_nothing(index_elements=[Event.id])
        .returning(Event.id)
    )
    return (await session.execute(statement)).scalar_one_or_none() is not None


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
    stored = await _stored_receipt(session, event.id)
    if stored is not None:
        return stored, False
    evaluation = evaluate_event(catalogue, event.type, event.time, event.data or {}, directory)
    if evaluation.issues:
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
        stale = await superseded_by_later(
            session, key=key, event_id=event.id, event_time=event.time
        )
        if not stale:
            superseded = await supersede_earlier(
                session, key=key, event_id=event.id, event_time=event.time, now=now
            )
    summaries = []
    for planned in evaluation.notifications:
        new = _new_notification(planned, event, catalogue, supersede_key=key, stale=stale)
        notification = await create_notification(session, new, now=now, cutoff=cutoff)
        summaries.append(
            NotificationSummary(
                id=notification.id,
                rule=notification.rule_id,
                recipient=Recipient(org=notification.recipient_org, role=planned.role),
                status=notification.status,
                due_at=notification.due_at,
                sequence=notification.sequence,
            )
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
        notifications=summaries,
        ended_duties=[duty.id for duty in ended],
        superseded=[notification.id for notification in superseded],
    )
    row = await session.get(Event, event.id)
    assert row is not None
    row.receipt = receipt.model_dump(mode="json")
    return receipt, True
