"""Placements of a child: where they live, in which authority's area, from when to when."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.db import Base, TimestampedMixin


class Placement(TimestampedMixin, Base):
    """One placement, half-open: it covers `start_date <= day < end_date`."""

    __tablename__ = "placements"
    __table_args__ = (Index("ix_placements_child_id", "child_id", "start_date"),)

    child_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    placement_type: Mapped[str] = mapped_column(String(32))
    area_authority: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    emergency: Mapped[bool] = mapped_column(default=False)
    provider: Mapped[str | None] = mapped_column(String(64))
    #: A short break (respite) under section 20 (SSDA903 V3/V4): Care Planning regs 2010
    #: reg 48 disapplies reg 13 (out-of-area notification) for it.
    short_break: Mapped[bool] = mapped_column(default=False)
