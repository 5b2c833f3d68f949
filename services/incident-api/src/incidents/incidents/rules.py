"""The rules of an incident record: pure functions of values, no I/O.

Each rule cites the protocol it implements (seeds in /work/shared/seeds/): national
protocol 2018 (001), London protocol 2025 (002), Derbyshire protocol (004).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from incidents.incidents.vocabulary import IncidentKind, Outcome, ResponseCategory
from platform_shared.calendar import add_hours, local_date
from platform_shared.contracts.events import EventType
from platform_shared.contracts.vocabularies import MeasureOfControl
from platform_shared.problems import FieldIssue

#: Derbyshire protocol section 3: "a 24 hour cooling off period should be allowed before
#: contacting the police for internal and no immediate response categories".
COOLING_OFF_HOURS = 24

#: How far in the future an `occurred_at` may be (clock skew between systems).
CLOCK_SKEW = timedelta(minutes=5)

#: The event type each kind of record announces (docs/events.md, incident-api events).
EVENT_TYPES: Mapping[IncidentKind, EventType] = {
    IncidentKind.BEHAVIOUR: EventType.INCIDENT_RECORDED,
    IncidentKind.MISSING_EPISODE: EventType.INCIDENT_RECORDED,
    IncidentKind.POLICE_CONTACT: EventType.POLICE_CONTACT_RECORDED,
    IncidentKind.VOLUNTARY_INTERVIEW: EventType.VOLUNTARY_INTERVIEW_RECORDED,
    IncidentKind.ARREST: EventType.ARREST_RECORDED,
    IncidentKind.CUSTODY_DETENTION: EventType.CUSTODY_DETAINED,
    IncidentKind.CHARGE: EventType.CHARGED,
    IncidentKind.OUT_OF_COURT_DISPOSAL: EventType.OUTCOME_RECORDED,
    IncidentKind.NO_FURTHER_ACTION: EventType.OUTCOME_RECORDED,
    IncidentKind.COURT_OUTCOME: EventType.OUTCOME_RECORDED,
    IncidentKind.REMAND: EventType.REMANDED,
    IncidentKind.CUSTODIAL_SENTENCE: EventType.SENTENCED_CUSTODIAL,
    IncidentKind.RELEASE: EventType.CUSTODY_RELEASED,
    IncidentKind.COURT_HEARING: EventType.COURT_HEARING_LISTED,
}
#: An outcome set or changed on an existing record.
OUTCOME_RECORDED = EventType.OUTCOME_RECORDED
#: A custodial sentence's release date recorded or changed.
RELEASE_DATE_SET = EventType.RELEASE_DATE_SET
#: An exploitation concern raised on an existing record (a PATCH from false to true).
EXPLOITATION_CONCERN_RAISED = EventType.EXPLOITATION_CONCERN_RAISED
#: The police involved, or their instant moved, on an existing record (a PATCH).
POLICE_INVOLVEMENT_RECORDED = EventType.POLICE_INVOLVEMENT_RECORDED
#: A court hearing listed again for another day (a PATCH of `hearing_date`).
COURT_HEARING_LISTED = EventType.COURT_HEARING_LISTED

#: Kinds that are not themselves police involvement: what carers record alone, and a
#: court hearing (the court's listing; the police were involved at the arrest or charge
#: it follows, which is its own record).
NON_POLICE_KINDS = frozenset(
    {IncidentKind.BEHAVIOUR, IncidentKind.MISSING_EPISODE, IncidentKind.COURT_HEARING}
)

#: Out-of-court disposals (national protocol 6.6: community resolution, Outcome 21;
#: London protocol: Outcome 22 diversion; cautions and penalty notices are formal).
OUT_OF_COURT_OUTCOMES = frozenset(
    {
        Outcome.COMMUNITY_RESOLUTION,
        Outcome.OUTCOME_21,
        Outcome.OUTCOME_22,
        Outcome.YOUTH_CAUTION,
        Outcome.YOUTH_CONDITIONAL_CAUTION,
        Outcome.SIMPLE_CAUTION,
        Outcome.CONDITIONAL_CAUTION,
        Outcome.PENALTY_NOTICE,
    }
)
NO_FURTHER_ACTION_OUTCOMES = frozenset({Outcome.NO_FURTHER_ACTION, Outcome.OUTCOME_21})
COURT_OUTCOMES = frozenset(
    {
        Outcome.DISCONTINUED_BY_CPS,
        Outcome.NOT_GUILTY,
        Outcome.CASE_DISMISSED,
        Outcome.ABSOLUTE_DISCHARGE,
        Outcome.CONDITIONAL_DISCHARGE,
        Outcome.FINE,
        Outcome.REFERRAL_ORDER,
        Outcome.YOUTH_REHABILITATION_ORDER,
        Outcome.COMMUNITY_ORDER,
        Outcome.SUSPENDED_SENTENCE,
        Outcome.CUSTODIAL_SENTENCE,
    }
)
#: The outcomes a record of an outcome kind may carry; other kinds may carry any outcome.
OUTCOMES_BY_KIND: Mapping[IncidentKind, frozenset[Outcome]] = {
    IncidentKind.OUT_OF_COURT_DISPOSAL: OUT_OF_COURT_OUTCOMES,
    IncidentKind.NO_FURTHER_ACTION: NO_FURTHER_ACTION_OUTCOMES,
    IncidentKind.COURT_OUTCOME: COURT_OUTCOMES,
}


def cooling_off_until(occurred_at: datetime) -> datetime:
    """The end of the 24-hour cooling-off period (Derbyshire protocol section 3)."""
    return add_hours(occurred_at, COOLING_OFF_HOURS)


def default_outcome(kind: IncidentKind) -> Outcome | None:
    """The outcome a record of `kind` carries when none is given (only an NFA has one)."""
    return Outcome.NO_FURTHER_ACTION if kind is IncidentKind.NO_FURTHER_ACTION else None


def is_police_involved(
    kind: IncidentKind,
    response_category: ResponseCategory | None,
    police_involved_at: datetime | None,
    police_force: str | None,
) -> bool:
    """Whether the police are involved: a police record, a police response category
    (Derbyshire section 3, "police input helpful" or "immediate police response"), or a
    recorded time of involvement or force."""
    return (
        kind not in NON_POLICE_KINDS
        or response_category
        in (ResponseCategory.POLICE_ADVICE, ResponseCategory.IMMEDIATE_POLICE_RESPONSE)
        or police_involved_at is not None
        or police_force is not None
    )


def police_involvement_time(
    occurred_at: datetime, given: datetime | None, cooling_off_ends: datetime | None
) -> datetime:
    """When the police became involved, the start of the CPS checklist's 24 hours.

    The recorder's time when given; otherwise the end of a cooling-off period (the
    police are contacted after it, Derbyshire section 3), else the incident's time.
    """
    if given is not None:
        return given
    return cooling_off_ends if cooling_off_ends is not None else occurred_at


def check_occurred_at(occurred_at: datetime, now: datetime) -> list[FieldIssue]:
    if occurred_at > now + CLOCK_SKEW:
        return [FieldIssue("body.occurred_at", "an incident cannot be recorded before it happens")]
    return []


def check_outcome(
    kind: IncidentKind, outcome: Outcome | None, field: str = "body.outcome"
) -> list[FieldIssue]:
    """An out-of-court disposal or court outcome record names its outcome, from its set."""
    allowed = OUTCOMES_BY_KIND.get(kind)
    if allowed is None:
        return []
    if outcome is None:
        return [FieldIssue(field, f"a {kind.value} record needs its outcome")]
    if outcome not in allowed:
        names = ", ".join(sorted(o.value for o in allowed))
        return [FieldIssue(field, f"not an outcome of a {kind.value} record; one of {names}")]
    return []


def check_outcome_date(
    occurred_at: datetime, outcome_date: date | None, field: str = "body.outcome_date"
) -> list[FieldIssue]:
    """An outcome cannot be decided before the incident happened (its London date)."""
    if outcome_date is not None and outcome_date < local_date(occurred_at):
        return [FieldIssue(field, "the outcome cannot be before the incident")]
    return []


def check_release_date(
    kind: IncidentKind,
    sentenced_on: date | None,
    release_date: date | None,
    field: str = "body.expected_release_date",
) -> list[FieldIssue]:
    """Only a custodial sentence has a release date, and it is not before the sentence."""
    if release_date is None:
        return []
    if kind is not IncidentKind.CUSTODIAL_SENTENCE:
        return [FieldIssue(field, "only a custodial_sentence record has a release date")]
    if sentenced_on is not None and release_date < sentenced_on:
        return [FieldIssue(field, "the release date cannot be before the sentence")]
    return []


def check_sentence(kind: IncidentKind, sentenced_on: date | None) -> list[FieldIssue]:
    if sentenced_on is not None and kind is not IncidentKind.CUSTODIAL_SENTENCE:
        return [FieldIssue("body.sentenced_on", "only a custodial_sentence record has one")]
    return []


def check_custody_times(
    occurred_at: datetime, detained_at: datetime | None, released_at: datetime | None
) -> list[FieldIssue]:
    """Time out of custody is not before time in, nor before the incident."""
    start = detained_at or occurred_at
    if released_at is not None and released_at < start:
        return [FieldIssue("body.released_at", "release cannot be before detention")]
    return []


def check_exploitation(concern: bool, nrm_referral_ref: str | None) -> list[FieldIssue]:
    """An NRM referral is made where exploitation is a concern (London protocol, NRM)."""
    if nrm_referral_ref is not None and not concern:
        return [
            FieldIssue("body.nrm_referral_ref", "an NRM referral needs exploitation_concern true")
        ]
    return []


def check_police_involved_at(
    occurred_at: datetime, police_involved_at: datetime | None, now: datetime
) -> list[FieldIssue]:
    """The police cannot be involved before the incident, nor in the future: the CPS
    checklist's 24 hours run from this instant (rules.md Revision 2, `cps-checklist-due`)."""
    field = "body.police_involved_at"
    if police_involved_at is None:
        return []
    if police_involved_at < occurred_at:
        return [FieldIssue(field, "the police cannot be involved before the incident")]
    if police_involved_at > now + CLOCK_SKEW:
        return [FieldIssue(field, "cannot be in the future")]
    return []


