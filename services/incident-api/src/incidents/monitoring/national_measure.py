"""The DfE national measure the protocol is judged by: pure functions of values.

National protocol 1.4 footnote 2 and 10.5: "In the year to 31 March 2018, 4% of LAC aged
10 or over looked after for at least 12 months were convicted or subject to youth
cautions or youth conditional cautions during the year"; the Government "will continue
to collate and publish data on the number of looked-after children subject to youth
cautions, youth conditional cautions or convictions". The cohort (looked after
continuously for 12 months or more at 31 March, aged 10 or over) is care-status-api's;
the disposals are incident-api's records.

Readings (README, "National measure"):
- A conviction is a court outcome other than not guilty, case dismissed or discontinued
  by the CPS (absolute and conditional discharges are convictions), or a custodial
  sentence record. A charge is not a conviction.
- Youth caution and youth conditional caution count (LASPO 2012, footnote 33). Adult
  simple and conditional cautions, penalty notices, community resolutions and Outcomes
  21 / 22 do not: the DfE figure names only the youth cautions and convictions.
- "During the year": the disposal's date (the outcome date; a custodial sentence's
  sentence date) lies from 1 April to 31 March inclusive.
- A child counts once, however many disposals they had.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date

from incidents.incidents.vocabulary import IncidentKind, Outcome

#: Aged 10 or over at 31 March (the age of criminal responsibility).
MIN_AGE = 10

CONVICTIONS = frozenset(
    {
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
YOUTH_CAUTIONS = frozenset({Outcome.YOUTH_CAUTION, Outcome.YOUTH_CONDITIONAL_CAUTION})
COUNTED_OUTCOMES = CONVICTIONS | YOUTH_CAUTIONS


def year_ending_on(year_ending: date) -> date:
    """The first day of the year that ends on `year_ending` (a 31 March, else ValueError)."""
    if (year_ending.month, year_ending.day) != (3, 31):
        raise ValueError("the year of the measure ends on 31 March")
    return date(year_ending.year - 1, 4, 1)


@dataclass(frozen=True)
class Disposal:
    """What the measure reads of one incident record."""

    person_ref: str
    kind: str
    outcome: str | None
    outcome_date: date | None
    sentenced_on: date | None


@dataclass(frozen=True)
class Counted:
    """Children of the cohort convicted or given a youth (conditional) caution; a child
    may be in both `convicted` and `youth_cautioned`, and in `children` once."""

    children: frozenset[str]
    convicted: frozenset[str]
    youth_cautioned: frozenset[str]


def _counted_as(disposal: Disposal) -> tuple[str, date] | None:
    """("convicted" or "youth_cautioned", the disposal's date), or None if not counted."""
    if disposal.outcome is not None and disposal.outcome_date is not None:
        outcome = Outcome(disposal.outcome)
        if outcome in CONVICTIONS:
            return "convicted", disposal.outcome_date
        if outcome in YOUTH_CAUTIONS:
            return "youth_cautioned", disposal.outcome_date
    if disposal.kind == IncidentKind.CUSTODIAL_SENTENCE and disposal.sentenced_on is not None:
        return "convicted", disposal.sentenced_on
    return None


def count_children(
    cohort: Collection[str], disposals: Iterable[Disposal], first: date, last: date
) -> Counted:
    """The children of `cohort` with a counted disposal dated in [first, last]."""
    found: dict[str, set[str]] = {"convicted": set(), "youth_cautioned": set()}
    for disposal in disposals:
        if disposal.person_ref not in cohort:
            continue
        counted = _counted_as(disposal)
        if counted is not None and first <= counted[1] <= last:
            found[counted[0]].add(disposal.person_ref)
    return Counted(
        children=frozenset(found["convicted"] | found["youth_cautioned"]),
        convicted=frozenset(found["convicted"]),
        youth_cautioned=frozenset(found["youth_cautioned"]),
    )


def percentage(count: int, cohort: int) -> float | None:
    """`count` as a percentage of `cohort`, to one decimal place (the DfE publishes a
    percentage); None for an empty cohort."""
    if cohort == 0:
        return None
    return round(100 * count / cohort, 1)
