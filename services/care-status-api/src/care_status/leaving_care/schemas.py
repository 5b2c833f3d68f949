"""Request and response bodies of leaving care, the personal adviser and consents."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from platform_shared.contracts.vocabularies import CareLeaverCategory
from platform_shared.fields import IsoDate

ConsentPurpose = Literal["notify_personal_adviser"]
RouteId = Annotated[
    str,
    StringConstraints(max_length=120, pattern=r"^route:[A-Za-z0-9-]{1,64}:[a-z0-9-]{1,48}$"),
    Field(examples=["route:E09000007:leaving-care"]),
]


class LeavingCarePut(BaseModel):
    """The whole leaving-care record (a PUT: an omitted field takes its default)."""

    model_config = ConfigDict(extra="forbid")

    left_care_on: IsoDate
    category: CareLeaverCategory | None = Field(
        default=None,
        description="An explicit category, replacing what the history shows (audited)",
    )
    in_education_or_training: StrictBool = Field(
        default=False,
        description="The authority records that the care leaver is in education or training "
        "(Children Act 1989 s.24B): a qualifying care leaver stays in scope from 21 to 25 "
        "only so (s.24(1B)(a): qualifying ends at 21)",
    )
    education_or_training_recorded_on: IsoDate | None = Field(
        default=None,
        description="The day the authority recorded the answer; required when "
        "`in_education_or_training` is true; not in the future nor before the date of birth. "
        "A lookup as of an earlier day does not see it",
    )


class LeavingCareOut(BaseModel):
    left_care_on: date
    category_override: CareLeaverCategory | None
    category: CareLeaverCategory | None = Field(description="The category as of `as_of`")
    in_education_or_training: bool
    education_or_training_recorded_on: date | None
    version: int
    updated_at: datetime


class PersonalAdviserPut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    contact_route: RouteId | None = Field(
        default=None,
        description="notify-api route id; default: the authority's leaving-care service",
    )
    appointed_on: IsoDate | None = None


class PersonalAdviserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str
    contact_route: str
    appointed_on: date | None
    version: int
    updated_at: datetime


class ConsentPut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    given: StrictBool
    recorded_on: IsoDate
    recorded_by: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ]


class ConsentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    purpose: ConsentPurpose
    given: bool
    recorded_on: date
    recorded_by: str
    version: int
    updated_at: datetime
