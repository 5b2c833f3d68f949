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


class LookupResult(BaseModel):
    """The minimum a custody suite, court, YOT or prison needs; nothing else.

    Only `result` is set when nobody, several people, or someone out of scope matched.
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


class LookupAuditPage(Page[LookupAuditEntry]):
    """One page of the lookup audit, newest first."""
