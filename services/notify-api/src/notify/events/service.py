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

from sqlalchemy.ext.asyncio import AsyncSession

from notify.deadlines.before_event import breach_before_event
from notify.deadlines.recurring import end_recurring_duties
from notify.events import repository
from notify.events.imported import is_imported, keep_open_duties
from notify.events.schemas import CloudEvent, EventReceipt, NotificationSummary
from notify.notifications.creation import (
    CreatedNotification,
    NewNotification,
    create_notifications,
    notification_key,
)
from notify.notifications.ending import supersede_earlier
from notify.notifications.models import EndedReason, Notification, NotificationKind
from notify.notifications.schemas import Recipient
from notify.rules.catalogue import Catalogue
from notify.rules.deadlines import WindowUnit
from notify.rules.evaluation import Evaluation, PlannedNotification, evaluate_event
from notify.sandbox import is_marked_sandbox, sandboxed_evaluation, sandboxed_event
from platform_shared.auth import sandbox_org
from platform_shared.organisations import OrganisationDirectory
from platform_shared.problems import Invalid, NotFound

REFUSED = "The event lacks or gets wrong what the rules need; nothing was stored"


async def _stored_receipt(session: AsyncSession, event_id: str) -> EventReceipt | None:
    receipt = await repository.stored_receipt(session, event_id)
    return EventReceipt.model_validate(receipt) if receipt is not None else None


async def read_receipt(session: AsyncSession, event_id: str) -> EventReceipt:
    """The receipt given for a stored event id (404 when no event has that id)."""
    receipt = await _stored_receipt(session, event_id)
    if receipt is None:
        raise NotFound("No event with this id")
    return receipt


def event_row(event: CloudEvent, evaluation: Evaluation, now: datetime) -> dict[str, object]:
    data = event.data or {}
    authority = data.get("responsible_authority")
    if is_marked_sandbox(event) and isinstance(authority, str):
        authority = sandbox_org(authority)
    return {
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
        watch_key=planned.watch_key,
        trace=planned.trace.model_dump(mode="json") if planned.trace else None,
        remind_at=planned.remind_at,
        window_unit=planned.window_unit,
    )


def planned_notifications(
    evaluation: Evaluation,
    event: CloudEvent,
    catalogue: Catalogue,
    *,
    supersede_key: str | None = None,
    stale: bool = False,
) -> list[NewNotification]:
    """What the intake writes for an evaluated event; the dry run answers the same."""
    return [
        _new_notification(planned, event, catalogue, supersede_key=supersede_key, stale=stale)
        for planned in evaluation.notifications
    ]


async def _supersede(
    session: AsyncSession, event: CloudEvent, key: str | None, now: datetime
) -> tuple[bool, list[Notification]]:
    """Whether a later event of the key already supersedes this one (then what it requires
    is made ended), else the open notifications of earlier events this one ends."""
    if key is None:
        return False, []
    await repository.take_turns_on(session, key)
    if await repository.later_event_stored(
        session, key=key, event_id=event.id, event_time=event.time
    ):
        return True, []
    superseded = await supersede_earlier(
        session, key=key, event_id=event.id, event_time=event.time, now=now
    )
    return False, superseded


def make_receipt(
    event: CloudEvent,
    evaluation: Evaluation,
    catalogue: Catalogue,
    *,
    now: datetime,
    created: list[CreatedNotification],
    ended: list[Notification],
    superseded: list[Notification],
    breached: list[Notification],
) -> EventReceipt:
    return EventReceipt(
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
        breached=[notification.id for notification in breached],
    )


async def receive_event(
    session: AsyncSession,
    event: CloudEvent,
    *,
    catalogue: Catalogue,
    directory: OrganisationDirectory,
    now: datetime,
    cutoff: timedelta,
    escalation_window: tuple[WindowUnit, int] = (WindowUnit.HOURS, 4),
    sandbox: bool = False,
) -> tuple[EventReceipt, bool]:
    """Store the event and make its notifications; returns the receipt and whether it is new.

    A `sandbox` event is kept apart from live data (`notify.sandbox`): its id, keys and
    recipients are the sandbox's.
    """
    if sandbox:
        event = sandboxed_event(event)
    evaluation = evaluate(event, catalogue, directory)
    if evaluation.issues:
        stored = await _stored_receipt(session, event.id)
        if stored is not None:
            return stored, False
        raise Invalid.of(evaluation.issues, REFUSED)
    return await take_in(
        session,
        event,
        evaluation,
        catalogue=catalogue,
        now=now,
        cutoff=cutoff,
        escalation_window=escalation_window,
    )


def evaluate(
    event: CloudEvent, catalogue: Catalogue, directory: OrganisationDirectory
) -> Evaluation:
    """What the rules make of the event (no database): its notifications, or its issues;
    a sandbox event's (`sandboxed_event`) addressed to sandbox twins only."""
    evaluation = evaluate_event(catalogue, event.type, event.time, event.data or {}, directory)
    if is_marked_sandbox(event) and not evaluation.issues:
        evaluation = sandboxed_evaluation(evaluation)
    return evaluation


async def take_in(
    session: AsyncSession,
    event: CloudEvent,
    evaluation: Evaluation,
    *,
    catalogue: Catalogue,
    now: datetime,
    cutoff: timedelta,
    escalation_window: tuple[WindowUnit, int] = (WindowUnit.HOURS, 4),
) -> tuple[EventReceipt, bool]:
    """Store an event the rules accepted (`evaluation` has no issues) and do what it
    requires; returns the receipt and whether it is new (else the stored receipt)."""
    if not await repository.insert_event(session, event_row(event, evaluation, now)):
        stored = await _stored_receipt(session, event.id)
        assert stored is not None
        return stored, False
    if is_imported(event.data):
        evaluation = await keep_open_duties(session, event.id, event.time, evaluation)
    key = evaluation.supersede_key
    stale, superseded = await _supersede(session, event, key, now)
    created = await create_notifications(
        session,
        planned_notifications(evaluation, event, catalogue, supersede_key=key, stale=stale),
        now=now,
        cutoff=cutoff,
    )
    ended: list[Notification] = []
    if evaluation.ends_recurring_duties and evaluation.person_ref:
        ended = await end_recurring_duties(
            session,
            catalogue,
            person_ref=evaluation.person_ref,
            event_type=event.type,
            event_id=event.id,
            now=now,
        )
    breached = await breach_before_event(
        session,
        catalogue,
        keys=evaluation.breach_keys,
        event_id=event.id,
        now=now,
        escalation_window=escalation_window,
        cutoff=cutoff,
    )
    receipt = make_receipt(
        event,
        evaluation,
        catalogue,
        now=now,
        created=created,
        ended=ended,
        superseded=superseded,
        breached=breached,
    )
    await repository.write_receipt(session, event.id, receipt.model_dump(mode="json"))
    return receipt, True
