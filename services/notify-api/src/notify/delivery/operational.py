"""Operational webhooks (issue 17): what the platform tells an organisation about its own
pushes and events, as named bodies in the OpenAPI document's `webhooks` section.

An operational message is a platform notice (kind `notice`, role `platform`) in the
organisation's inbox, pushed like every notification to its endpoints that accept it
(subscribe with `roles: ["platform"]`, or `rules: [<notice rule>]`); its webhook `type`
names what happened instead of `notification.notice`. Every body the platform posts has
one named schema per `type` (`WEBHOOK_BODIES`), so a generated client parses each.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from fastapi import FastAPI
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from notify.notifications.schemas import Notification

#: The notice rule of each operational message, and its webhook `type`.
OPERATIONAL_TYPES: dict[str, str] = {
    "endpoint-disabled": "endpoint.disabled",
    "endpoint-failing": "endpoint.failing",
    "event-refused": "event.refused",
    "delivery-exhausted": "delivery.exhausted",
    "delivery-recovered": "delivery.recovered",
    "notification-overdue": "notification.overdue",
}


def webhook_type(notification: dict[str, Any]) -> str:
    """The `type` of a notification's webhook body."""
    kind = notification.get("kind", "rule")
    if kind == "notice":
        return OPERATIONAL_TYPES.get(str(notification.get("rule")), "notification.notice")
    return f"notification.{kind}"


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timestamp: AwareDatetime = Field(description="When this attempt was signed")


class SkipReason(StrEnum):
    """Why an inbox sequence is not in an endpoint's stream.

    `withheld`: only in the inbox; `filtered`: the endpoint's roles/rules filters leave it
    out; `closed_before_registration`: closed before the endpoint existed (a backfill
    brings only open ones); `closed_when_made`: made already ended; `not_pushed`: none of
    these (made while the endpoint was disabled).
    """

    WITHHELD = "withheld"
    FILTERED = "filtered"
    CLOSED_BEFORE_REGISTRATION = "closed_before_registration"
    CLOSED_WHEN_MADE = "closed_when_made"
    NOT_PUSHED = "not_pushed"


class UndeliveredStatus(StrEnum):
    """`cancelled`: no longer needed (the notification closed first: an intentional hole);
    `failed`: given up (fetch it from the inbox, or recover it); `pending`: still being
    retried, overtaken after the order wait: it follows."""

    PENDING = "pending"
    FAILED = "failed"
    CANCELLED = "cancelled"


class SkippedNotification(BaseModel):
    """An inbox sequence the endpoint will never receive, and why (no personal data)."""

    model_config = ConfigDict(extra="forbid")

    sequence: int = Field(description="The organisation's inbox sequence skipped")
    reason: SkipReason


class UndeliveredDelivery(BaseModel):
    """A delivery before this one in the endpoint's stream that was not delivered."""

    model_config = ConfigDict(extra="forbid")

    endpoint_sequence: int
    sequence: int = Field(description="Its notification's inbox sequence")
    status: UndeliveredStatus
    reason: str


class DeliveryStream(BaseModel):
    """Where this delivery is in the endpoint's own stream (ordered push, issue 17).

    Every inbox sequence strictly between `skipped_after` and `sequence` is either listed
    in `skipped` (at most 100: one the endpoint will never receive, and why) or is an
    `undelivered` entry's; every endpoint
    sequence below `endpoint_sequence` not yet received is listed in `undelivered`, or
    was received already, or is lost (fetch `GET /v1/notifications?after_sequence=`).
    """

    model_config = ConfigDict(extra="forbid")

    endpoint_sequence: int = Field(description="The endpoint's own number: 1, 2, 3, ... gap-free")
    sequence: int = Field(description="The organisation's inbox sequence (`data.sequence`)")
    previous_sequence: int | None = Field(
        description=(
            "The inbox sequence of the endpoint's previous delivery, or where its stream "
            "began (registration, or just before a backfill's first notification)"
        )
    )
    skipped_after: int | None = Field(
        description=(
            "`skipped` lists every inbox sequence after this one and before `sequence` that "
            "the endpoint will never receive: `previous_sequence`, or the previous sequence "
            "of the first `undelivered` entry (what it skipped is announced here)"
        )
    )
    skipped: list[SkippedNotification]
    skipped_complete: bool = Field(
        description="False when more were skipped than are listed (the inbox has them)"
    )
    undelivered: list[UndeliveredDelivery]


class _NotificationBody(_Body):
    stream: DeliveryStream | None = Field(
        default=None,
        description="The endpoint's stream (absent on deliveries made before ordered push)",
    )


class NotificationRuleWebhook(_NotificationBody):
    """A notification a rule requires (kind `rule`)."""

    type: Literal["notification.rule"]
    data: Notification


class NotificationRecurringWebhook(_NotificationBody):
    """One occurrence of a recurring duty (kind `recurring`)."""

    type: Literal["notification.recurring"]
    data: Notification


class NotificationEscalationWebhook(_NotificationBody):
    """An escalation of an overdue notification (kind `escalation`)."""

    type: Literal["notification.escalation"]
    data: Notification


