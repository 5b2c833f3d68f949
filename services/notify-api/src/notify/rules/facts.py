"""The data an event carries: the status facts block and the event-specific fields.

docs/events.md is the contract: every event about a person carries the facts block,
read as of the event's effective date, and the rules read only these fields. Each field
a rule may read is typed here, so a malformed value is refused naming `data.<field>`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
)

from platform_shared.fields import IsoDate, IsoInstant
from platform_shared.problems import FieldIssue

Code = str
ShortText = Field(default=None, min_length=1, max_length=200)

Status = Literal["looked_after", "care_leaver", "no_record"]
CareLeaverCategory = Literal["eligible", "relevant", "former_relevant", "qualifying"]
AgeBand = Literal["under_10", "10_13", "14_15", "16_17", "18_20", "21_24", "25_plus"]
LegalBasis = Literal[
    "care_order",
    "interim_care_order",
    "section_20",
    "police_protection",
    "emergency_protection_order",
    "remand",
    "other",
]
Consent = Literal["given", "refused", "unknown"]
PlacementType = Literal[
    "foster",
    "kinship",
    "childrens_home",
    "secure_childrens_home",
    "supported_accommodation",
    "residential_school",
    "other",
]


class StatusFacts(BaseModel):
    """The status facts block (docs/events.md); every field is required, some may be null."""

    model_config = ConfigDict(extra="allow")

    person_ref: str = Field(min_length=1, max_length=100)
    effective_date: IsoDate
    status: Status
    care_leaver_category: CareLeaverCategory | None
    age: StrictInt = Field(ge=0, le=130)
    age_band: AgeBand
    under_18: StrictBool
    under_25: StrictBool
    responsible_authority: Code | None = Field(max_length=64)
    area_authority: Code | None = Field(max_length=64)
    placed_out_of_area: StrictBool
    legal_basis: LegalBasis | None
    youth_justice_order: StrictBool
    notify_personal_adviser_consent: Consent
    placement_type: PlacementType | None


class EventDetails(BaseModel):
    """Event-specific fields a rule may read; each is optional here, rules say which they need."""

    model_config = ConfigDict(extra="allow")

    placement_id: str | None = ShortText
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None
    emergency: StrictBool | None = None
    provider: Code | None = Field(default=None, max_length=64)
    incident_id: str | None = ShortText
    occurred_at: IsoInstant | None = None
    kind: str | None = Field(default=None, max_length=64)
    setting: str | None = Field(default=None, max_length=64)
    recorded_by: Code | None = Field(default=None, max_length=64)
    recorded_by_kind: str | None = Field(default=None, max_length=64)
    response_category: str | None = Field(default=None, max_length=64)
    staff_involved: StrictBool | None = None
    police_involved: StrictBool | None = None
    custody_suite: str | None = ShortText
    detained_at: IsoInstant | None = None
    outcome: str | None = Field(default=None, max_length=64)
    sentenced_on: IsoDate | None = None
    expected_release_date: IsoDate | None = None
    released_at: IsoInstant | None = None
    release_date: IsoDate | None = None
    legal_status_id: str | None = ShortText
    basis: str | None = Field(default=None, max_length=64)
    left_care_on: IsoDate | None = None
    category: str | None = Field(default=None, max_length=64)


#: Fields whose value is an instant, and so may anchor a window in hours.
INSTANT_FIELDS: frozenset[str] = frozenset({"time", "occurred_at", "detained_at", "released_at"})
#: Fields whose value is a date.
DATE_FIELDS: frozenset[str] = frozenset(
    {
        "effective_date",
        "start_date",
        "end_date",
        "sentenced_on",
        "expected_release_date",
        "release_date",
        "left_care_on",
    }
)
#: Every field a rule may name (`time` is the event's own time, not a data field).
KNOWN_FIELDS: frozenset[str] = frozenset(StatusFacts.model_fields) | frozenset(
    EventDetails.model_fields
)
#: Fields holding organisation codes, checked against the reference directory.
ORGANISATION_FIELDS: tuple[str, ...] = (
    "responsible_authority",
    "area_authority",
    "recorded_by",
    "provider",
)
#: The subject every notification carries: the minimum a recipient needs.
BASE_SUBJECT_FIELDS: tuple[str, ...] = (
    "person_ref",
    "status",
    "care_leaver_category",
    "age_band",
    "responsible_authority",
    "area_authority",
    "placed_out_of_area",
)


def parse_event_data(data: dict[str, Any]) -> tuple[dict[str, Any], list[FieldIssue]]:
    """The data with every known field parsed to its type, or the reasons it is refused.

    Issues name the field as `data.<field>`, as docs/events.md names it.
    """
    issues: list[FieldIssue] = []
    typed: dict[str, Any] = dict(data)
    for model in (StatusFacts, EventDetails):
        try:
            parsed = model.model_validate(data)
        except ValidationError as error:
            for detail in error.errors():
                location = ".".join(str(part) for part in detail["loc"])
                issues.append(FieldIssue(f"data.{location}", str(detail["msg"])))
            continue
        typed.update({name: getattr(parsed, name) for name in model.model_fields if name in data})
    return typed, issues
