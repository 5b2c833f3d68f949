"""The status facts block of docs/events.md, as an API schema."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

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


class AgeBand(StrEnum):
    UNDER_10 = "under_10"
    FROM_10_TO_13 = "10_13"
    FROM_14_TO_15 = "14_15"
    FROM_16_TO_17 = "16_17"
    FROM_18_TO_20 = "18_20"
    FROM_21_TO_24 = "21_24"
    FROM_25 = "25_plus"


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
