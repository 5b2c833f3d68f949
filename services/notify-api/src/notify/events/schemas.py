"""The CloudEvents 1.0 envelope notify-api accepts (the shared contract), and its receipt."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field, RootModel

from notify.notifications.models import NotificationStatus
from notify.notifications.schemas import Recipient
from platform_shared.contracts.events import CloudEvent
from platform_shared.problems import Problem

__all__ = [
    "BATCH_MEDIA_TYPE",
    "BatchReceipt",
    "BatchReceipts",
    "BatchStatus",
    "CloudEvent",
    "EventReceipt",
    "NotificationSummary",
]

#: The CloudEvents batched content mode (HTTP protocol binding, 3.1.3): a JSON array of
#: structured events.
BATCH_MEDIA_TYPE = "application/cloudevents-batch+json"


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


class BatchStatus(StrEnum):
    """What became of one event of a batch."""

    #: A new id: stored with its notifications (a single post's 201).
    ACCEPTED = "accepted"
    #: An id stored already: nothing new made; the receipt is the first one (a single
    #: post's 200).
    DUPLICATE = "duplicate"
    #: Refused, nothing of it stored: the problem names the fields (a single post's 422).
    REFUSED = "refused"


class BatchReceipt(BaseModel):
    """The answer for one event of a batch, at its position in the batch."""

    index: int = Field(description="The event's position in the batch, from 0")
    id: str | None = Field(description="The event's id (null when the event has none)")
    status: BatchStatus
    receipt: EventReceipt | None = Field(
        default=None, description="Accepted or duplicate: what a single post would answer"
    )
    problem: Problem | None = Field(
        default=None,
        description="Refused: the 422 problem a single post would answer; each field is "
        "named from the batch, its position first (`2.data.start_date`)",
    )


class BatchReceipts(BaseModel):
    """The answer to a batch: one receipt per event, in the batch's order."""

    accepted: int
    duplicates: int
    refused: int
    receipts: list[BatchReceipt]


class RepeatOrBatchReceipts(RootModel[EventReceipt | BatchReceipts]):
    """A 200 answer to `POST /v1/events`: a single event's repeat (its first receipt), or a
    batch's receipts. Named, so that generated clients get one type for it."""
