"""What an overdue notification raises: an escalation to the responsible authority, and
a breach when its rule is statutory.

An overdue, unacknowledged notification raises an escalation to the responsible
authority's escalation route (role `escalation`); the escalation closes when its
original is acknowledged or ends (`notify.notifications.ending.close_escalations`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notify.notifications.creation import NewNotification, create_notification
from notify.notifications.models import Notification, NotificationKind
from notify.proofs.log import log_escalated
from notify.rules.catalogue import Catalogue
from platform_shared.contracts.vocabularies import Role


def counts_as_breach(notification: Notification) -> bool:
    """A statutory deadline missed by a notification a rule required (not an escalation)."""
    return notification.basis == "statutory" and notification.kind in (
        NotificationKind.RULE,
        NotificationKind.RECURRING,
    )


async def escalate(
    session: AsyncSession,
    notification: Notification,
    catalogue: Catalogue,
    *,
    due: datetime,
    now: datetime,
    cutoff: timedelta,
) -> Notification | None:
    """Tell the responsible authority's escalation route that a notification is overdue.

    The escalation is the platform's own chase: it has no duty holder, and it closes when
    the original is acknowledged or ends (`notify.notifications.ending.close_escalations`).
    """
    if notification.responsible_authority is None or notification.kind not in (
        NotificationKind.RULE,
        NotificationKind.RECURRING,
    ):
        return None
    subject = {
        **notification.subject,
        "escalated_rule": notification.rule_id,
        "escalated_recipient": {
            "org": notification.recipient_org,
            "role": notification.recipient_role,
        },
        "escalated_due_at": notification.due_at.isoformat() if notification.due_at else None,
    }
    escalation = await create_notification(
        session,
        NewNotification(
            key=f"escalation|{notification.id}",
            kind=NotificationKind.ESCALATION,
            rule_id=notification.rule_id,
            rules_version=notification.rules_version,
            org=notification.responsible_authority,
            role=Role.ESCALATION,
            subject=subject,
            due_at=due,
            basis=notification.basis,
            citation=notification.citation,
            event_id=notification.event_id,
            event_type=notification.event_type,
            person_ref=notification.person_ref,
            responsible_authority=notification.responsible_authority,
            escalation_of=notification.id,
        ),
        now=now,
        cutoff=cutoff,
    )
    await log_escalated(session, notification.id, escalation, now=now)
    return escalation