class NotificationNoticeWebhook(_NotificationBody):
    """Any other platform notice (kind `notice`)."""

    type: Literal["notification.notice"]
    data: Notification


class EndpointDisabledWebhook(_NotificationBody):
    """An endpoint of the organisation was disabled (a 410, or every attempt failing for
    days): `data.subject.endpoint_id` and `.reason`. Re-enable with PATCH."""

    type: Literal["endpoint.disabled"]
    data: Notification


class EndpointFailingWebhook(_NotificationBody):
    """An endpoint has failed every attempt for a day; `data.subject.reason` says when it
    will be disabled unless an attempt is accepted."""

    type: Literal["endpoint.failing"]
    data: Notification


class EventRefusedWebhook(_NotificationBody):
    """An event of the organisation was refused for good (dead-lettered):
    `data.subject.event_id`, `.event_type` and `.reasons` (fields, never values)."""

    type: Literal["event.refused"]
    data: Notification


class DeliveryExhaustedWebhook(_NotificationBody):
    """Deliveries to an endpoint were given up (the cut-off passed, a mail server refused,
    a manual attempt failed): `data.subject.endpoint_id`, `.reason` (how many, how to
    recover them)."""

    type: Literal["delivery.exhausted"]
    data: Notification


class DeliveryRecoveredWebhook(_Body):
    """Deliveries that had failed were delivered again after a retry or a recover, with
    their original `webhook-id`: `data.subject.endpoint_id`, `.reason` (how many)."""

    type: Literal["delivery.recovered"]
    data: Notification


class NotificationOverdueWebhook(_Body):
    """A notification of the organisation became overdue (not acknowledged by its
    deadline): `data.subject.notification_id`, `.escalated_rule`, `.escalated_due_at`."""

    type: Literal["notification.overdue"]
    data: Notification


class TestSendData(BaseModel):
    """What a test send carries: no person, only the endpoint it tests."""

    model_config = ConfigDict(extra="forbid")

    endpoint_id: str
    org: str
    test: Literal[True]
    message: str


class NotificationTestWebhook(_Body):
    """A test send (`POST /v1/endpoints/{id}/test`)."""

    type: Literal["notification.test"]
    data: TestSendData


class HeartbeatData(BaseModel):
    """An endpoint's stream's high-water mark, sent when it is idle (no personal data)."""

    model_config = ConfigDict(extra="forbid")

    endpoint_id: str
    endpoint_sequence: int = Field(description="The last endpoint sequence given (0: none)")
    skipped_after: int = Field(description="The inbox sequence of that delivery")
    inbox_sequence: int = Field(
        description="The organisation's inbox sequence now: every one after `skipped_after`"
        " up to this is one the endpoint will never receive"
    )


class EndpointHeartbeatWebhook(_Body):
    """The heartbeat of an idle endpoint (`heartbeat_seconds`): its stream's high-water
    mark. Not a delivery: not retried."""

    type: Literal["endpoint.heartbeat"]
    data: HeartbeatData


WEBHOOK_BODIES: dict[str, type[_Body]] = {
    "notification.rule": NotificationRuleWebhook,
    "notification.recurring": NotificationRecurringWebhook,
    "notification.escalation": NotificationEscalationWebhook,
    "notification.notice": NotificationNoticeWebhook,
    "endpoint.disabled": EndpointDisabledWebhook,
    "endpoint.failing": EndpointFailingWebhook,
    "event.refused": EventRefusedWebhook,
    "delivery.exhausted": DeliveryExhaustedWebhook,
    "delivery.recovered": DeliveryRecoveredWebhook,
    "notification.overdue": NotificationOverdueWebhook,
    "notification.test": NotificationTestWebhook,
    "endpoint.heartbeat": EndpointHeartbeatWebhook,
}


def test_envelope(data: TestSendData, timestamp: datetime) -> NotificationTestWebhook:
    return NotificationTestWebhook(type="notification.test", timestamp=timestamp, data=data)


def document_webhooks(app: FastAPI) -> None:
    """One entry per body `type` in the OpenAPI document's `webhooks` (OpenAPI 3.1)."""
    for name, schema in WEBHOOK_BODIES.items():
        _document(app, name, schema)
    build = app.openapi

    def openapi() -> dict[str, Any]:
        document = build()
        for item in document.get("webhooks", {}).values():
            # FastAPI adds a 422 to every operation with a body; the receiver answers these.
            item["post"]["responses"].pop("422", None)
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _document(app: FastAPI, name: str, schema: type[_Body]) -> None:
    async def receive(body: schema) -> None:  # type: ignore[valid-type]
        """Documentation only: what the platform POSTs, signed (Standard Webhooks)."""

    receive.__annotations__ = {"body": schema, "return": None}
    app.webhooks.post(
        name,
        operation_id=f"webhook_{name.replace('.', '_')}",
        summary=(schema.__doc__ or name).splitlines()[0],
        status_code=204,
        response_description="Any 2xx accepts the delivery; a 410 disables the endpoint",
    )(receive)
