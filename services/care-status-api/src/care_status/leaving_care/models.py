"""Leaving care, the personal adviser and the care leaver's consents."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.db import Base, TimestampedMixin


class LeavingCare(TimestampedMixin, Base):
    """When the young person left care, the category the authority asserts, if any, and
    whether they are in education or training."""

    __tablename__ = "leaving_care"

    child_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("children.id", ondelete="CASCADE"), unique=True
    )
    left_care_on: Mapped[date]
    category_override: Mapped[str | None] = mapped_column(String(24))
    #: The authority's record that the care leaver is in education or training (Children
    #: Act 1989 s.24B): what keeps a qualifying care leaver in scope from 21 to 25.
    in_education_or_training: Mapped[bool] = mapped_column(default=False)
    education_or_training_recorded_on: Mapped[date | None]


class PersonalAdviser(TimestampedMixin, Base):
    """The care leaver's personal adviser, reached through a notify-api route."""

    __tablename__ = "personal_advisers"

    child_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("children.id", ondelete="CASCADE"), unique=True
    )
    name: Mapped[str] = mapped_column(String(200))
    contact_route: Mapped[str] = mapped_column(String(120))
    appointed_on: Mapped[date | None]


class Consent(TimestampedMixin, Base):
    """The young person's answer for one purpose (e.g. `notify_personal_adviser`)."""

    __tablename__ = "consents"
    __table_args__ = (UniqueConstraint("child_id", "purpose"),)

    child_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(48))
    given: Mapped[bool]
    recorded_on: Mapped[date]
    recorded_by: Mapped[str] = mapped_column(String(200))
