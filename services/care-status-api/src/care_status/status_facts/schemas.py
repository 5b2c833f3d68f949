"""The status facts block of docs/events.md, as an API schema."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from care_status.history import facts_block
from care_status.status import (
    CareLeaverCategory,
    CareStatus,
    ConsentAnswer,
    LegalBasisCategory,
)
from care_status.status import (
    StatusFacts as ComputedFacts,
)

AgeBand = Literal["under_10", "10_13", "14_15", "16_17", "18_20", "21_24", "25_plus"]


class StatusFacts(BaseModel):
    """What the notification rules read about a person, as of `effective_date`."""

    person_ref: str
    effective_date: date
    status: CareStatus
    care_leaver_category: CareLeaverCategory | None
    age: int = Field(description="Age in years on `effective_date`")
    age_band: AgeBand
    under_18: bool
    under_25: bool
    responsible_authority: str = Field(description="GSS code of the responsible authority")
    area_authority: str | None = Field(description="GSS code of the open placement's area")
    placed_out_of_area: bool
    legal_basis: LegalBasisCategory | None = Field(description="Category of the open legal status")
    youth_justice_order: bool
    notify_personal_adviser_consent: ConsentAnswer
    placement_type: str | None = Field(description="Type of the open placement")

    @classmethod
    def of(cls, person_ref: str, facts: ComputedFacts) -> StatusFacts:
        return cls.model_validate(facts_block(person_ref, facts))
