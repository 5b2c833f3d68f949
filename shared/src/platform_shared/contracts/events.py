"""The events the services exchange: the CloudEvents envelope, each type and its data.

Every event is a CloudEvents 1.0 JSON envelope posted by a service's outbox relay to
notify-api `POST /v1/events`. Its `data` is the status facts block plus the fields of
its type (`EVENT_DATA`). notify-api validates the fields a rule may read with
`EventDetails`: every field of every type, each optional, so that an event of a type a
later version adds is still taken in and stored.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, create_model

from platform_shared.contracts.facts import OrganisationCode, StatusFacts
from platform_shared.contracts.vocabularies import (
    CareLeaverCategory,
    LegalBasis,
    MeasureOfControl,
)
from platform_shared.fields import IsoDate, IsoInstant


class CloudEvent(BaseModel):
    """A CloudEvents 1.0 JSON event; extension attributes are allowed."""

    model_config = ConfigDict(extra="allow")

    specversion: Literal["1.0"]
    id: str = Field(min_length=1, max_length=200, description="Stable across retries")
    source: str = Field(min_length=1, max_length=200)
    type: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
    subject: str | None = Field(default=None, max_length=200, description="The person_ref")
    time: IsoInstant
    datacontenttype: Literal["application/json"] | None = None
    dataschema: str | None = Field(default=None, max_length=2000)
    data: dict[str, Any] | None = None


class EventSource(StrEnum):
    CARE_STATUS_API = "care-status-api"
    INCIDENT_API = "incident-api"


class EventType(StrEnum):
    PLACEMENT_STARTED = "placement.started"
    PLACEMENT_ENDED = "placement.ended"
    CARE_STARTED = "care.started"
    CARE_ENDED = "care.ended"
    CARE_LEAVER_RECORDED = "care_leaver.recorded"
    INCIDENT_RECORDED = "incident.recorded"
    POLICE_CONTACT_RECORDED = "police_contact.recorded"
    VOLUNTARY_INTERVIEW_RECORDED = "voluntary_interview.recorded"
    ARREST_RECORDED = "arrest.recorded"
    CUSTODY_DETAINED = "custody.detained"
    CHARGED = "charged"
    OUTCOME_RECORDED = "outcome.recorded"
    REMANDED = "remanded"
    SENTENCED_CUSTODIAL = "sentenced.custodial"
    CUSTODY_RELEASED = "custody.released"
    RELEASE_DATE_SET = "release_date.set"
    COURT_HEARING_LISTED = "court_hearing.listed"
    #: An exploitation concern raised on an existing record (PATCH), not at creation.
    EXPLOITATION_CONCERN_RAISED = "exploitation_concern.raised"
    #: The police became involved, or the instant of their involvement was corrected, on
    #: an existing record (PATCH): the CPS checklist's 24 hours run from the new instant.
    POLICE_INVOLVEMENT_RECORDED = "police_involvement.recorded"


ShortText = Annotated[str, Field(min_length=1, max_length=200)]
Word = Annotated[str, Field(max_length=64)]


class EventOrigin(StrEnum):
    """How the change an event announces reached the platform."""

    #: Recorded as it happened (the API): news.
    LIVE = "live"
    #: Loaded from a return (SSDA903 import): history, unless a duty is still open on the
    #: day of the import (notify-api makes only those notifications).
    IMPORT = "import"


class _EventData(StatusFacts):
    model_config = ConfigDict(extra="ignore", frozen=True)

    origin: EventOrigin = Field(
        default=EventOrigin.LIVE,
        description="`import`: the change was loaded from a return, and only the duties "
        "still open on the day of the import are notified",
    )
    import_id: ShortText | None = Field(
        default=None, description="The import (care-status-api `/v1/imports/{id}`), if any"
    )


class PlacementStarted(_EventData):
    """A placement was recorded (whatever its start date); facts as of `start_date`."""

    placement_id: ShortText
    start_date: IsoDate
    emergency: StrictBool
    provider: OrganisationCode | None = Field(description="Org code of the provider, if known")


class PlacementEnded(_EventData):
    """A placement's end was recorded; facts as of the placement's last day (the day
    before `end_date`, or `end_date` itself for a placement that started on it), so
    that `area_authority`, `placed_out_of_area`, `short_break` and `placement_type`
    describe the placement that ended."""

    placement_id: ShortText
    end_date: IsoDate
    recorded_in_advance: StrictBool = Field(
        description="The end was recorded before `end_date` (Europe/London)"
    )


class CareStarted(_EventData):
    legal_status_id: ShortText
    basis: LegalBasis = Field(description="The detailed basis")
    start_date: IsoDate


class CareEnded(_EventData):
    legal_status_id: ShortText
    basis: LegalBasis = Field(description="The detailed basis")
    end_date: IsoDate


class CareLeaverRecorded(_EventData):
    left_care_on: IsoDate
    category: CareLeaverCategory | None


class IncidentEvent(_EventData):
    """Every incident-api event: facts as of `occurred_at`'s Europe/London date."""

    incident_id: ShortText
    occurred_at: IsoInstant
    kind: Word = Field(description="The incident kind (incident-api's vocabulary)")
    setting: Word
    recorded_by: OrganisationCode = Field(description="Org code of the recording organisation")
    recorded_by_kind: Word = Field(description="`provider`, `police`, `yot`, ...")
    response_category: Word | None
    staff_involved: StrictBool
    police_involved: StrictBool
    police_involved_at: IsoInstant | None = Field(
        description="When the police became involved (the recorder's time; after a "
        "cooling-off period, its end; else the incident's time); null when not involved"
    )
    exploitation_concern: StrictBool = Field(
        description="The record raises a criminal or sexual exploitation concern "
        "(county lines, trafficking)"
    )
    measure_of_control: MeasureOfControl | None = Field(
        description="A measure of control, discipline or restraint used (reg 35(3))"
    )
    measure_planned_in_ehc_plan: StrictBool = Field(
        description="The restraint was planned in the child's EHC plan (reg 35(3) exception)"
    )
    related_incident_id: ShortText | None = Field(
        description="The incident this record follows (e.g. the arrest a charge follows)"
    )


