"""The CloudEvents 1.0 envelope notify-api accepts (the shared contract), and its receipt."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from notify.notifications.models import NotificationStatus
from notify.notifications.schemas import Recipient
from platform_shared.contracts.events import CloudEvent

__all__ = ["CloudEvent", "EventReceipt", "NotificationSummary"]


class NotificationSummary(BaseModel):
    """A notification the event produced."""

    id: uuid.UUID
    rule: str
    recipient: Recipient
    status: NotificationStatus = Field(
        description="`pending`, `withheld`, or `ended` when a later event of the same key "
        "superseded this one already"
    )
    due_at: datetime | None
    sequence: int


class EventReceipt(BaseModel):
    """What notify-api did with an event; a repeat of the same id gets the same receipt."""

    id: str
    type: str
    source: str
    received_at: datetime
    rules_version: str
    matched_rules: list[str] = Field(description="Empty when no rule reacts (still stored)")
    notifications: list[NotificationSummary]
    ended_duties: list[uuid.UUID] = Field(
        description="Recurring duties this event ended (release, end of care)"
    )
    superseded: list[uuid.UUID] = Field(
        default_factory=list,
        description="Open notifications of earlier events of the same key this event ended "
        "(a changed release date), reason `superseded`",
    )
    breached: list[uuid.UUID] = Field(
        default_factory=list,
        description="Open duties to be met before an event like this one (a `before_event` "
        "deadline: the London Child Information Form before a charge) that it made a breach: "
        "now `overdue` with `breach: true` and `breached_by_event` naming this event",
    )
