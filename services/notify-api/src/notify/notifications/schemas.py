"""Notification JSON (api.md): the inbox item, its deliveries and their attempts."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from notify.delivery.models import AttemptOutcome, AttemptTrigger, DeliveryStatus
from notify.endpoints.models import Channel
from notify.notifications.models import (
    EndedReason,
    EscalationStep,
    NotificationKind,
    NotificationStatus,
)
from notify.rules.recipients import RecipientRole
from notify.rules.trace import Trace
from platform_shared.fields import IsoDate
from platform_shared.web.pagination import Page


class Recipient(BaseModel):
    """Who the notification is for: an organisation code and the role it receives in."""

    org: str = Field(examples=["E10000007"])
    role: RecipientRole


class NotificationSubject(BaseModel):
    """The minimum the recipient needs about the person (never a name or date of birth)."""

    person_ref: str | None = None
    status: str | None = None
    care_leaver_category: str | None = None
    age_band: str | None = None
    responsible_authority: str | None = None
    area_authority: str | None = None
    placed_out_of_area: bool | None = None
    placement_id: str | None = None
    placement_type: str | None = None
    start_date: date | None = None
    emergency: bool | None = None
    incident_id: str | None = None
    kind: str | None = None
    setting: str | None = None
    occurred_at: datetime | None = None
    detained_at: datetime | None = None
    custody_suite: str | None = None
    sentenced_on: date | None = None
    expected_release_date: date | None = None
    release_date: date | None = None
    #: For an escalation: what was missed.
    escalated_rule: str | None = None
    escalated_recipient: Recipient | None = None
    escalated_due_at: datetime | None = None
    #: For a platform notice about one notification (`notification.overdue`).
    notification_id: uuid.UUID | None = None
    #: For a platform notice about an endpoint.
    endpoint_id: uuid.UUID | None = None
    reason: str | None = None
    #: For a platform notice about a refused event: which, and why (fields, not values).
    event_id: str | None = None
    event_type: str | None = None
    reasons: list[str] | None = None


class Acknowledgement(BaseModel):
    """Who acknowledged a notification and what they did."""

    by: str | None
    note: str | None
    action: str | None


class Notification(BaseModel):
    """One notification in the recipient organisation's inbox."""

    id: uuid.UUID
    event_id: str | None = Field(description="The CloudEvent id it was made from")
    event_type: str | None
    rule: str = Field(description="The rule id (GET /v1/rules)")
    rule_title: str | None
    rules_version: str
    kind: NotificationKind
    recipient: Recipient
    duty_holder: str | None = Field(
        description="Org code of whose duty this discharges (the rule's `duty_holder`); "
        "the recipient's acknowledgement meets it. Null for escalations and notices",
        examples=["E09000007"],
    )
    subject: NotificationSubject
    due_at: AwareDatetime | None = Field(description="The deadline, in UTC")
    due_at_local: AwareDatetime | None = Field(description="The deadline on Europe/London time")
    status: NotificationStatus
    withheld_reason: str | None
    sequence: int = Field(description="Monotonic per recipient organisation: a gap is missed")
    occurrence: int | None = Field(description="The number of a recurring duty")
    escalation_of: uuid.UUID | None
    breach: bool = Field(description="A statutory deadline passed without acknowledgement")
    basis: str
    citation: str
    created_at: AwareDatetime
    delivered_at: AwareDatetime | None
    acknowledged_at: AwareDatetime | None
    overdue_at: AwareDatetime | None
    ended_at: AwareDatetime | None
    ended_reason: EndedReason | None = Field(
        description="Why it is `ended`: `ending_event` (release, end of care), `superseded` "
        "(a later event of the same key), `original_acknowledged` or `original_ended` "
        "(an escalation closed)"
    )
    before_events: list[str] | None = Field(
        default=None,
        description="A duty with no fixed instant (`due_at` null): met by acknowledgement, "
        "a breach (`overdue`, `breach: true`) if one of these event types is recorded first "
        "for the same incident (rules.md Revision 2: the London Child Information Form "
        "before a charge). Null for other notifications",
        examples=[["charged", "outcome.recorded"]],
    )
    breached_by_event: str | None = Field(
        default=None, description="The CloudEvent id that came first and made it a breach"
    )
    visited_on: date | None = Field(
        default=None,
        description="A visit duty: the day the visit was made, as the responsible authority "
        "recorded it on acknowledgement (`visited_on`); null otherwise",
    )
    acknowledgement: Acknowledgement | None = Field(
        default=None, description="What the acknowledgement said, when it said anything"
    )
    escalation_step: EscalationStep | None = Field(
        default=None,
        description="A follow-up's step of the escalation ladder: `reminder` (to the "
        "recipient at 80 % of the window), `overdue` (its escalation contact, the duty "
        "holder), `breach` (the responsible authority's escalation route, its emergency "
        "duty team out of hours)",
    )
    remind_at: AwareDatetime | None = Field(
        default=None, description="When the recipient is reminded (the escalation ladder)"
    )
    explain: str | None = Field(
        default=None,
        description="Why it was made, in one sentence; `GET /v1/notifications/{id}` has the "
        "whole trace",
    )


class AcknowledgeRequest(BaseModel):
    """What an acknowledgement may say beyond "done"; the body is optional."""

    model_config = ConfigDict(extra="forbid")

    by: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="The person or team acknowledging (kept with the notification and shown "
        "to the duty holder; never logged)",
        examples=["Camden emergency duty team"],
    )
    note: str | None = Field(default=None, min_length=1, max_length=2000)
    action: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="The action taken",
        examples=["social worker attending custody"],
    )

    visited_on: IsoDate | None = Field(
        default=None,
        description="A visit duty (custody visits, national protocol 8.5): the day the visit "
        "was actually made (Europe/London), not in the future and not before the sentence. "
        "The next visit falls due the interval after it (never later than the series from "
        "the sentence date). Without it, the acknowledgement's day counts as the visit. "
        "Refused (422) on a notification that is not a visit",
        examples=["2026-12-04"],
    )


class DeliveryAttempt(BaseModel):
    """One try at pushing a notification to an endpoint."""

    attempted_at: AwareDatetime
    duration_ms: int
    status_code: int | None = Field(description="HTTP status, or SMTP reply code for email")
    error: str | None
    outcome: AttemptOutcome
    trigger: AttemptTrigger = Field(
        description="`scheduled` (the retry schedule) or `manual` (a retry or a recover)"
    )


class Delivery(BaseModel):
    """A notification's push to one endpoint, with every attempt."""

    id: uuid.UUID = Field(description="Also the `webhook-id` header of every attempt")
    endpoint_id: uuid.UUID
    channel: Channel
    status: DeliveryStatus
    attempts: list[DeliveryAttempt]
    next_attempt_at: AwareDatetime | None
    give_up_at: AwareDatetime
    delivered_at: AwareDatetime | None
    ended_reason: str | None
    created_at: AwareDatetime


class NotificationDetail(Notification):
    """A notification with its deliveries and the trace of why it was made."""

    deliveries: list[Delivery]
    trace: Trace | None = Field(
        default=None,
        description="Why: the rule and each condition with the fact it read, how the "
        "recipient and duty holder were found, how the deadline was computed (the days "
        "skipped and why), or which rule withheld it on which fact, or the ladder's step",
    )


class NotificationPage(Page[Notification]):
    """The inbox, in `sequence` order."""
