"""Legal statuses (care episodes) of a child: the basis and the dates of being looked after."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.db import Base, TimestampedMixin


class LegalStatus(TimestampedMixin, Base):
    """One legal status, half-open: it covers `start_date <= day < end_date`."""

    __tablename__ = "legal_statuses"
    __table_args__ = (Index("ix_legal_statuses_child_id", "child_id", "start_date"),)

    child_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    basis: Mapped[str] = mapped_column(String(48))
    short_break: Mapped[bool] = mapped_column(default=False)
    start_date: Mapped[date]
    end_date: Mapped[date | None]
