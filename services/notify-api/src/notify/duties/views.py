"""A board row as the API shows it: whose it is, whether it is met, and met in time."""

from __future__ import annotations

from datetime import datetime

from notify.duties.schemas import CallerRole, Duty
from notify.notifications.models import OPEN_STATUSES, Notification, NotificationStatus
from notify.notifications.views import notification_view
from notify.rules.catalogue import Catalogue


def met_on_time(row: Notification) -> bool | None:
    """Whether the duty was met by its deadline; None while it is not met.

    The same "late" as the figures: acknowledged after `due_at`, or after it was marked
    overdue.
    """
    if row.status != NotificationStatus.ACKNOWLEDGED or row.acknowledged_at is None:
        return None
    if row.due_at is None:
        return True
    return row.acknowledged_at <= row.due_at and row.overdue_at is None


def duty_view(row: Notification, catalogue: Catalogue, *, caller_org: str, now: datetime) -> Duty:
    view = notification_view(row, catalogue)
    assert view.due_at is not None and view.due_at_local is not None
    met = row.status == NotificationStatus.ACKNOWLEDGED
    return Duty(
        notification_id=view.id,
        rule=view.rule,
        title=view.rule_title,
        kind=view.kind,
        recipient=view.recipient,
        duty_holder=view.duty_holder,
        caller_role=(
            CallerRole.RECIPIENT if row.recipient_org == caller_org else CallerRole.DUTY_HOLDER
        ),
        subject=view.subject,
        due_at=view.due_at,
        due_at_local=view.due_at_local,
        overdue=row.status in OPEN_STATUSES and view.due_at < now,
        status=view.status,
        met_at=view.acknowledged_at if met else None,
        met_on_time=met_on_time(row),
        occurrence=view.occurrence,
        basis=view.basis,
        acknowledgement=view.acknowledgement,
    )
