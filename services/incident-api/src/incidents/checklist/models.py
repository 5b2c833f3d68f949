"""One row per written section of an incident's CPS checklist."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.calendar import utc_now
from platform_shared.db import Base


class ChecklistSection(Base):
    """A section belongs to the organisations of its incident (queries join it)."""

    __tablename__ = "cps_checklist_sections"
    __tenant_columns__: ClassVar[tuple[str, ...]] = ("incident_id",)
    __table_args__ = (UniqueConstraint("incident_id", "section"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"))
    section: Mapped[int]
    content: Mapped[str] = mapped_column(Text)
    #: Who first wrote the section and when: the time that counts against the due time.
    completed_by: Mapped[str] = mapped_column(String(64))
    completed_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
