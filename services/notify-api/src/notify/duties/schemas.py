"""The duties board: deadlines the caller's organisation must meet or holds the duty of."""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, Field

from notify.notifications.models import NotificationKind, NotificationStatus
from notify.notifications.schemas import Acknowledgement, NotificationSubject, Recipient
from platform_shared.web.pagination import Page


class DutyState(StrEnum):
    #: Still waited for: pending, delivered or overdue.
    OPEN = "open"
    #: Acknowledged by the recipient: the duty is met.
    MET = "met"
    #: Every notification with a deadline, whatever its status (also ended).
    ALL = "all"


class CallerRole(StrEnum):
    """How the caller's organisation is concerned by a duty on its board."""

    #: It receives the notification and must acknowledge it (also when it holds the duty).
    RECIPIENT = "recipient"
    #: The platform notified on its behalf; the recipient's acknowledgement meets its duty.
    DUTY_HOLDER = "duty_holder"


class Duty(BaseModel):
    """A deadline: a notification the caller receives or holds the duty of, soonest first."""

    notification_id: uuid.UUID
    rule: str
    title: str | None
    kind: NotificationKind
    recipient: Recipient
    duty_holder: str | None = Field(description="Org code of whose duty this discharges")
    caller_role: CallerRole = Field(
        description="How the caller is concerned: it must acknowledge (`recipient`, also when "
        "it holds the duty too) or the platform notified on its behalf (`duty_holder`)"
    )
    subject: NotificationSubject
    due_at: AwareDatetime
    due_at_local: AwareDatetime
    overdue: bool = Field(description="Still open and the deadline has passed")
    status: NotificationStatus
    met_at: AwareDatetime | None = Field(
        description="When the recipient acknowledged it (the duty met), else null"
    )
    met_on_time: bool | None = Field(
        description="Met by the deadline (acknowledged by `due_at` and never marked overdue); "
        "null while not met"
    )
    occurrence: int | None = Field(description="The number of a recurring duty (visits)")
    basis: str
    acknowledgement: Acknowledgement | None = Field(
        default=None,
        description="What the recipient said on acknowledging: who, a note, the action taken",
    )


class DutyPage(Page[Duty]):
    """The board, soonest deadline first."""
