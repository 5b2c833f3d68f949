"""Request and response bodies of the child record."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StrictBool,
    StringConstraints,
    field_validator,
)

from care_status.identifiers import canonical_nhs_number, canonical_pnc_id
from care_status.leaving_care.schemas import ConsentOut, LeavingCareOut, PersonalAdviserOut
from care_status.legal_statuses.schemas import LegalStatusOut
from care_status.lookups.matching import name_key
from care_status.organisations import AuthorityRef
from care_status.placements.schemas import PlacementOut
from platform_shared.contracts.facts import StatusFacts
from platform_shared.contracts.vocabularies import Ethnicity, EthnicityInput, Sex, SexInput
from platform_shared.fields import IsoDate
from platform_shared.problems import Problem
from platform_shared.web.pagination import Page


def _has_letters(value: str) -> str:
    if not name_key(value):
        raise ValueError("must contain a letter")
    return value


Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(_has_letters),
]
NhsNumber = Annotated[
    str,
    StringConstraints(max_length=20),
    AfterValidator(canonical_nhs_number),
    Field(description="10 digits with a valid modulus-11 check digit", examples=["9434765919"]),
]
PncId = Annotated[
    str,
    StringConstraints(max_length=20),
    AfterValidator(canonical_pnc_id),
    Field(description="Year/serial and check letter; stored as `YYYY/NNNNNNNC`"),
]
LocalReference = Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)]


class ChildCreate(BaseModel):
    """A new child record; the caller's organisation becomes the responsible authority."""

    model_config = ConfigDict(extra="forbid")

    given_name: Name
    family_name: Name
    date_of_birth: IsoDate
    nhs_number: NhsNumber | None = None
    pnc_id: PncId | None = None
    local_reference: LocalReference | None = None
    sex: SexInput | None = None
    ethnicity: EthnicityInput | None = None
    uasc: StrictBool = Field(default=False, description="An unaccompanied asylum-seeking child")
    different_person: StrictBool = Field(
        default=False,
        description=(
            "Your authority already holds a record with this name and date of birth (names "
            "compared as a lookup compares them) and this is another person: create it anyway. "
            "Without it such a create is a 409 naming the existing record "
            "(`existing_child_id`). Not stored; the create's audit row notes it."
        ),
    )


class ChildUpdate(BaseModel):
    """The fields to change; omitted fields are kept. Names and dates cannot be null."""

    model_config = ConfigDict(extra="forbid")

    given_name: Name | None = None
    family_name: Name | None = None
    date_of_birth: IsoDate | None = None
    nhs_number: NhsNumber | None = None
    pnc_id: PncId | None = None
    local_reference: LocalReference | None = None
    sex: SexInput | None = None
    ethnicity: EthnicityInput | None = None
    uasc: StrictBool | None = None
    youth_justice_order: StrictBool | None = Field(
        default=None,
        description="The child is subject to a youth justice order (beyond a recorded remand)",
    )

    @field_validator(
        "given_name", "family_name", "date_of_birth", "uasc", "youth_justice_order", mode="before"
    )
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("may be changed but not removed")
        return value


class ChildRecord(BaseModel):
    """The full record, for the responsible authority."""

    view: Literal["full"] = "full"
    id: uuid.UUID
    person_ref: str
    responsible_authority: AuthorityRef
    given_name: str
    family_name: str
    date_of_birth: date
    nhs_number: str | None
    pnc_id: str | None
    local_reference: str | None
    sex: Sex | None
    ethnicity: Ethnicity | None
    uasc: bool
    youth_justice_order: bool
    legal_statuses: list[LegalStatusOut]
    placements: list[PlacementOut]
    leaving_care: LeavingCareOut | None
    personal_adviser: PersonalAdviserOut | None
    consents: list[ConsentOut]
    status: StatusFacts = Field(description="Status facts as of `as_of` (default today)")
    version: int
    created_at: datetime
    updated_at: datetime


class PlacedChildView(BaseModel):
    """What an area authority sees of a child placed in its area: placement facts only."""

    view: Literal["placement"] = "placement"
    id: uuid.UUID
    person_ref: str
    responsible_authority: AuthorityRef
    placements: list[PlacementOut] = Field(description="The placements in the caller's area")


class ChildView(RootModel[Annotated[ChildRecord | PlacedChildView, Field(discriminator="view")]]):
    """The full record (responsible authority) or the placement facts (area authority)."""


class ChildSummary(BaseModel):
    id: uuid.UUID
    person_ref: str
    given_name: str
    family_name: str
    date_of_birth: date
    local_reference: str | None
    version: int
    created_at: datetime


class DuplicateChildProblem(Problem):
    """The 409 of a create whose name and date of birth match a record of your authority."""

    existing_child_id: uuid.UUID = Field(description="The record your authority already holds")


class ChildPage(Page[ChildSummary]):
    """One page of the caller's children, oldest record first."""
