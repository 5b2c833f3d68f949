"""JSON of the delivery operations: a retry, a recover and their answers."""

from __future__ import annotations

import uuid

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from notify.delivery.models import AttemptTrigger, DeliveryStatus
from platform_shared.fields import IsoInstant


class RecoverRequest(BaseModel):
    """A window of at most 14 days; `until` defaults to now."""

    model_config = ConfigDict(extra="forbid")

    since: IsoInstant = Field(description="Deliveries that ended failed from this instant")
    until: IsoInstant | None = Field(
        default=None, description="... up to this instant (inclusive); default now"
    )


class Recovered(BaseModel):
    """What a recover made pending again: each with its original `webhook-id`."""

    endpoint_id: uuid.UUID
    since: AwareDatetime
    until: AwareDatetime
    deliveries: list[uuid.UUID] = Field(
        description="The deliveries made pending, due now (each id is its `webhook-id`)"
    )
    skipped_closed: int = Field(
        description="Failed deliveries left alone: their notification is no longer open"
    )


class DeliveryRetried(BaseModel):
    """A failed delivery made pending again; its next attempt is logged `manual`."""

    id: uuid.UUID = Field(description="Also the `webhook-id` of the attempt")
    notification_id: uuid.UUID
    endpoint_id: uuid.UUID
    status: DeliveryStatus
    next_attempt_at: AwareDatetime
    next_trigger: AttemptTrigger
