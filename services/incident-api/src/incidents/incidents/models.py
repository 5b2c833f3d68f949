"""The incident table: one row per recorded incident or police contact record.

The status facts read from care-status-api are kept on the row (`status_facts`) with
the two authorities copied into columns, because they decide who may read the incident
and which authority's figures count it.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from incidents.incidents.vocabulary import FactsStatus
from platform_shared.db import Base, TimestampedMixin


class Incident(TimestampedMixin, Base):
    __tablename__ = "incidents"
    #: Who may read an incident: its recorder, the child's responsible and area
    #: authorities (from the status facts) and the police force named on it.
    __tenant_columns__: ClassVar[tuple[str, ...]] = (
        "recorded_by",
        "responsible_authority",
        "area_authority",
        "police_force",
    )
    __table_args__ = (
        Index("ix_incidents_recorded_by", "recorded_by", "occurred_at"),
        Index("ix_incidents_responsible_authority", "responsible_authority", "occurred_at"),
        Index("ix_incidents_area_authority", "area_authority", "occurred_at"),
        Index("ix_incidents_police_force", "police_force", "occurred_at"),
        Index("ix_incidents_person_ref", "person_ref", "occurred_at"),
        Index("ix_incidents_related_incident_id", "related_incident_id"),
    )

    person_ref: Mapped[str] = mapped_column(String(128))
    occurred_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32))
    setting: Mapped[str] = mapped_column(String(16))
    description: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_by_kind: Mapped[str] = mapped_column(String(32))
    #: The recorder's client id: a facts read done later by the relay is made on its
    #: behalf (issue 15 finding 2). Null on incidents recorded before migration 0006.
    recorded_by_client: Mapped[str | None] = mapped_column(String(128))

    # The protocol's decision record.
    response_category: Mapped[str | None] = mapped_column(String(32))
    reasonable_parent_answer: Mapped[bool | None]
    reasonable_parent_reason: Mapped[str | None] = mapped_column(Text)
    cooling_off_applies: Mapped[bool] = mapped_column(default=False)
    cooling_off_until: Mapped[datetime | None]
    child_account: Mapped[str | None] = mapped_column(Text)
    victim_wishes: Mapped[str | None] = mapped_column(Text)
    restorative_approach: Mapped[str | None] = mapped_column(String(32))
    restorative_outcome: Mapped[str | None] = mapped_column(String(32))
    restorative_notes: Mapped[str | None] = mapped_column(Text)
    exploitation_concern: Mapped[bool] = mapped_column(default=False)
    nrm_referral_ref: Mapped[str | None] = mapped_column(String(64))
    staff_involved: Mapped[bool] = mapped_column(default=False)
    #: London protocol levels 1-3, recorded beside (never mapped to) the response category.
    london_incident_level: Mapped[int | None]
    #: London protocol Appendix C: when the child was told what was written, and any
    #: challenge they made to it (verbatim).
    child_told_at: Mapped[datetime | None]
    child_challenge: Mapped[str | None] = mapped_column(Text)
    #: Children's Homes (England) Regulations 2015 reg 35(3).
    measure_of_control: Mapped[str | None] = mapped_column(String(16))
    measure_planned_in_ehc_plan: Mapped[bool] = mapped_column(default=False)
    #: The incident this record follows (a charge following an arrest), same person_ref.
    related_incident_id: Mapped[uuid.UUID | None]

    # Police involvement, custody, court and outcomes.
    police_involved: Mapped[bool] = mapped_column(default=False)
    police_involved_at: Mapped[datetime | None]
    police_force: Mapped[str | None] = mapped_column(String(64))
    police_reference: Mapped[str | None] = mapped_column(String(64))
    custody_suite: Mapped[str | None] = mapped_column(String(200))
    detained_at: Mapped[datetime | None]
    released_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(40))
    outcome_date: Mapped[date | None]
    sentenced_on: Mapped[date | None]
    expected_release_date: Mapped[date | None]
    hearing_date: Mapped[date | None]

    # As reported by the recorder, for the disproportionality figures.
    sex: Mapped[str | None] = mapped_column(String(16))
    ethnicity: Mapped[str | None] = mapped_column(String(48))
    send_or_disability: Mapped[str | None] = mapped_column(String(16))

    # Status facts from care-status-api, as of occurred_at's Europe/London date.
    facts_status: Mapped[str] = mapped_column(String(16), default=FactsStatus.PENDING.value)
    status_facts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    responsible_authority: Mapped[str | None] = mapped_column(String(64))
    area_authority: Mapped[str | None] = mapped_column(String(64))
