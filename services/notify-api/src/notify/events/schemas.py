"""The CloudEvents 1.0 envelope notify-api accepts, and the receipt it answers with."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from notify.notifications.models import NotificationStatus
from notify.notifications.schemas import Recipient
from platform_shared.fields import IsoInstant


class CloudEvent(BaseModel):
    """A CloudEvents 1.0 JSON event (docs/events.md); extension attributes are allowed."""

    model_config = ConfigDict(extra="allow")

    specversion: Literal["1.0"]
    id: str = Field(min_length=1, max_length=200)
    source: str = Field(min_length=1, max_length=200)
    type: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
    subject: str | None = Field(default=None, max_length=200)
    time: IsoInstant
    datacontenttype: Literal["application/json"] | None = None
    dataschema: str | None = Field(default=None, max_length=2000)
    data: dict[str, Any] | None = None


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
