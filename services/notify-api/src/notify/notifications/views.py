"""Notification rows shaped as the API shows them (shared by the inbox and the webhooks)."""

from __future__ import annotations

from notify.delivery.models import Delivery as DeliveryRow
from notify.delivery.models import DeliveryAttempt as AttemptRow
from notify.delivery.models import DeliveryStatus
from notify.notifications.models import Notification as NotificationRow
from notify.notifications.schemas import (
    Acknowledgement,
    Delivery,
    DeliveryAttempt,
    Notification,
    NotificationDetail,
    NotificationSubject,
    Recipient,
)
from notify.rules.catalogue import Catalogue
from notify.rules.trace import Trace
from platform_shared.calendar import LONDON

_NOTICE_TITLES = {
    "endpoint-disabled": "A push endpoint was disabled",
    "endpoint-failing": "A push endpoint keeps failing and will be disabled",
    "delivery-exhausted": "Deliveries to a push endpoint were given up",
    "delivery-recovered": "Deliveries that had failed were delivered again",
    "notification-overdue": "A notification of the organisation became overdue",
}


def notification_view(row: NotificationRow, catalogue: Catalogue) -> Notification:
    rule = catalogue.get(row.rule_id)
    title = rule.title if rule else _NOTICE_TITLES.get(row.rule_id)
    if row.kind == "escalation" and title:
        title = f"Escalation: {title}"
    if row.kind == "reminder" and title:
        title = f"Reminder: {title}"
    return Notification(
        id=row.id,
        event_id=row.event_id,
        event_type=row.event_type,
        rule=row.rule_id,
        rule_title=title,
        rules_version=row.rules_version,
        kind=row.kind,
        recipient=Recipient(org=row.recipient_org, role=row.recipient_role),
        duty_holder=row.duty_holder,
        subject=NotificationSubject.model_validate(row.subject),
        due_at=row.due_at,
        due_at_local=row.due_at.astimezone(LONDON) if row.due_at else None,
        status=row.status,
        withheld_reason=row.withheld_reason,
        sequence=row.sequence,
        occurrence=row.occurrence,
        escalation_of=row.escalation_of,
        breach=row.breach,
        basis=row.basis,
        citation=row.citation,
        created_at=row.created_at,
        delivered_at=row.delivered_at,
        acknowledged_at=row.acknowledged_at,
        overdue_at=row.overdue_at,
        ended_at=row.ended_at,
        ended_reason=row.ended_reason,
        before_events=_before_events(row, catalogue),
        breached_by_event=row.breached_by_event,
        visited_on=row.visited_on,
        acknowledgement=_acknowledgement(row),
        escalation_step=row.escalation_step,
        remind_at=row.remind_at,
        explain=Trace.model_validate(row.trace).summary() if row.trace else None,
    )


def _acknowledgement(row: NotificationRow) -> Acknowledgement | None:
    said = (row.acknowledged_person, row.acknowledgement_note, row.acknowledgement_action)
    if all(part is None for part in said):
        return None
    return Acknowledgement(
        by=row.acknowledged_person,
        note=row.acknowledgement_note,
        action=row.acknowledgement_action,
    )


def _before_events(row: NotificationRow, catalogue: Catalogue) -> list[str] | None:
    """The later events a `before_event` duty must be met before (from its rule)."""
    rule = catalogue.get(row.rule_id) if row.watch_key else None
    if rule is None or row.kind != "rule":
        return None
    events = [later.event for w in rule.event_windows for later in w.before_event]
    return list(dict.fromkeys(events))


def delivery_view(row: DeliveryRow, attempts: list[AttemptRow]) -> Delivery:
    return Delivery(
        id=row.id,
        endpoint_id=row.endpoint_id,
        channel=row.channel,
        status=row.status,
        attempts=[
            DeliveryAttempt(
                attempted_at=attempt.attempted_at,
                duration_ms=attempt.duration_ms,
                status_code=attempt.status_code,
                error=attempt.error,
                outcome=attempt.outcome,
                trigger=attempt.trigger,
            )
            for attempt in attempts
        ],
        next_attempt_at=row.next_attempt_at if row.status == DeliveryStatus.PENDING else None,
        give_up_at=row.give_up_at,
        delivered_at=row.delivered_at,
        ended_reason=row.ended_reason,
        created_at=row.created_at,
    )


def notification_detail(
    row: NotificationRow, catalogue: Catalogue, deliveries: list[Delivery]
) -> NotificationDetail:
    return NotificationDetail(
        **notification_view(row, catalogue).model_dump(),
        deliveries=deliveries,
        trace=Trace.model_validate(row.trace) if row.trace else None,
    )