class CustodyDetained(IncidentEvent):
    custody_suite: ShortText | None
    detained_at: IsoInstant | None


class OutcomeRecorded(IncidentEvent):
    outcome: Word


class SentencedCustodial(IncidentEvent):
    sentenced_on: IsoDate | None
    expected_release_date: IsoDate | None


class CustodyReleased(IncidentEvent):
    released_at: IsoInstant | None


class ReleaseDateSet(IncidentEvent):
    release_date: IsoDate


class CourtHearingListed(IncidentEvent):
    hearing_date: IsoDate


#: The data model of each event type.
EVENT_DATA: dict[EventType, type[_EventData]] = {
    EventType.PLACEMENT_STARTED: PlacementStarted,
    EventType.PLACEMENT_ENDED: PlacementEnded,
    EventType.CARE_STARTED: CareStarted,
    EventType.CARE_ENDED: CareEnded,
    EventType.CARE_LEAVER_RECORDED: CareLeaverRecorded,
    EventType.INCIDENT_RECORDED: IncidentEvent,
    EventType.POLICE_CONTACT_RECORDED: IncidentEvent,
    EventType.VOLUNTARY_INTERVIEW_RECORDED: IncidentEvent,
    EventType.ARREST_RECORDED: IncidentEvent,
    EventType.CUSTODY_DETAINED: CustodyDetained,
    EventType.CHARGED: IncidentEvent,
    EventType.OUTCOME_RECORDED: OutcomeRecorded,
    EventType.REMANDED: IncidentEvent,
    EventType.SENTENCED_CUSTODIAL: SentencedCustodial,
    EventType.CUSTODY_RELEASED: CustodyReleased,
    EventType.RELEASE_DATE_SET: ReleaseDateSet,
    EventType.COURT_HEARING_LISTED: CourtHearingListed,
    EventType.EXPLOITATION_CONCERN_RAISED: IncidentEvent,
    EventType.POLICE_INVOLVEMENT_RECORDED: IncidentEvent,
}

#: The service that sends each event type.
EVENT_SOURCE: dict[EventType, EventSource] = {
    event_type: (
        EventSource.INCIDENT_API
        if issubclass(model, IncidentEvent)
        else EventSource.CARE_STATUS_API
    )
    for event_type, model in EVENT_DATA.items()
}


def _optional_details() -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for model in EVENT_DATA.values():
        for name, info in model.model_fields.items():
            if name in StatusFacts.model_fields or name in fields:
                continue
            # The field's own type with its constraints and validators, or null.
            typed: Any = info.annotation
            if info.metadata:
                typed = Annotated[typed, *info.metadata]
            fields[name] = (typed | None, None)
    return create_model(
        "EventDetails",
        __config__=ConfigDict(extra="allow", frozen=True),
        __doc__="The fields of every event type beside the facts, each optional.",
        **fields,
    )


#: Every event-specific field, optional (what notify-api's rules may read beside the facts).
EventDetails: type[BaseModel] = _optional_details()
