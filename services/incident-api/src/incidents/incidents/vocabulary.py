"""The enumerations of an incident record: neutral words, lower_snake_case.

Free text (what happened, the child's account, the victim's wishes) belongs to the
people who wrote it; enumerations are ours, and they describe what was done, never the
child ("aggressive", "violent" are not codes here: London protocol, "Recording of
incidents by carers"). Sex and ethnicity are the platform's one vocabulary
(`platform_shared.contracts.vocabularies`), not incident-api's.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class IncidentKind(StrEnum):
    """What is recorded (docs/api.md, incident-api `kind`)."""

    BEHAVIOUR = "behaviour"
    MISSING_EPISODE = "missing_episode"
    POLICE_CONTACT = "police_contact"
    VOLUNTARY_INTERVIEW = "voluntary_interview"
    ARREST = "arrest"
    CUSTODY_DETENTION = "custody_detention"
    CHARGE = "charge"
    OUT_OF_COURT_DISPOSAL = "out_of_court_disposal"
    NO_FURTHER_ACTION = "no_further_action"
    COURT_OUTCOME = "court_outcome"
    REMAND = "remand"
    CUSTODIAL_SENTENCE = "custodial_sentence"
    RELEASE = "release"
    #: A court hearing listed (national protocol 8.1, 8.4): carries its `hearing_date`.
    COURT_HEARING = "court_hearing"


class Setting(StrEnum):
    PLACEMENT = "placement"
    COMMUNITY = "community"
    SCHOOL = "school"
    CUSTODY = "custody"
    COURT = "court"


class ResponseCategory(StrEnum):
    """The three responses of Derbyshire protocol section 3.

    Not London's incident levels: those are their own field (`LondonIncidentLevel`),
    since London's level 2 ("either way") has no Derbyshire category of its own.
    """

    INTERNAL_RESOLUTION = "internal_resolution"
    POLICE_ADVICE = "police_advice"
    IMMEDIATE_POLICE_RESPONSE = "immediate_police_response"


class LondonIncidentLevel(IntEnum):
    """London protocol, "Different levels of incident or crime": 1 internal resolution,
    2 either way dependent on circumstances, 3 always report."""

    INTERNAL_RESOLUTION = 1
    EITHER_WAY = 2
    ALWAYS_REPORT = 3


class SendOrDisability(StrEnum):
    """Special educational needs or disability, as reported by the recorder (London
    protocol, "Governance, monitoring": disproportionality data)."""

    YES = "yes"
    NO = "no"
    NOT_KNOWN = "not_known"


class Outcome(StrEnum):
    """Police, CPS and court outcomes (Home Office outcomes framework, in words)."""

    NO_FURTHER_ACTION = "no_further_action"
    OUTCOME_21 = "outcome_21"
    OUTCOME_22 = "outcome_22"
    COMMUNITY_RESOLUTION = "community_resolution"
    YOUTH_CAUTION = "youth_caution"
    YOUTH_CONDITIONAL_CAUTION = "youth_conditional_caution"
    SIMPLE_CAUTION = "simple_caution"
    CONDITIONAL_CAUTION = "conditional_caution"
    PENALTY_NOTICE = "penalty_notice"
    CHARGED = "charged"
    DISCONTINUED_BY_CPS = "discontinued_by_cps"
    NOT_GUILTY = "not_guilty"
    CASE_DISMISSED = "case_dismissed"
    ABSOLUTE_DISCHARGE = "absolute_discharge"
    CONDITIONAL_DISCHARGE = "conditional_discharge"
    FINE = "fine"
    REFERRAL_ORDER = "referral_order"
    YOUTH_REHABILITATION_ORDER = "youth_rehabilitation_order"
    COMMUNITY_ORDER = "community_order"
    SUSPENDED_SENTENCE = "suspended_sentence"
    CUSTODIAL_SENTENCE = "custodial_sentence"


class RestorativeApproach(StrEnum):
    """Incident-specific restorative interventions (Derbyshire protocol section 5)."""

    RESTORATIVE_CONVERSATION = "restorative_conversation"
    DIRECT_REPARATION = "direct_reparation"
    INDIRECT_REPARATION = "indirect_reparation"
    DIRECT_MEDIATION = "direct_mediation"
    INDIRECT_MEDIATION = "indirect_mediation"
    RESTORATIVE_CONFERENCE = "restorative_conference"
    APOLOGY = "apology"
    OTHER = "other"


class RestorativeOutcome(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    PARTLY_COMPLETED = "partly_completed"
    DECLINED_BY_CHILD = "declined_by_child"
    DECLINED_BY_VICTIM = "declined_by_victim"
    NOT_SUITABLE = "not_suitable"


class FactsStatus(StrEnum):
    """Whether the incident holds the status facts read from care-status-api."""

    RESOLVED = "resolved"
    PENDING = "pending"
    #: care-status-api answered 404 for a person_ref recorded while it was unreachable.
    PERSON_UNKNOWN = "person_unknown"
