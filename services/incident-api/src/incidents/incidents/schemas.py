"""Request and response bodies of the incidents endpoints.

Free text is stored and returned verbatim (never trimmed or reworded): the child's
account and the victim's wishes are theirs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from incidents.incidents.models import Incident
from incidents.incidents.vocabulary import (
    FactsStatus,
    IncidentKind,
    LondonIncidentLevel,
    Outcome,
    ResponseCategory,
    RestorativeApproach,
    RestorativeOutcome,
    SendOrDisability,
    Setting,
)
from platform_shared.contracts.facts import StatusFacts
from platform_shared.contracts.vocabularies import (
    CareStatus,
    Ethnicity,
    EthnicityInput,
    MeasureOfControl,
    Sex,
    SexInput,
)
from platform_shared.fields import IsoDate, IsoInstant
from platform_shared.web.pagination import Page

PersonRef = Annotated[
    str,
    Field(
        min_length=1,
        max_length=128,
        pattern=r"^[A-Za-z0-9._:~-]+$",
        description="The opaque person reference from a care-status-api lookup",
    ),
]
OrgCode = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]
LongText = Annotated[str, Field(min_length=1, max_length=20_000)]
ShortText = Annotated[str, Field(min_length=1, max_length=64)]

REASONABLE_PARENT_QUESTION = "Would a reasonable parent have called the police?"
CHILD_TOLD_AT = "When the child was told what was written about them (London protocol, Appendix C)"
CHILD_CHALLENGE = (
    "What the child challenged in the record as untrue or unfair, in their words "
    "(kept verbatim; London protocol, Appendix C); needs `child_told_at`"
)
SEND_OR_DISABILITY = (
    "Special educational needs or disability, as reported by the recorder (for the "
    "disproportionality figures)"
)


class ReasonableParentTestIn(BaseModel):
    """The reasonable-parent test (national protocol 6.4, 6.5; Derbyshire section 3)."""

    model_config = ConfigDict(extra="forbid")

    answer: StrictBool = Field(description=REASONABLE_PARENT_QUESTION)
    reason: LongText


class IncidentCreate(BaseModel):
    """An incident, or a police contact record, about a person_ref."""

    model_config = ConfigDict(extra="forbid")

    person_ref: PersonRef
    occurred_at: IsoInstant
    kind: IncidentKind
    setting: Setting
    description: LongText | None = Field(default=None, description="What happened")
    response_category: ResponseCategory | None = None
    reasonable_parent_test: ReasonableParentTestIn | None = None
    cooling_off_applies: StrictBool = Field(
        default=False, description="A 24-hour cooling-off period applies from occurred_at"
    )
    child_account: LongText | None = Field(
        default=None, description="The child's own account, in their words (kept verbatim)"
    )
    victim_wishes: LongText | None = Field(default=None, description="Kept verbatim")
    restorative_approach: RestorativeApproach | None = None
    restorative_outcome: RestorativeOutcome | None = None
    restorative_notes: LongText | None = None
    exploitation_concern: StrictBool = False
    nrm_referral_ref: ShortText | None = Field(
        default=None, description="National Referral Mechanism reference, where one was made"
    )
    staff_involved: StrictBool = False
    london_incident_level: LondonIncidentLevel | None = Field(
        default=None,
        description="London protocol level: 1 internal resolution, 2 either way dependent "
        "on circumstances, 3 always report (its own field, not the response category)",
    )
    child_told_at: IsoInstant | None = Field(default=None, description=CHILD_TOLD_AT)
    child_challenge: LongText | None = Field(default=None, description=CHILD_CHALLENGE)
    measure_of_control: MeasureOfControl | None = Field(
        default=None,
        description="A measure of control, discipline or restraint used on the child "
        "(Children's Homes (England) Regulations 2015 reg 35(3))",
    )
    measure_planned_in_ehc_plan: StrictBool = Field(
        default=False,
        description="The restraint was planned in the child's EHC plan (reg 35(3)); "
        "only with `measure_of_control: restraint`",
    )
    related_incident_id: uuid.UUID | None = Field(
        default=None,
        description="The incident this record follows (e.g. the arrest a charge follows): "
        "an incident of the same person_ref that the caller may read",
    )
    hearing_date: IsoDate | None = Field(
        default=None,
        description="The day of the hearing: required for a `court_hearing`, refused on "
        "other kinds",
    )
    police_involved_at: IsoInstant | None = Field(
        default=None, description="When the police became involved (CPS checklist clock)"
    )
    police_force: OrgCode | None = Field(
        default=None,
        description="The police force involved (a reference organisation code); "
        "it may then read the incident and write CPS checklist sections 9-10",
    )
    police_reference: ShortText | None = Field(
        default=None, description="Crime reference or custody record number"
    )
    custody_suite: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    detained_at: IsoInstant | None = Field(default=None, description="Time into custody")
    released_at: IsoInstant | None = Field(default=None, description="Time out of custody")
    outcome: Outcome | None = None
    outcome_date: IsoDate | None = None
    sentenced_on: IsoDate | None = None
    expected_release_date: IsoDate | None = None
    sex: SexInput | None = Field(
        default=None,
        description="As reported by the recorder (`not_known` is read as `not_stated`)",
    )
    ethnicity: EthnicityInput | None = Field(
        default=None,
        description="As reported by the recorder "
        "(`not_yet_obtained` is read as `information_not_yet_obtained`)",
    )
    send_or_disability: SendOrDisability | None = Field(
        default=None, description=SEND_OR_DISABILITY
    )


class IncidentUpdate(BaseModel):
    """What may be added or changed later: outcome, release date, restorative result..."""

    model_config = ConfigDict(extra="forbid")

    outcome: Outcome | None = None
    outcome_date: IsoDate | None = Field(
        default=None, description="Defaults to today (Europe/London) when an outcome is given"
    )
    expected_release_date: IsoDate | None = None
    restorative_approach: RestorativeApproach | None = None
    restorative_outcome: RestorativeOutcome | None = None
    restorative_notes: LongText | None = None
    police_involved_at: IsoInstant | None = None
    police_force: OrgCode | None = None
    police_reference: ShortText | None = None
    released_at: IsoInstant | None = None
    exploitation_concern: Literal[True] | None = Field(
        default=None, description="Raise an exploitation concern found later (never cleared)"
    )
    nrm_referral_ref: ShortText | None = None
    child_told_at: IsoInstant | None = Field(default=None, description=CHILD_TOLD_AT)
    child_challenge: LongText | None = Field(default=None, description=CHILD_CHALLENGE)
    hearing_date: IsoDate | None = Field(
        default=None,
        description="A court hearing listed again for another day (`court_hearing` only)",
    )
    sex: SexInput | None = None
    ethnicity: EthnicityInput | None = None
    send_or_disability: SendOrDisability | None = Field(
        default=None, description=SEND_OR_DISABILITY
    )


class ReasonableParentTest(BaseModel):
    question: str = REASONABLE_PARENT_QUESTION
    answer: bool
    reason: str


class CoolingOff(BaseModel):
    applies: bool
    until: datetime | None = Field(description="occurred_at plus 24 hours, when it applies")


class StatusSummary(BaseModel):
    """What a care-status-api lookup answers about the child, and no more (issue 15
    finding 2): every reader of the incident sees it once the facts are known."""

    person_ref: str
    effective_date: date = Field(description="The date the facts were read for")
    status: CareStatus
    under_25: bool
    responsible_authority: str = Field(description="GSS code of the responsible authority")
    placed_out_of_area: bool
    area_authority: str | None = Field(description="GSS code of the open placement's area")

    @classmethod
    def of(cls, facts: StatusFacts) -> StatusSummary:
        return cls.model_validate(facts.model_dump(include=set(cls.model_fields)))


STATUS_FACTS = (
    "The child's whole status facts block as of occurred_at's London date, given only to "
    "a caller entitled to the child's care record: the responsible authority or the area "
    "authority of the open placement, with `care-status:read` in its token. Null for "
    "every other reader (they get `status_summary`) and while the facts are pending. "
    "The events always carry the whole block."
)
STATUS_SUMMARY = (
    "The lookup-level answer (status, under 25, responsible and area authority, placed "
    "out of area), for every reader; null while the facts are pending"
)


class IncidentOut(BaseModel):
    """An incident as its readers see it, with the decision record and status facts."""

    id: uuid.UUID
    person_ref: str
    occurred_at: datetime
    kind: IncidentKind
    setting: Setting
    description: str | None
    recorded_by: str
    recorded_by_kind: str
    response_category: ResponseCategory | None
    reasonable_parent_test: ReasonableParentTest | None
    cooling_off: CoolingOff
    child_account: str | None
    victim_wishes: str | None
    restorative_approach: RestorativeApproach | None
    restorative_outcome: RestorativeOutcome | None
    restorative_notes: str | None
    exploitation_concern: bool
    nrm_referral_ref: str | None
    staff_involved: bool
    london_incident_level: LondonIncidentLevel | None
    child_told_at: datetime | None
    child_challenge: str | None
    measure_of_control: MeasureOfControl | None
    measure_planned_in_ehc_plan: bool
    related_incident_id: uuid.UUID | None
    police_involved: bool
    police_involved_at: datetime | None
    police_force: str | None
    police_reference: str | None
    custody_suite: str | None
    detained_at: datetime | None
    released_at: datetime | None
    outcome: Outcome | None
    outcome_date: date | None
    sentenced_on: date | None
    expected_release_date: date | None
    hearing_date: date | None
    sex: Sex | None
    ethnicity: Ethnicity | None
    send_or_disability: SendOrDisability | None
    facts_pending: bool = Field(
        description="True while care-status-api has not yet given the status facts; "
        "the incident's event is sent once it has"
    )
    facts_status: FactsStatus
    status_facts: StatusFacts | None = Field(description=STATUS_FACTS)
    status_summary: StatusSummary | None = Field(description=STATUS_SUMMARY)
    responsible_authority: str | None
    area_authority: str | None
    created_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def of(cls, incident: Incident, *, full_facts: bool) -> IncidentOut:
        """The response body of an incident row; the whole facts block only when
        `full_facts` (the caller may see the child's care record)."""
        test = None
        if incident.reasonable_parent_answer is not None:
            test = ReasonableParentTest(
                answer=incident.reasonable_parent_answer,
                reason=incident.reasonable_parent_reason or "",
            )
        stored = incident.status_facts
        facts = StatusFacts.model_validate(stored) if stored is not None else None
        return cls(
            **{name: getattr(incident, name) for name in _COPIED},
            reasonable_parent_test=test,
            cooling_off=CoolingOff(
                applies=incident.cooling_off_applies, until=incident.cooling_off_until
            ),
            facts_pending=facts is None,
            status_facts=facts if full_facts else None,
            status_summary=StatusSummary.of(facts) if facts is not None else None,
        )


class IncidentPage(Page[IncidentOut]):
    """One page of the incidents the caller may read, newest first."""


@dataclass(frozen=True)
class IncidentFilters:
    """The filters of the incidents list (query parameters, already parsed)."""

    person_ref: str | None = None
    kind: IncidentKind | None = None
    occurred_from: date | None = None
    occurred_to: date | None = None
    authority: str | None = None


_COPIED = tuple(
    name
    for name in IncidentOut.model_fields
    if name
    not in {
        "reasonable_parent_test",
        "cooling_off",
        "facts_pending",
        "status_facts",
        "status_summary",
    }
)
