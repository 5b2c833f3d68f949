"""Request and response bodies of placements."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from care_status.placements.models import ProviderType
from platform_shared.contracts.vocabularies import PlacementType
from platform_shared.fields import IsoDate

GssCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^E\d{8}$"),
    Field(description="ONS GSS code of a local authority", examples=["E10000007"]),
]


class PlacementCreate(BaseModel):
    """A placement. Dates are half-open: `end_date` is the day the child left."""

    model_config = ConfigDict(extra="forbid")

    placement_type: PlacementType
    area_authority: GssCode = Field(description="The authority where the child lives")
    start_date: IsoDate
    end_date: IsoDate | None = None
    emergency: StrictBool = Field(default=False, description="An emergency (unplanned) placement")
    provider: Annotated[str, StringConstraints(max_length=64)] | None = Field(
        default=None, description="Organisation code of the provider, if it is one"
    )
    short_break: StrictBool = Field(
        default=False,
        description='A short break (respite) under section 20 (SSDA903 V3/V4, "series of '
        'short-term breaks"): refused (422) when the legal status open on `start_date` is '
        "recorded and is not section 20. No out-of-area notification is due for it (Care "
        "Planning regs 2010 reg 48(3)(b)); its days do not count towards the care-leaver "
        "categories nor the national measure's cohort",
    )


class PlacementEnd(BaseModel):
    """Records (or corrects) the day the placement ended."""

    model_config = ConfigDict(extra="forbid")

    end_date: IsoDate


class PlacementOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    child_id: uuid.UUID
    placement_type: PlacementType
    area_authority: str
    start_date: date
    end_date: date | None
    emergency: bool
    provider: str | None
    provider_urn: str | None = Field(
        default=None,
        description="The provider's Ofsted unique reference number (URN), as the "
        "authority's SSDA903 return gives it",
    )
    provider_type: ProviderType | None = Field(
        default=None, description="Who provides the placement (SSDA903 PLACE_PROVIDER)"
    )
    short_break: bool
    version: int
    created_at: datetime
    updated_at: datetime