def check_hearing_date(
    kind: IncidentKind, occurred_at: datetime, hearing_date: date | None
) -> list[FieldIssue]:
    """A `court_hearing` names the day it is listed for (national protocol 8.1: the
    social worker attends, "particularly on the day of sentence"); no other kind has one.
    A hearing is listed for the day the listing is recorded or later."""
    field = "body.hearing_date"
    if kind is not IncidentKind.COURT_HEARING:
        if hearing_date is not None:
            return [FieldIssue(field, "only a court_hearing record has a hearing date")]
        return []
    if hearing_date is None:
        return [FieldIssue(field, "a court_hearing record needs its hearing date")]
    if hearing_date < local_date(occurred_at):
        return [FieldIssue(field, "the hearing cannot be listed for a day before the record")]
    return []


def check_measure_of_control(
    measure: MeasureOfControl | None, planned_in_ehc_plan: bool
) -> list[FieldIssue]:
    """Only restraint can be planned in the child's EHC plan (Children's Homes (England)
    Regulations 2015 reg 35(3): the record of a measure, "except restraint ... planned
    in the child's EHC plan")."""
    if planned_in_ehc_plan and measure is not MeasureOfControl.RESTRAINT:
        return [
            FieldIssue(
                "body.measure_planned_in_ehc_plan",
                "only a restraint can be planned in the EHC plan (measure_of_control: restraint)",
            )
        ]
    return []


def check_child_told(
    occurred_at: datetime,
    told_at: datetime | None,
    challenge: str | None,
    already_told: bool,
    now: datetime,
) -> list[FieldIssue]:
    """The child is told what was written after the incident, not in the future, and a
    challenge follows the telling (London protocol, Appendix C: children "told what has
    been recorded and why, and be given a fair chance to challenge")."""
    issues: list[FieldIssue] = []
    if told_at is not None:
        if told_at < occurred_at:
            issues.append(
                FieldIssue("body.child_told_at", "the child cannot be told before the incident")
            )
        elif told_at > now + CLOCK_SKEW:
            issues.append(FieldIssue("body.child_told_at", "cannot be in the future"))
    if challenge is not None and told_at is None and not already_told:
        issues.append(
            FieldIssue("body.child_challenge", "record when the child was told (child_told_at)")
        )
    return issues
