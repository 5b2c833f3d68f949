"""Push endpoints an organisation registers: a webhook URL or an email address."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from sqlalchemy import JSON, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.calendar import utc_now
from platform_shared.db import Base


class Channel(StrEnum):
    WEBHOOK = "webhook"
    EMAIL = "email"


class Endpoint(Base):
    __tablename__ = "endpoints"
    __tenant_columns__: ClassVar[tuple[str, ...]] = ("org",)
    __table_args__ = (Index("ix_endpoints_org", "org", "enabled"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    org: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    url: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(String(320))
    #: Only notifications to these recipient roles / of these rules (null: all).
    roles: Mapped[list[str] | None] = mapped_column(JSON)
    rules: Mapped[list[str] | None] = mapped_column(JSON)
    #: The `whsec_` signing secret (webhooks), sealed (`notify.endpoints.sealing`); the
    #: previous one signs too until it expires.
    secret_sealed: Mapped[str | None] = mapped_column(Text)
    previous_secret_sealed: Mapped[str | None] = mapped_column(Text)
    previous_secret_expires_at: Mapped[datetime | None]
    enabled: Mapped[bool] = mapped_column(default=True)
    disabled_reason: Mapped[str | None] = mapped_column(String(200))
    disabled_at: Mapped[datetime | None]
    removed_at: Mapped[datetime | None]
    name: Mapped[str | None] = mapped_column(String(100))
    #: The first attempt of the current run of failed attempts (None after a delivered
    #: one): a warning after 24 hours, a disable after `endpoint_disable_after_days`.
    failing_since: Mapped[datetime | None]
    failure_warned_at: Mapped[datetime | None]
    #: Ordered push: when idle this long, the endpoint is sent its stream's high-water
    #: mark (`endpoint.heartbeat`); None: no heartbeat.
    heartbeat_seconds: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
