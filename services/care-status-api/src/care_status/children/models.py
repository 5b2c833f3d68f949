"""The child record: who the person is and which authority is responsible for them."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.db import Base, TimestampedMixin


class Child(TimestampedMixin, Base):
    """A child or care leaver, owned by the responsible local authority (`org` GSS code).

    `given_name_key` and `family_name_key` are the matching keys of the names
    (lookups.matching.name_key), indexed with the date of birth for lookups.
    """

    __tablename__ = "children"
    #: The row belongs to its responsible authority; the history tables (legal statuses,
    #: placements, leaving care, personal adviser, consents) are reached through the child.
    __tenant_columns__: ClassVar[tuple[str, ...]] = ("responsible_authority",)
    __table_args__ = (
        Index("ix_children_name_key", "family_name_key", "given_name_key", "date_of_birth"),
        Index("ix_children_nhs_number", "nhs_number"),
        Index("ix_children_pnc_id", "pnc_id"),
        Index("ix_children_responsible_authority", "responsible_authority", "created_at", "id"),
        Index("ix_children_local_reference", "responsible_authority", "local_reference"),
        Index(
            "uq_children_responsible_authority_nhs_number",
            "responsible_authority",
            "nhs_number",
            unique=True,
        ),
    )

    person_ref: Mapped[str] = mapped_column(String(32), unique=True)
    responsible_authority: Mapped[str] = mapped_column(String(16))
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    given_name_key: Mapped[str] = mapped_column(String(100))
    family_name_key: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[date]
    nhs_number: Mapped[str | None] = mapped_column(String(10))
    pnc_id: Mapped[str | None] = mapped_column(String(13))
    local_reference: Mapped[str | None] = mapped_column(String(64))
    sex: Mapped[str | None] = mapped_column(String(16))
    ethnicity: Mapped[str | None] = mapped_column(String(48))
    uasc: Mapped[bool] = mapped_column(default=False)
    youth_justice_order: Mapped[bool] = mapped_column(default=False)
