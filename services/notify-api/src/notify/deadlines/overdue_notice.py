"""`notification.overdue` (issue 17): the organisation holding a notification is told, as a
platform notice, when the sweeper marks it overdue.

The escalation ladder raises an overdue notification to someone else (the escalation
contact, the duty team); this notice tells the recipient organisation itself, on its
platform channel, so that a case system subscribed to operational messages learns of
it without polling the inbox. One per notification (its key is the notification's id),
made in the sweep's transaction; notices have no deadline, so a notice is never overdue.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notify.notifications.creation import NewNotification, create_notification
from notify.notifications.models import Notification, NotificationKind
from notify.rules.catalogue import Catalogue
from platform_shared.contracts.vocabularies import Role

NOTICE_RULE = "notification-overdue"
NOTICE_CITATION = (
    "issue 17: a notification that becomes overdue is told to the organisation holding it"
)


async def tell_overdue(
    session: AsyncSession,
    notification: Notification,
    catalogue: Catalogue,
    *,
    now: datetime,
    cutoff: timedelta,
) -> Notification:
    """The `notification-overdue` notice of `notification`, just marked overdue."""
    due = notification.due_at.isoformat() if notification.due_at else "its deadline"
    return await create_notification(
        session,
        NewNotification(
            key=f"notice|{NOTICE_RULE}|{notification.id}",
            kind=NotificationKind.NOTICE,
            rule_id=NOTICE_RULE,
            rules_version=catalogue.version,
            org=notification.recipient_org,
            role=Role.PLATFORM,
            subject={
                "notification_id": str(notification.id),
                "escalated_rule": notification.rule_id,
                "escalated_recipient": {
                    "org": notification.recipient_org,
                    "role": notification.recipient_role,
                },
                "escalated_due_at": (
                    notification.due_at.isoformat() if notification.due_at else None
                ),
                "reason": (
                    f"notification {notification.sequence} ({notification.rule_id}) was not"
                    f" acknowledged by {due}; it is overdue"
                ),
            },
            due_at=None,
            basis="platform",
            citation=NOTICE_CITATION,
        ),
        now=now,
        cutoff=cutoff,
    )
