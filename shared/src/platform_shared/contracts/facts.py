"""The status facts block: what every event about a person carries, and the rules read.

Read by care-status-api as of the event's effective date (rules.md, "Statuses the rules
read"); built by care-status-api with this model, read by incident-api from
`GET /v1/status-facts/{person_ref}` with it, and validated by notify-api with it. Every
field is required, some may be null, so that no event ever leaves with half its facts.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from platform_shared.contracts.vocabularies import (
    AgeBand,
    CareLeaverCategory,
    CareStatus,
    ConsentAnswer,
    LegalBasisCategory,
    PlacementType,
)
from platform_shared.fields import IsoDate

#: An organisation code of the reference directory (a GSS code for a local authority).
OrganisationCode = Annotated[str, Field(min_length=1, max_length=64)]
#: The opaque reference of a person, made by care-status-api.
PersonRef = Annotated[str, Field(min_length=1, max_length=128)]


class StatusFacts(BaseModel):
    """What the notification rules read about a person, as of `effective_date`."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    person_ref: PersonRef = Field(description="Opaque reference of the person")
    effective_date: IsoDate = Field(description="The date the facts were read for")
    status: CareStatus
    care_leaver_category: CareLeaverCategory | None
    age: StrictInt = Field(ge=0, le=130, description="Age in years on `effective_date`")
    age_band: AgeBand
    under_18: StrictBool
    under_25: StrictBool
    responsible_authority: OrganisationCode = Field(
        description="GSS code of the responsible (home) authority"
    )
    area_authority: OrganisationCode | None = Field(
        description="GSS code of the open placement's area"
    )
    placed_out_of_area: StrictBool = Field(
        description="The area authority differs from the responsible authority"
    )
    legal_basis: LegalBasisCategory | None = Field(description="Category of the open legal status")
    legal_basis_day_before: LegalBasisCategory | None = Field(
        description="Category of the legal status open on the day before `effective_date` "
        "(a detention may itself end a section 20 episode: rules.md Revision 2)"
    )
    youth_justice_order: StrictBool = Field(
        description="The child is subject to a youth justice order (remand counts)"
    )
    notify_personal_adviser_consent: ConsentAnswer
    placement_type: PlacementType | None = Field(description="Type of the open placement")
    placement_provider: OrganisationCode | None = Field(
        description="Org code of the open placement's provider (the carer), if known"
    )
    short_break: StrictBool = Field(
        description="The open placement is a short break (respite, SSDA903 V3/V4): "
        "Care Planning regs 2010 reg 48 disapplies reg 13 for it"
    )
    uasc: StrictBool = Field(
        description="The child is recorded as an unaccompanied asylum-seeking child"
    )


#: The names of the block's fields, in the order of the contract.
STATUS_FACT_FIELDS: tuple[str, ...] = tuple(StatusFacts.model_fields)
