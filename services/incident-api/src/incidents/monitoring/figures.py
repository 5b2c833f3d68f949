"""The monitoring measures and their breakdowns: pure functions of incident values.

Derbyshire protocol section 11 ("Monitoring the Protocol", reviewed at least six
monthly): "the number of incidents dealt with internally; ... dealt with jointly with
the police resulting in a formal disposal; ... in an informal disposal; the number of
cases discontinued by the CPS". London protocol (data on disproportionality): each is
broken down by placement type, out-of-area placement, age band, sex and ethnicity, and
(rules.md Revision 2; London protocol, "Governance, monitoring") by SEND / disability as
the recorder reported it and by UASC as the status facts give it.

What is counted: incidents carrying the protocol's decision record (a
`response_category`), one measure each, by the outcome known when the figures are read.
Police contact records without a response category (an arrest, a custody detention
recorded by the police) are counted by kind beside the measures, not in them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from incidents.incidents.vocabulary import Outcome, ResponseCategory


class Measure(StrEnum):
    DEALT_WITH_INTERNALLY = "dealt_with_internally"
    JOINTLY_WITH_POLICE_FORMAL_DISPOSAL = "jointly_with_police_formal_disposal"
    JOINTLY_WITH_POLICE_INFORMAL_DISPOSAL = "jointly_with_police_informal_disposal"
    DISCONTINUED_BY_CPS = "discontinued_by_cps"
    JOINTLY_WITH_POLICE_NO_FURTHER_ACTION = "jointly_with_police_no_further_action"
    JOINTLY_WITH_POLICE_OUTCOME_AWAITED = "jointly_with_police_outcome_awaited"


DESCRIPTIONS: Mapping[Measure, str] = {
    Measure.DEALT_WITH_INTERNALLY: "Incidents dealt with internally (Derbyshire s.11)",
    Measure.JOINTLY_WITH_POLICE_FORMAL_DISPOSAL: (
        "Dealt with jointly with the police resulting in a formal disposal: caution, "
        "conditional caution, penalty notice, charge or court sentence (Derbyshire s.11)"
    ),
    Measure.JOINTLY_WITH_POLICE_INFORMAL_DISPOSAL: (
        "Dealt with jointly with the police resulting in an informal disposal: community "
        "resolution, Outcome 21 or Outcome 22 (Derbyshire s.11; national protocol 6.6)"
    ),
    Measure.DISCONTINUED_BY_CPS: "Cases discontinued by the CPS (Derbyshire s.11)",
    Measure.JOINTLY_WITH_POLICE_NO_FURTHER_ACTION: (
        "Police involved, ending in no further action, not guilty or dismissal"
    ),
    Measure.JOINTLY_WITH_POLICE_OUTCOME_AWAITED: "Police involved, no outcome recorded yet",
}

DIMENSIONS = (
    "placement_type",
    "out_of_area",
    "age_band",
    "sex",
    "ethnicity",
    "send_or_disability",
    "uasc",
)
NOT_RECORDED = "not_recorded"

INFORMAL_DISPOSALS = frozenset(
    {Outcome.COMMUNITY_RESOLUTION, Outcome.OUTCOME_21, Outcome.OUTCOME_22}
)
NO_DISPOSAL = frozenset({Outcome.NO_FURTHER_ACTION, Outcome.NOT_GUILTY, Outcome.CASE_DISMISSED})


@dataclass(frozen=True)
class CountedIncident:
    """What the figures read of one incident: its decision, outcome and who the child is."""

    response_category: str | None
    outcome: str | None
    placement_type: str | None
    placed_out_of_area: bool | None
    age_band: str | None
    sex: str | None
    ethnicity: str | None
    send_or_disability: str | None = None
    uasc: bool | None = None


def _yes_no(value: bool | None, yes: str, no: str) -> str:
    if value is None:
        return NOT_RECORDED
    return yes if value else no


def measure_of(incident: CountedIncident) -> Measure | None:
    """The one measure an incident counts in, or None when it has no decision record."""
    if incident.response_category is None:
        return None
    if incident.outcome is None:
        if incident.response_category == ResponseCategory.INTERNAL_RESOLUTION:
            return Measure.DEALT_WITH_INTERNALLY
        return Measure.JOINTLY_WITH_POLICE_OUTCOME_AWAITED
    outcome = Outcome(incident.outcome)
    if outcome is Outcome.DISCONTINUED_BY_CPS:
        return Measure.DISCONTINUED_BY_CPS
    if outcome in INFORMAL_DISPOSALS:
        return Measure.JOINTLY_WITH_POLICE_INFORMAL_DISPOSAL
    if outcome in NO_DISPOSAL:
        return Measure.JOINTLY_WITH_POLICE_NO_FURTHER_ACTION
    return Measure.JOINTLY_WITH_POLICE_FORMAL_DISPOSAL


def categories_of(incident: CountedIncident) -> dict[str, str]:
    """The incident's category in each breakdown dimension."""
    return {
        "placement_type": incident.placement_type or "no_placement",
        "out_of_area": _yes_no(incident.placed_out_of_area, "out_of_area", "in_area"),
        "age_band": incident.age_band or NOT_RECORDED,
        "sex": incident.sex or NOT_RECORDED,
        "ethnicity": incident.ethnicity or NOT_RECORDED,
        "send_or_disability": incident.send_or_disability or NOT_RECORDED,
        # Facts stored before the facts block carried `uasc` have no answer to give.
        "uasc": _yes_no(incident.uasc, "uasc", "not_uasc"),
    }


@dataclass
class MeasureCount:
    measure: Measure
    total: int = 0
    breakdown: dict[str, Counter[str]] = field(
        default_factory=lambda: {dimension: Counter() for dimension in DIMENSIONS}
    )


def count_measures(incidents: Iterable[CountedIncident]) -> list[MeasureCount]:
    """Every measure, in the protocol's order, with its total and breakdowns."""
    counts = {measure: MeasureCount(measure) for measure in Measure}
    for incident in incidents:
        measure = measure_of(incident)
        if measure is None:
            continue
        count = counts[measure]
        count.total += 1
        for dimension, category in categories_of(incident).items():
            count.breakdown[dimension][category] += 1
    return list(counts.values())


@dataclass(frozen=True)
class ChecklistTimeliness:
    required: int
    completed_on_time: int
    completed_late: int
    outstanding_not_yet_due: int
    overdue: int


def checklist_timeliness(
    checklists: Iterable[tuple[datetime, datetime | None]], now: datetime
) -> ChecklistTimeliness:
    """Of checklists due (due time, when sections 1-8 were all written): how many were
    sent on time, late, are still within time, or are overdue (Derbyshire Appendix B)."""
    on_time = late = waiting = overdue = required = 0
    for due, completed in checklists:
        required += 1
        if completed is not None:
            if completed <= due:
                on_time += 1
            else:
                late += 1
        elif now > due:
            overdue += 1
        else:
            waiting += 1
    return ChecklistTimeliness(required, on_time, late, waiting, overdue)
