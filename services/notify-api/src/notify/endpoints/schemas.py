"""Endpoint registration: a webhook URL or an email address, with optional filters."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictBool

from notify.endpoints.models import Channel
from notify.rules.recipients import RecipientRole
from platform_shared.fields import IsoInstant
from platform_shared.web.pagination import Page

RuleId = Annotated[str, Field(min_length=1, max_length=100)]
EndpointName = Annotated[str, Field(min_length=1, max_length=100, examples=["Case system (live)"])]


class _EndpointFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    roles: list[RecipientRole] | None = Field(
        default=None, max_length=20, description="Only notifications to these recipient roles"
    )
    rules: list[RuleId] | None = Field(
        default=None, max_length=50, description="Only notifications of these rules"
    )
    name: EndpointName | None = Field(default=None, description="A name to tell endpoints apart")
    since: IsoInstant | None = Field(
        default=None,
        description="Backfill: the organisation's open notifications made since this instant"
        " (at most 90 days ago) are delivered to the new endpoint too, in sequence order."
        " Default: none, only notifications made from now",
    )


HEARTBEAT_MIN_SECONDS = 60
HEARTBEAT_MAX_SECONDS = 86_400
HeartbeatSeconds = Annotated[
    int,
    Field(
        ge=HEARTBEAT_MIN_SECONDS,
        le=HEARTBEAT_MAX_SECONDS,
        description="Ordered push: when the endpoint has had no push for this many seconds"
        " (60 to 86400), it is sent its stream's high-water mark (`endpoint.heartbeat`)",
    ),
]


class WebhookEndpointCreate(_EndpointFilters):
    """A Standard Webhooks receiver: https (loopback http in development mode)."""

    channel: Literal["webhook"]
    url: str = Field(min_length=1, max_length=2000, examples=["https://receiver.example/hooks"])
    heartbeat_seconds: HeartbeatSeconds | None = None


class EmailEndpointCreate(_EndpointFilters):
    """A mailbox that gets a short message (no names, no dates of birth) linking to the inbox."""

    channel: Literal["email"]
    address: str = Field(min_length=3, max_length=320, examples=["duty-team@camden.example"])


EndpointCreate = Annotated[
    WebhookEndpointCreate | EmailEndpointCreate, Field(discriminator="channel")
]


class Endpoint(BaseModel):
    """A registered endpoint; its secret is never shown again after registration."""

    id: uuid.UUID
    channel: Channel
    url: str | None
    address: str | None
    name: str | None
    roles: list[str] | None
    rules: list[str] | None
    enabled: bool
    disabled_reason: str | None
    disabled_at: AwareDatetime | None
    failing_since: AwareDatetime | None = Field(
        description="The first attempt of the current run of attempts not accepted (null"
        " after an accepted one): warned after 24 hours, disabled after 5 days"
    )
    heartbeat_seconds: int | None = Field(
        default=None, description="The heartbeat when idle (null: none)"
    )
    created_at: AwareDatetime


class EndpointCreated(Endpoint):
    """The new endpoint; a webhook's `whsec_` signing secret is shown here only."""

    secret: str | None = Field(
        description=(
            "`whsec_...` for a webhook; store it now. Shown this once: null for an email"
            " endpoint and in the replay of an `Idempotency-Key` (rotate the secret with"
            " `POST /v1/endpoints/{id}/secret` if the first answer was lost)"
        )
    )
    backfilled: int = Field(
        default=0, description="How many earlier notifications `since` enqueued to it"
    )


class EndpointPage(Page[Endpoint]):
    """The organisation's endpoints, oldest first."""


class SecretRotated(BaseModel):
    """A new signing secret; the previous one keeps signing until `previous_secret_expires_at`."""

    id: uuid.UUID
    secret: str
    previous_secret_expires_at: AwareDatetime


class EndpointUpdate(BaseModel):
    """A change of an endpoint: only the fields given change (null clears a filter or name)."""

    model_config = ConfigDict(extra="forbid")

    enabled: StrictBool | None = Field(
        default=None,
        description="true re-enables a disabled endpoint (after a 410 or an automatic"
        " disable; a webhook's URL is checked again); false disables it",
    )
    name: EndpointName | None = None
    roles: list[RecipientRole] | None = Field(default=None, max_length=20)
    rules: list[RuleId] | None = Field(default=None, max_length=50)
    heartbeat_seconds: HeartbeatSeconds | None = Field(
        default=None, description="A webhook's heartbeat when idle; null: none"
    )


class DeliveryCounts(BaseModel):
    """Deliveries made in the period, by status."""

    pending: int = 0
    delivered: int = 0
    failed: int = 0
    cancelled: int = 0


class FailureStreak(BaseModel):
    """The attempts not accepted since the last accepted one."""

    attempts: int
    since: AwareDatetime | None = Field(description="The first of them; null when none")


class EndpointStats(BaseModel):
    """How an endpoint is doing: deliveries over a period, last success, failure streak."""

    endpoint_id: uuid.UUID
    since: AwareDatetime
    until: AwareDatetime
    deliveries: DeliveryCounts
    last_success_at: AwareDatetime | None
    failure_streak: FailureStreak
    disable_at: AwareDatetime | None = Field(
        description="When the endpoint will be disabled if nothing is accepted before"
    )


class TestSend(BaseModel):
    """The attempt of a test send: what the receiver answered, and how fast."""

    webhook_id: str = Field(description="The `webhook-id` of the test message (`test_...`)")
    type: Literal["notification.test"] = "notification.test"
    accepted: bool = Field(description="The receiver answered 2xx")
    status_code: int | None = Field(description="Null when no answer came back")
    duration_ms: int
    error: str | None
    response_excerpt: str | None = Field(description="The first 500 bytes of the answer's body")
