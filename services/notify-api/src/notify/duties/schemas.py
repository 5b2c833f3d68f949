"""The duties board: open deadlines of the caller's organisation."""

from __future__ import annotations

import uuid

from pydantic import AwareDatetime, BaseModel, Field

from notify.notifications.schemas import NotificationSubject, Recipient


class Duty(BaseModel):
    """An open deadline: a notification not yet acknowledged, soonest first."""

    notification_id: uuid.UUID
    rule: str
    title: str | None
    kind: str
    recipient: Recipient
    subject: NotificationSubject
    due_at: AwareDatetime
    due_at_local: AwareDatetime
    overdue: bool = Field(description="The deadline has passed")
    status: str
    occurrence: int | None = Field(description="The number of a recurring duty (visits)")
    basis: str


class DutyPage(BaseModel):
    items: list[Duty]
    next_cursor: str | None
