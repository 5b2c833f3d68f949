"""Placements of a child: where they live, in which authority's area, from when to when."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.db import Base, TimestampedMixin


class ProviderType(StrEnum):
    """Who provides the placement (SSDA903 PLACE_PROVIDER)."""

    PARENT_OR_PERSON_WITH_PARENTAL_RESPONSIBILITY = "parent_or_person_with_parental_responsibility"
    OWN_AUTHORITY = "own_authority"
    OTHER_AUTHORITY = "other_authority"
    OTHER_PUBLIC = "other_public"
    PRIVATE = "private"
    VOLUNTARY = "voluntary"


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
    #: The provider's Ofsted unique reference number (SSDA903 URN; `SC123456`), when the
    #: setting is registered with Ofsted: it names the home or agency whether or not it is
    #: an organisation of the platform's reference data (`provider`).
    provider_urn: Mapped[str | None] = mapped_column(String(16))
    #: Who provides it (SSDA903 PLACE_PROVIDER): own authority, private, voluntary...
    provider_type: Mapped[str | None] = mapped_column(String(48))
    #: A short break (respite) under section 20 (SSDA903 V3/V4): Care Planning regs 2010
    #: reg 48 disapplies reg 13 (out-of-area notification) for it.
    short_break: Mapped[bool] = mapped_column(default=False)
