"""Recurring duties (custody visits, national protocol 8.5): the next occurrence, the end.

A recurring duty makes its next occurrence when one is acknowledged or passes, until an
ending event arrives for the person. A visit made (rules.md Revision 2) moves the next
one: it falls due the interval after the visit (`visited_on`, else the acknowledgement's
day), never later than the series counted from the sentence date (`custody.released`, `care.ended`: the rule's
`until_events`), or the next would fall due on or after the day the child is certainly
of the rule's `until_age`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notify.deadlines import repository
from notify.deadlines.ladder import reminder_at
from notify.notifications.creation import NewNotification, create_notification, notification_key
from notify.notifications.ending import end_notification
from notify.notifications.models import (
    EndedReason,
    Notification,
    NotificationKind,
    NotificationStatus,
)
from notify.rules.catalogue import Catalogue, Rule
from notify.rules.deadlines import (
    WindowDirection,
    WindowUnit,
    due_at,
    next_after_visit,
    recurring_due_date,
)
from notify.rules.trace import DeadlineTrace, Trace


def _end_of(day: date) -> datetime:
    return due_at(WindowUnit.CALENDAR_DAYS, 0, WindowDirection.AFTER, day)


async def _move_next(
    session: AsyncSession,
    series: Rule,
    *,
    event_id: str | None,
    occurrence: int,
    anchor: date,
    visited_on: date,
    now: datetime,
) -> Notification | None:
    """Bring the open `occurrence` of the series forward to the interval after the visit."""
    assert series.recurrence is not None
    successor = await repository.open_occurrence(
        session, event_id=event_id, rule_id=series.id, occurrence=occurrence
    )
    if successor is None or successor.due_at is None:
        return None
    moved = _end_of(next_after_visit(anchor, visited_on, series.recurrence.step_tuples()))
    if moved < successor.due_at:
        successor.due_at = moved
        successor.updated_at = now
    return successor


async def visit_made(
    session: AsyncSession,
    notification: Notification,
    catalogue: Catalogue,
    *,
    visited_on: date,
    now: datetime,
) -> Notification | None:
    """A first visit (`visit_of`) moves its series' first occurrence; the next occurrence
    of a series already made (after a passed one) is moved the same way."""
    rule = catalogue.get(notification.rule_id)
    if rule is None or notification.recurrence_anchor is None:
        return None
    if rule.visit_of is not None:
        series = catalogue.get(rule.visit_of)
        occurrence = 1
    elif rule.recurrence is not None and notification.occurrence is not None:
        series, occurrence = rule, notification.occurrence + 1
    else:
        return None
    if series is None or series.recurrence is None:
        return None
    series = catalogue.in_force(series, notification.responsible_authority)
    return await _move_next(
        session,
        series,
        event_id=notification.event_id,
        occurrence=occurrence,
        anchor=notification.recurrence_anchor,
        visited_on=visited_on,
        now=now,
    )


async def create_successor(
    session: AsyncSession,
    notification: Notification,
    catalogue: Catalogue,
    *,
    now: datetime,
    cutoff: timedelta,
    visited_on: date | None = None,
) -> Notification | None:
    """The next occurrence of a recurring duty, once; None when there is none to make.

    Due the step after the series' last (from the sentence date), or the interval after
    the visit made (`visited_on`) when that is sooner.
    """
    rule = catalogue.get(notification.rule_id)
    if rule is not None:
        rule = catalogue.in_force(rule, notification.responsible_authority)
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
    if visited_on is not None:
        day = min(
            day,
            next_after_visit(
                notification.recurrence_anchor, visited_on, rule.recurrence.step_tuples()
            ),
        )
    notification.successor_created = True
    if notification.recurrence_until is not None and day >= notification.recurrence_until:
        return None  # the duty ends at the age limit: no more occurrences
    due = _end_of(day)
    remind = reminder_at(
        catalogue.ladders.for_rule(notification.responsible_authority, rule.basis),
        unit=WindowUnit.CALENDAR_DAYS,
        amount=0,
        after=False,
        anchor=day,
        received=now,
        due=due,
    )
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
            due_at=due,
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
            trace=_successor_trace(notification, occurrence, day, due, remind),
            remind_at=remind,
            window_unit=WindowUnit.CALENDAR_DAYS,
        ),
        now=now,
        cutoff=cutoff,
    )


def _successor_trace(
    previous: Notification, occurrence: int, day: date, due: datetime, remind: datetime | None
) -> dict[str, object] | None:
    """The previous occurrence's trace, its deadline moved on to this occurrence."""
    if previous.trace is None:
        return None
    trace = Trace.model_validate(previous.trace)
    deadline = trace.deadline or DeadlineTrace(
        anchor=None, anchor_value=None, unit=None, amount=None, direction=None, due_at=None
    )
    trace.deadline = deadline.model_copy(
        update={
            "due_at": due,
            "reminder_at": remind,
            "skipped": [],
            "recurrence": f"occurrence {occurrence} of a recurring duty, due {day.isoformat()}",
        }
    )
    return trace.model_dump(mode="json")


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
