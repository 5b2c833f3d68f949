"""Request and response bodies of lookups and of the lookup audit."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from care_status.children.schemas import Name, NhsNumber, PncId
from care_status.identifiers import PERSON_REF_PATTERN
from care_status.organisations import AuthorityRef
from platform_shared.contracts.vocabularies import CareLeaverCategory, ConsentAnswer
from platform_shared.fields import IsoDate
from platform_shared.web.pagination import Page


class LookupPurpose(StrEnum):
    """Why the caller asks; recorded in the lookup audit."""

    CUSTODY = "custody"
    CHARGING_DECISION = "charging_decision"
    COURT = "court"
    VOLUNTARY_INTERVIEW = "voluntary_interview"
    SAFEGUARDING = "safeguarding"
    PRISON_RECEPTION = "prison_reception"
    YOUTH_JUSTICE = "youth_justice"


class LookupResultType(StrEnum):
    LOOKED_AFTER = "looked_after"
    CARE_LEAVER = "care_leaver"
    NO_RECORD = "no_record"
    AMBIGUOUS = "ambiguous"


PersonRef = Annotated[str, StringConstraints(pattern=PERSON_REF_PATTERN)]


class LookupIdentifiers(BaseModel):
    """Any of the person's identifiers; each is matched exactly (after canonical form)."""

    model_config = ConfigDict(extra="forbid")

    nhs_number: NhsNumber | None = None
    pnc_id: PncId | None = None
    person_ref: PersonRef | None = None


class LookupRequest(BaseModel):
    """Identifiers, or given name + family name + date of birth; and why you ask."""

    model_config = ConfigDict(extra="forbid")

    identifiers: LookupIdentifiers | None = None
    given_name: Name | None = None
    family_name: Name | None = None
    date_of_birth: IsoDate | None = None
    purpose: LookupPurpose
    requester_reference: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)] | None
    ) = Field(default=None, description="Your own reference, e.g. a custody record number")
    as_of: IsoDate | None = Field(default=None, description="Default: today (Europe/London)")


class LookupMatch(StrEnum):
    """How many authorities hold a record of the person."""

    ONE = "one"
    SEVERAL_AUTHORITIES = "several_authorities"


class LookupHolder(BaseModel):
    """One responsible authority holding a record of the person, and how to reach it."""

    result: LookupResultType = Field(description="What that authority's record says")
    person_ref: str = Field(description="That record's person_ref (use it in incident-api)")
    care_leaver_category: CareLeaverCategory | None = None
    responsible_authority: AuthorityRef
    contact_route: str = Field(examples=["route:E09000007:children-services"])


class LookupResult(BaseModel):
    """The minimum a custody suite, court, YOT or prison needs; nothing else.

    Only `result` is set when nobody, several people, or someone out of scope matched.

    When more than one authority holds a record of the person and every one of them is in
    scope, `match` is `several_authorities`: `result` is `looked_after` when any record
    says so (else `care_leaver`), `age` and `under_25` are set, `authorities` lists each
    responsible authority with its contact route (tell each of them), and the fields of
    one record (`person_ref`, the authority, placement, consent) are not set.
    """

    result: LookupResultType
    person_ref: str | None = Field(default=None, description="Use it in incident-api")
    age: int | None = None
    under_25: bool | None = None
    care_leaver_category: CareLeaverCategory | None = None
    responsible_authority: AuthorityRef | None = None
    placed_out_of_area: bool | None = None
    area_authority: AuthorityRef | None = None
    notify_personal_adviser_consent: ConsentAnswer | None = None
    contact_route: str | None = Field(
        default=None,
        description="notify-api route by which the responsible authority is told",
        examples=["route:E09000007:children-services"],
    )
    match: LookupMatch | None = Field(
        default=None,
        description="`one` authority holds a record, or `several_authorities` (set when "
        "`result` is `looked_after` or `care_leaver`)",
    )
    authorities: list[LookupHolder] | None = Field(
        default=None,
        description="Every responsible authority holding a record, with its contact route "
        "(one entry when `match` is `one`)",
    )


class LookupAuditEntry(BaseModel):
    """One lookup (or platform facts read) about one of the caller's children."""

    id: uuid.UUID
    at: datetime
    caller_org: str
    client_id: str
    action: str
    purpose: str | None
    requester_reference: str | None
    result: str | None
    child_id: uuid.UUID | None
    as_of: date | None
    also_held_by: list[str] | None = Field(
        default=None,
        description="Other authorities (GSS codes) holding a record the lookup also matched: "
        "a record of the same person to reconcile with them (docs/decisions.md D24)",
    )


class LookupAuditPage(Page[LookupAuditEntry]):
    """One page of the lookup audit, newest first."""
