"""Endpoint registration: a webhook URL or an email address, with optional filters."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from notify.endpoints.models import Channel
from notify.rules.recipients import RecipientRole
from platform_shared.web.pagination import Page

RuleId = Annotated[str, Field(min_length=1, max_length=100)]


class _EndpointFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    roles: list[RecipientRole] | None = Field(
        default=None, max_length=20, description="Only notifications to these recipient roles"
    )
    rules: list[RuleId] | None = Field(
        default=None, max_length=50, description="Only notifications of these rules"
    )


class WebhookEndpointCreate(_EndpointFilters):
    """A Standard Webhooks receiver: https (loopback http in development mode)."""

    channel: Literal["webhook"]
    url: str = Field(min_length=1, max_length=2000, examples=["https://receiver.example/hooks"])


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
    roles: list[str] | None
    rules: list[str] | None
    enabled: bool
    disabled_reason: str | None
    disabled_at: AwareDatetime | None
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


class EndpointPage(Page[Endpoint]):
    """The organisation's endpoints, oldest first."""


class SecretRotated(BaseModel):
    """A new signing secret; the previous one keeps signing until `previous_secret_expires_at`."""

    id: uuid.UUID
    secret: str
    previous_secret_expires_at: AwareDatetime
