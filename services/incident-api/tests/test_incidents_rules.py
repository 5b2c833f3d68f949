"""The pure rules at their boundaries: cooling-off, dates, checklist due time, measures."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from incidents.checklist import sections
from incidents.incidents import rules
from incidents.incidents.facts import facts_date
from incidents.incidents.vocabulary import IncidentKind, Outcome
from incidents.monitoring.figures import (
    CountedIncident,
    Measure,
    checklist_timeliness,
    measure_of,
)
from platform_shared.organisations import OrganisationKind


def test_cooling_off_ends_24_elapsed_hours_later_across_the_spring_clock_change() -> None:
    until = rules.cooling_off_until(datetime(2026, 3, 28, 20, 0, tzinfo=UTC))

    assert until == datetime(2026, 3, 29, 20, 0, tzinfo=UTC)


def test_facts_date_is_the_london_date() -> None:
    assert facts_date(datetime(2026, 6, 30, 22, 30, tzinfo=UTC)) == date(2026, 6, 30)
    assert facts_date(datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == date(2026, 7, 1)
    assert facts_date(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == date(2026, 12, 31)


def test_outcome_on_the_london_date_of_a_late_evening_incident_is_accepted() -> None:
    late_evening_bst = datetime(2026, 6, 30, 22, 30, tzinfo=UTC)

    assert rules.check_outcome_date(late_evening_bst, date(2026, 6, 30)) == []
    assert [
        issue.field for issue in rules.check_outcome_date(late_evening_bst, date(2026, 6, 29))
    ] == ["body.outcome_date"]


def test_release_on_the_day_of_sentence_is_accepted_and_the_day_before_refused() -> None:
    sentence = IncidentKind.CUSTODIAL_SENTENCE

    assert rules.check_release_date(sentence, date(2026, 6, 10), date(2026, 6, 10)) == []
    assert rules.check_release_date(sentence, date(2026, 6, 10), date(2026, 6, 9)) != []


def test_only_a_custodial_sentence_has_a_release_date() -> None:
    issues = rules.check_release_date(IncidentKind.REMAND, None, date(2026, 12, 1))

    assert [issue.field for issue in issues] == ["body.expected_release_date"]


@pytest.mark.parametrize(
    ("kind", "outcome", "valid"),
    [
        (IncidentKind.OUT_OF_COURT_DISPOSAL, Outcome.YOUTH_CAUTION, True),
        (IncidentKind.OUT_OF_COURT_DISPOSAL, Outcome.FINE, False),
        (IncidentKind.NO_FURTHER_ACTION, Outcome.OUTCOME_21, True),
        (IncidentKind.COURT_OUTCOME, Outcome.DISCONTINUED_BY_CPS, True),
        (IncidentKind.COURT_OUTCOME, None, False),
        (IncidentKind.BEHAVIOUR, Outcome.FINE, True),
    ],
)
def test_outcome_kinds_carry_outcomes_of_their_own_set(
    kind: IncidentKind, outcome: Outcome | None, valid: bool
) -> None:
    assert (rules.check_outcome(kind, outcome) == []) is valid


def test_checklist_is_due_exactly_24_hours_after_police_involvement_across_the_clock_change() -> (
    None
):
    due = sections.due_at(datetime(2026, 3, 28, 10, 0, tzinfo=UTC))

    assert due == datetime(2026, 3, 29, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("section", "kind", "allowed"),
    [
        (1, OrganisationKind.PROVIDER, True),
        (8, OrganisationKind.LOCAL_AUTHORITY, True),
        (9, OrganisationKind.PROVIDER, False),
        (9, OrganisationKind.POLICE, True),
        (10, OrganisationKind.POLICE, True),
        (1, OrganisationKind.POLICE, False),
        (1, OrganisationKind.YOT, False),
        (10, OrganisationKind.LOCAL_AUTHORITY, False),
    ],
)
def test_checklist_sections_by_organisation_kind(
    section: int, kind: OrganisationKind, allowed: bool
) -> None:
    assert sections.may_write(section, kind) is allowed


def test_carer_sections_complete_when_the_last_of_1_to_8_is_written() -> None:
    written = {number: datetime(2026, 3, 28, number, 0, tzinfo=UTC) for number in range(1, 9)}

    assert sections.carer_sections_completed_at(written) == datetime(2026, 3, 28, 8, 0, tzinfo=UTC)
    del written[4]
    assert sections.carer_sections_completed_at(written) is None


def test_checklist_written_at_the_due_instant_is_on_time() -> None:
    due = datetime(2026, 3, 29, 10, 0, tzinfo=UTC)
    now = datetime(2026, 4, 1, tzinfo=UTC)

    figures = checklist_timeliness(
        [
            (due, due),
            (due, datetime(2026, 3, 29, 10, 0, 1, tzinfo=UTC)),
            (due, None),
            (datetime(2026, 4, 2, tzinfo=UTC), None),
        ],
        now,
    )

    assert (figures.completed_on_time, figures.completed_late) == (1, 1)
    assert (figures.overdue, figures.outstanding_not_yet_due) == (1, 1)


def _incident(category: str | None, outcome: str | None) -> CountedIncident:
    return CountedIncident(category, outcome, None, None, None, None, None)


@pytest.mark.parametrize(
    ("category", "outcome", "measure"),
    [
        ("internal_resolution", None, Measure.DEALT_WITH_INTERNALLY),
        ("police_advice", None, Measure.JOINTLY_WITH_POLICE_OUTCOME_AWAITED),
        ("police_advice", "youth_caution", Measure.JOINTLY_WITH_POLICE_FORMAL_DISPOSAL),
        ("immediate_police_response", "charged", Measure.JOINTLY_WITH_POLICE_FORMAL_DISPOSAL),
        ("police_advice", "community_resolution", Measure.JOINTLY_WITH_POLICE_INFORMAL_DISPOSAL),
        ("police_advice", "outcome_21", Measure.JOINTLY_WITH_POLICE_INFORMAL_DISPOSAL),
        ("police_advice", "outcome_22", Measure.JOINTLY_WITH_POLICE_INFORMAL_DISPOSAL),
        ("police_advice", "discontinued_by_cps", Measure.DISCONTINUED_BY_CPS),
        ("police_advice", "no_further_action", Measure.JOINTLY_WITH_POLICE_NO_FURTHER_ACTION),
        (
            "internal_resolution",
            "community_resolution",
            Measure.JOINTLY_WITH_POLICE_INFORMAL_DISPOSAL,
        ),
        (None, "fine", None),
    ],
)
def test_each_incident_counts_in_one_measure(
    category: str | None, outcome: str | None, measure: Measure | None
) -> None:
    assert measure_of(_incident(category, outcome)) is measure
