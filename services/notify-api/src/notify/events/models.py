"""Events as received: each CloudEvent id stored once, with the answer first given for it."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.calendar import utc_now
from platform_shared.db import Base


class Event(Base):
    __tablename__ = "events"
    #: An event about a person is its responsible authority's (null: no one's).
    __tenant_columns__: ClassVar[tuple[str, ...]] = ("responsible_authority",)
    __table_args__ = (
        Index("ix_events_type_received_at", "type", "received_at"),
        Index("ix_events_person_ref", "person_ref"),
        Index("ix_events_supersede_key", "supersede_key", "time"),
    )

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    source: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(100))
    subject: Mapped[str | None] = mapped_column(String(200))
    time: Mapped[datetime]
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    person_ref: Mapped[str | None] = mapped_column(String(100))
    responsible_authority: Mapped[str | None] = mapped_column(String(64))
    #: Events of one type and key (`supersede` of the rule file): the latest time wins.
    supersede_key: Mapped[str | None] = mapped_column(String(300))
    #: Whether some rule matched (unmatched events are counted in the figures).
    matched: Mapped[bool] = mapped_column(default=False)
    #: The answer given the first time, replayed for every repeat of the id.
    receipt: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(default=utc_now)
