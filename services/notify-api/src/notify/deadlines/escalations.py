"""What an overdue notification raises: the steps of the escalation ladder, and a breach
when its rule is statutory (`notify.deadlines.ladder` says who and when).

- overdue: the recipient's own escalation contact (role `escalation_contact`) and the
  duty holder (role `duty_holder`) when it is another organisation;
- a statutory breach, or an overdue step left unacknowledged: the responsible
  authority's escalation route (role `escalation`) and, out of its office hours for an
  hour-based window, its emergency duty team (role `emergency_duty`), only when the
  authority can act on the notification (it received it or holds the duty: a YOT's or
  a police force's duty is not the authority's to meet).

Every step is a notification of its own (kind `escalation`, `escalation_of` the
original, a trace saying why), closed when the original is acknowledged or ends
(`notify.notifications.ending.close_escalations`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notify.deadlines.ladder import Ladder
from notify.notifications import repository
from notify.notifications.creation import NewNotification, create_notification
from notify.notifications.models import (
    EscalationStep,
    Notification,
    NotificationKind,
    NotificationStatus,
)
from notify.proofs.log import log_escalated
from notify.rules.catalogue import Catalogue
from notify.rules.deadlines import ELAPSED_UNITS
from notify.rules.trace import RuleTrace, StepTrace, Trace
from platform_shared.contracts.vocabularies import Role

_ORIGINALS = (NotificationKind.RULE, NotificationKind.RECURRING)


def counts_as_breach(notification: Notification) -> bool:
    """A statutory deadline missed by a notification a rule required (not an escalation)."""
    return notification.basis == "statutory" and notification.kind in _ORIGINALS


def ladder_of(catalogue: Catalogue, notification: Notification) -> Ladder:
    return catalogue.ladders.for_rule(notification.responsible_authority, notification.basis)


def _trace(
    original: Notification, catalogue: Catalogue, step: EscalationStep, because: str, why: str
) -> dict[str, object]:
    rule = catalogue.get(original.rule_id)
    trace = Trace(
        rules_version=original.rules_version,
        event_type=original.event_type,
        rule=RuleTrace(
            rule=original.rule_id,
            title=rule.title if rule else original.rule_id,
            basis=original.basis,
            citation=original.citation,
            matched=True,
            why=f"{step} step of the escalation ladder",
        ),
        step=StepTrace(step=step, of=str(original.id), because=because, recipient_reason=why),
    )
    return trace.model_dump(mode="json")


async def _step(
    session: AsyncSession,
    original: Notification,
    catalogue: Catalogue,
    *,
    step: EscalationStep,
    org: str,
    role: Role,
    because: str,
    why: str,
    due: datetime | None,
    now: datetime,
    cutoff: timedelta,
    kind: NotificationKind = NotificationKind.ESCALATION,
) -> Notification | None:
    key = f"ladder|{step}|{role}|{original.id}"
    if await repository.notification_by_key(session, key) is not None:
        return None  # this step was raised already (both overdue steps went overdue)
    subject = {
        **original.subject,
        "escalated_rule": original.rule_id,
        "escalated_recipient": {"org": original.recipient_org, "role": original.recipient_role},
        "escalated_due_at": original.due_at.isoformat() if original.due_at else None,
    }
    made = await create_notification(
        session,
        NewNotification(
            key=key,
            kind=kind,
            rule_id=original.rule_id,
            rules_version=original.rules_version,
            org=org,
            role=role,
            subject=subject,
            due_at=due,
            basis=original.basis,
            citation=original.citation,
            event_id=original.event_id,
            event_type=original.event_type,
            person_ref=original.person_ref,
            responsible_authority=original.responsible_authority,
            escalation_of=original.id,
            trace=_trace(original, catalogue, step, because, why),
            escalation_step=step,
        ),
        now=now,
        cutoff=cutoff,
    )
    if step != EscalationStep.REMINDER:
        # A reminder is the recipient's own nudge, not an escalation of the duty.
        await log_escalated(session, original.id, made, now=now)
    return made


async def remind(
    session: AsyncSession,
    original: Notification,
    catalogue: Catalogue,
    *,
    now: datetime,
    cutoff: timedelta,
) -> Notification | None:
    """The reminder to the recipient itself, in the role it received the original in."""
    original.reminded_at = now
    return await _step(
        session,
        original,
        catalogue,
        step=EscalationStep.REMINDER,
        org=original.recipient_org,
        role=Role(original.recipient_role),
        because="most of the window has passed without acknowledgement",
        why="the recipient itself",
        due=original.due_at,
        now=now,
        cutoff=cutoff,
        kind=NotificationKind.REMINDER,
    )


async def _overdue_steps(
    session: AsyncSession,
    original: Notification,
    catalogue: Catalogue,
    ladder: Ladder,
    *,
    now: datetime,
    cutoff: timedelta,
) -> list[Notification]:
    made = []
    for role in ladder.overdue_roles:
        if role == Role.ESCALATION_CONTACT:
            org, why = original.recipient_org, "the recipient's own escalation contact"
        elif original.duty_holder and original.duty_holder != original.recipient_org:
            org, why = original.duty_holder, "the organisation whose duty it discharges"
        else:
            continue
        step = await _step(
            session,
            original,
            catalogue,
            step=EscalationStep.OVERDUE,
            org=org,
            role=role,
            because="the deadline passed without acknowledgement",
            why=why,
            due=now + ladder.step_window,
            now=now,
            cutoff=cutoff,
        )
        if step is not None:
            made.append(step)
    return made


def authority_can_act(original: Notification) -> bool:
    """Whether the responsible authority can act on the notification: it received it or
    holds its duty (a YOT's or a police force's notification is not its to meet)."""
    authority = original.responsible_authority
    return authority is not None and authority in (original.recipient_org, original.duty_holder)


async def _breach_steps(
    session: AsyncSession,
    original: Notification,
    catalogue: Catalogue,
    ladder: Ladder,
    *,
    because: str,
    now: datetime,
    cutoff: timedelta,
) -> list[Notification]:
    authority = original.responsible_authority
    if authority is None or not authority_can_act(original):
        return []
    made = []
    for role in ladder.breach_roles:
        if role == Role.EMERGENCY_DUTY:
            hourly = original.window_unit in ELAPSED_UNITS
            if not hourly or ladder.in_office_hours(now):
                continue
            why = "the responsible authority's emergency duty team (out of office hours)"
        else:
            why = "the responsible authority's escalation route (head of service)"
        step = await _step(
            session,
            original,
            catalogue,
            step=EscalationStep.BREACH,
            org=authority,
            role=role,
            because=because,
            why=why,
            due=now + ladder.step_window,
            now=now,
            cutoff=cutoff,
        )
        if step is not None:
            made.append(step)
    return made


async def escalate(
    session: AsyncSession,
    notification: Notification,
    catalogue: Catalogue,
    *,
    now: datetime,
    cutoff: timedelta,
) -> list[Notification]:
    """Raise the ladder's next steps for a notification that just went overdue.

    An original: its overdue steps, and its breach steps at once when it is a statutory
    breach. An overdue step left unacknowledged: its original's breach steps (once). A
    breach step is the top of the ladder: nothing further.
    """
    if notification.kind in _ORIGINALS:
        ladder = ladder_of(catalogue, notification)
        made = await _overdue_steps(
            session, notification, catalogue, ladder, now=now, cutoff=cutoff
        )
        if notification.breach:
            made += await _breach_steps(
                session,
                notification,
                catalogue,
                ladder,
                because="a statutory deadline was missed",
                now=now,
                cutoff=cutoff,
            )
        return made
    if notification.escalation_step != EscalationStep.OVERDUE:
        return []
    original = await repository.original_of(session, notification)
    if original is None or original.status != NotificationStatus.OVERDUE:
        return []
    return await _breach_steps(
        session,
        original,
        catalogue,
        ladder_of(catalogue, original),
        because="the overdue escalation was left unacknowledged",
        now=now,
        cutoff=cutoff,
    )
