"""Recurring duties (custody visits, national protocol 8.5): the next occurrence, the end.

A recurring duty makes its next occurrence when one is acknowledged or passes, until an
ending event arrives for the person (`custody.released`, `care.ended`: the rule's
`until_events`), or the next would fall due on or after the day the child is certainly
of the rule's `until_age`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notify.deadlines import repository
from notify.notifications.creation import NewNotification, create_notification, notification_key
from notify.notifications.ending import end_notification
from notify.notifications.models import (
    EndedReason,
    Notification,
    NotificationKind,
    NotificationStatus,
)
from notify.rules.catalogue import Catalogue
from notify.rules.deadlines import WindowDirection, WindowUnit, due_at, recurring_due_date


async def create_successor(
    session: AsyncSession,
    notification: Notification,
    catalogue: Catalogue,
    *,
    now: datetime,
    cutoff: timedelta,
) -> Notification | None:
    """The next occurrence of a recurring duty, once; None when there is none to make."""
    rule = catalogue.get(notification.rule_id)
    if (
        rule is None
        or rule.recurrence is None
        or notification.kind != NotificationKind.RECURRING
        or notification.successor_created
        or notification.status == NotificationStatus.ENDED
        or notification.recurrence_anchor is None
        or notification.occurrence is None
    ):
        return None
    occurrence = notification.occurrence + 1
    day = recurring_due_date(
        notification.recurrence_anchor,
        rule.recurrence.first_after_days,
        rule.recurrence.step_tuples(),
        occurrence,
    )
    notification.successor_created = True
    if notification.recurrence_until is not None and day >= notification.recurrence_until:
        return None  # the duty ends at the age limit: no more occurrences
    return await create_notification(
        session,
        NewNotification(
            key=notification_key(
                notification.event_id,
                notification.rule_id,
                notification.recipient_org,
                notification.recipient_role,
                occurrence,
            ),
            kind=NotificationKind.RECURRING,
            rule_id=rule.id,
            rules_version=catalogue.version,
            org=notification.recipient_org,
            role=notification.recipient_role,
            subject=notification.subject,
            due_at=due_at(WindowUnit.CALENDAR_DAYS, 0, WindowDirection.AFTER, day),
            basis=rule.basis,
            citation=rule.citation,
            event_id=notification.event_id,
            event_type=notification.event_type,
            person_ref=notification.person_ref,
            responsible_authority=notification.responsible_authority,
            occurrence=occurrence,
            recurrence_anchor=notification.recurrence_anchor,
            recurrence_until=notification.recurrence_until,
            duty_holder=notification.duty_holder,
            supersede_key=notification.supersede_key,
        ),
        now=now,
        cutoff=cutoff,
    )


async def end_recurring_duties(
    session: AsyncSession,
    catalogue: Catalogue,
    *,
    person_ref: str,
    event_type: str,
    event_id: str,
    now: datetime,
) -> list[Notification]:
    """End the open recurring duties about a person that `event_type` ends."""
    ending = [
        rule.id
        for rule in catalogue.rules
        if rule.recurrence and event_type in rule.recurrence.until_events
    ]
    if not ending:
        return []
    duties = await repository.open_recurring_duties(session, person_ref=person_ref, rule_ids=ending)
    for duty in duties:
        await end_notification(
            session,
            duty,
            EndedReason.ENDING_EVENT,
            now=now,
            event_id=event_id,
            detail=f"ended by {event_type}",
        )
    return duties
