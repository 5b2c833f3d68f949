"""Deliveries (one per notification and endpoint) and every attempt made at them."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.calendar import utc_now
from platform_shared.db import Base


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    #: Terminal: the cut-off passed, the endpoint answered 410 or was disabled.
    FAILED = "failed"
    #: No longer needed: the notification was acknowledged or ended, the endpoint removed.
    CANCELLED = "cancelled"


class AttemptOutcome(StrEnum):
    """What came of one push attempt."""

    DELIVERED = "delivered"
    #: Not accepted; another attempt is scheduled.
    RETRY = "retry"
    #: Not accepted and no more attempts (cut-off passed, 410, permanent SMTP reply).
    FAILED = "failed"


class AttemptTrigger(StrEnum):
    """What made an attempt: the retry schedule, or a person (a retry or a recover)."""

    SCHEDULED = "scheduled"
    MANUAL = "manual"


class Delivery(Base):
    __tablename__ = "deliveries"
    #: A delivery is its endpoint's organisation's (the notification's recipient).
    __tenant_columns__: ClassVar[tuple[str, ...]] = ("endpoint_id",)
    __table_args__ = (
        UniqueConstraint("notification_id", "endpoint_id", name="uq_deliveries_notification_id"),
        Index("ix_deliveries_due", "status", "next_attempt_at"),
        Index("ix_deliveries_endpoint_id", "endpoint_id", "status"),
        # The sweeper's `delivery.recovered` query: the few rows a retry or recover stamped.
        Index(
            "ix_deliveries_recovery_requested",
            "recovery_requested_at",
            postgresql_where=text("recovery_requested_at IS NOT NULL"),
            sqlite_where=text("recovery_requested_at IS NOT NULL"),
        ),
        Index("ix_deliveries_endpoint_sequence", "endpoint_id", "endpoint_sequence"),
    )

    #: Also the `webhook-id`: the same on every retry, so receivers deduplicate on it.
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    notification_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("notifications.id"))
    endpoint_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("endpoints.id"))
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utc_now)
    lease_token: Mapped[uuid.UUID | None]
    #: After this instant a failed attempt ends the delivery `failed` (3 days by default).
    give_up_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(String(300))
    ended_reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    delivered_at: Mapped[datetime | None]
    #: The trace context of the intake that made it (tracing on): its attempts join it.
    traceparent: Mapped[str | None] = mapped_column(String(64))
    #: AttemptTrigger of the next attempt when not the schedule (a retry, a recover).
    next_trigger: Mapped[str | None] = mapped_column(String(16))
    #: When the delivery ended (failed or cancelled); None while pending or delivered.
    ended_at: Mapped[datetime | None]
    #: When its organisation was told it was exhausted (`delivery.exhausted`).
    exhaustion_noticed_at: Mapped[datetime | None]
    #: When a retry or a recover made it pending again; cleared once its organisation is
    #: told the manual attempt delivered it (`delivery.recovered`).
    recovery_requested_at: Mapped[datetime | None]
    #: The endpoint's own number for it (1, 2, 3, ... per endpoint, gap-free), given when
    #: it is made; deliveries are pushed in this order (`notify.delivery.ordering`).
    #: None for deliveries made before ordered push.
    endpoint_sequence: Mapped[int | None] = mapped_column(BigInteger)
    #: The inbox `sequence` of the endpoint's previous delivery (or where the endpoint's
    #: stream began): the inbox sequences between it and this one's are not for the
    #: endpoint, and the push says why (`stream.skipped`).
    previous_sequence: Mapped[int | None] = mapped_column(BigInteger)


class EndpointStream(Base):
    """Where an endpoint's stream of deliveries is: the last endpoint sequence given, and
    the inbox sequence of the notification it was given to.

    Numbered only while the recipient organisation's sequence counter is held (the
    intake, the follow-ups, a registration's backfill), so the numbers are gap-free and
    follow the inbox order; locked always after that counter, never before.
    """

    __tablename__ = "endpoint_streams"
    __tenant_columns__: ClassVar[tuple[str, ...]] = ("endpoint_id",)

    endpoint_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("endpoints.id"), primary_key=True)
    last_endpoint_sequence: Mapped[int] = mapped_column(BigInteger, default=0)
    last_inbox_sequence: Mapped[int] = mapped_column(BigInteger, default=0)
    #: When the endpoint was last sent a heartbeat (`notify.delivery.heartbeat`).
    last_heartbeat_at: Mapped[datetime | None]


class DeliveryAttempt(Base):
    __tablename__ = "delivery_attempts"
    __table_args__ = (Index("ix_delivery_attempts_delivery_id", "delivery_id", "attempted_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    delivery_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deliveries.id"))
    attempted_at: Mapped[datetime]
    duration_ms: Mapped[int]
    #: The HTTP status (webhook) or SMTP reply code (email); null when none came back.
    status_code: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(String(300))
    #: AttemptOutcome: `delivered`, `retry` or `failed`.
    outcome: Mapped[str] = mapped_column(String(16))
    #: The attempt's own span (tracing on): the trace one event can be followed by.
    traceparent: Mapped[str | None] = mapped_column(String(64))
    #: AttemptTrigger: `scheduled` or `manual`.
    trigger: Mapped[str] = mapped_column(
        String(16), default=AttemptTrigger.SCHEDULED, server_default=AttemptTrigger.SCHEDULED
    )
