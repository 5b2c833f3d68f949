"""Deadlines computed from a rule and an event, against the real England and Wales calendar.

Boundary dates are written out: each expected instant was worked out by hand from
rules.md "Time" and the bank holidays of the year.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from notify.rules.catalogue import Catalogue, load_catalogue
from notify.rules.deadlines import certainly_aged
from notify.rules.evaluation import Evaluation, evaluate_event
from notify.testing import care_leaver_facts, facts, incident_data, placement_data
from platform_shared.organisations import load_directory

BST = timezone(timedelta(hours=1))
CATALOGUE = load_catalogue()


def _evaluate(
    event_type: str,
    data: dict[str, object],
    time: datetime,
    catalogue: Catalogue = CATALOGUE,
) -> Evaluation:
    evaluation = evaluate_event(catalogue, event_type, time, data, load_directory())
    assert evaluation.issues == []
    return evaluation


def _due(evaluation: Evaluation, rule: str) -> set[datetime | None]:
    return {p.due_at for p in evaluation.notifications if p.rule.id == rule}


def test_emergency_placement_over_christmas_is_due_on_31_december() -> None:
    # rules.md: Tue 22 Dec 2026; 25 and 28 Dec are bank holidays, 26-27 a weekend.
    data = placement_data(date(2026, 12, 22), emergency=True)

    evaluation = _evaluate("placement.started", data, datetime(2026, 12, 22, 9, 0, tzinfo=UTC))

    assert _due(evaluation, "placement-out-of-area") == {
        datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)
    }


def test_emergency_placement_over_easter_skips_good_friday_and_easter_monday() -> None:
    # Thu 2 Apr 2026; Good Friday 3 Apr, Easter Monday 6 Apr: 7, 8, 9, 10, 13 April.
    data = placement_data(date(2026, 4, 2), emergency=True)

    evaluation = _evaluate("placement.started", data, datetime(2026, 4, 2, 9, 0, tzinfo=UTC))

    assert _due(evaluation, "placement-out-of-area") == {
        datetime(2026, 4, 13, 23, 59, 59, tzinfo=BST)
    }


def test_planned_placement_is_due_at_midnight_starting_the_start_date() -> None:
    data = placement_data(date(2026, 7, 1), emergency=False)

    evaluation = _evaluate("placement.started", data, datetime(2026, 6, 20, 9, 0, tzinfo=UTC))

    assert _due(evaluation, "placement-out-of-area") == {datetime(2026, 6, 30, 23, 0, tzinfo=UTC)}


def test_one_working_day_from_a_friday_ends_on_monday() -> None:
    time = datetime(2026, 6, 5, 15, 0, tzinfo=BST)  # Friday
    data = incident_data("behaviour", time)

    evaluation = _evaluate("incident.recorded", data, time)

    assert _due(evaluation, "incident-in-placement") == {
        datetime(2026, 6, 8, 23, 59, 59, tzinfo=BST)
    }


def test_hours_window_across_midnight_is_an_exact_instant() -> None:
    time = datetime(2026, 6, 10, 23, 30, tzinfo=BST)
    data = {**incident_data("custody_detention", time), "detained_at": time.isoformat()}

    evaluation = _evaluate("custody.detained", data, time)

    assert _due(evaluation, "custody-child-appropriate-adult") == {
        datetime(2026, 6, 11, 0, 30, tzinfo=BST)
    }
    assert _due(evaluation, "police-contact-looked-after") == {
        datetime(2026, 6, 11, 1, 30, tzinfo=BST)
    }


def test_hours_window_across_the_spring_clock_change_is_two_elapsed_hours() -> None:
    # Clocks go forward at 01:00 UTC on Sunday 29 March 2026: 00:30 GMT + 2 h = 03:30 BST.
    time = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)

    evaluation = _evaluate("arrest.recorded", incident_data("arrest", time), time)

    assert _due(evaluation, "police-contact-looked-after") == {
        datetime(2026, 3, 29, 3, 30, tzinfo=BST)
    }


def test_hours_window_across_the_autumn_clock_change_is_two_elapsed_hours() -> None:
    # Clocks go back at 01:00 UTC on Sunday 25 October 2026: 00:30 BST + 2 h = 01:30 GMT.
    time = datetime(2026, 10, 25, 0, 30, tzinfo=BST)

    evaluation = _evaluate("arrest.recorded", incident_data("arrest", time), time)

    assert _due(evaluation, "police-contact-looked-after") == {
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    }


def test_seven_days_into_summer_time_end_at_local_midnight_less_a_second() -> None:
    time = datetime(2026, 3, 24, 12, 0, tzinfo=UTC)
    data = incident_data("custodial_sentence", time, sentenced_on="2026-03-24")

    evaluation = _evaluate("sentenced.custodial", data, time)

    assert _due(evaluation, "sentenced-care-order-first-visit") == {
        datetime(2026, 3, 31, 22, 59, 59, tzinfo=UTC)
    }


def test_seven_days_into_winter_time_end_at_local_midnight_less_a_second() -> None:
    time = datetime(2026, 10, 22, 12, 0, tzinfo=UTC)
    data = incident_data("custodial_sentence", time, sentenced_on="2026-10-22")

    evaluation = _evaluate("sentenced.custodial", data, time)

    assert _due(evaluation, "sentenced-care-order-first-visit") == {
        datetime(2026, 10, 29, 23, 59, 59, tzinfo=UTC)
    }


def test_recurring_visits_start_six_weeks_after_the_first_visit() -> None:
    time = datetime(2026, 3, 24, 12, 0, tzinfo=UTC)
    data = incident_data("custodial_sentence", time, sentenced_on="2026-03-24")

    evaluation = _evaluate("sentenced.custodial", data, time)

    # First visit by 31 March; the first recurring visit six weeks later, 12 May (BST).
    assert _due(evaluation, "sentenced-care-order-visits") == {
        datetime(2026, 5, 12, 23, 59, 59, tzinfo=BST)
    }


def test_release_arrangements_are_due_ten_days_before_release() -> None:
    time = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)
    data = incident_data("custodial_sentence", time, release_date="2026-11-02")

    evaluation = _evaluate("release_date.set", data, time)

    assert _due(evaluation, "release-arrangements-confirmed") == {
        datetime(2026, 10, 23, 23, 59, 59, tzinfo=BST)
    }


def test_pathway_plan_review_is_due_a_month_before_release() -> None:
    time = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)
    data = {
        **incident_data("custodial_sentence", time),
        **care_leaver_facts(),
        "release_date": "2027-03-31",
    }

    evaluation = _evaluate("release_date.set", data, time)

    # 31 March less a month is 28 February 2027 (clamped to the month's end).
    assert _due(evaluation, "release-pathway-plan-review") == {
        datetime(2027, 2, 28, 23, 59, 59, tzinfo=UTC)
    }


def test_local_policy_window_override_changes_the_deadline() -> None:
    catalogue = load_catalogue(overrides={"police-contact-looked-after": "PT1H"})
    time = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)

    evaluation = _evaluate("arrest.recorded", incident_data("arrest", time), time, catalogue)

    assert _due(evaluation, "police-contact-looked-after") == {
        datetime(2026, 6, 10, 11, 0, tzinfo=UTC)
    }


def test_working_day_override_counts_working_days() -> None:
    # Tightened from the file's 5 working days (a local window may only be shorter).
    catalogue = load_catalogue(overrides={"care-leaver-placed-out-of-area": {"working_days": 2}})
    start = date(2026, 6, 5)  # Friday
    data = placement_data(
        start,
        emergency=False,
        **care_leaver_facts(area_authority="E10000007", placed_out_of_area=True),
    )
    data.update(effective_date=start.isoformat())

    evaluation = _evaluate(
        "placement.started", data, datetime(2026, 6, 5, 9, 0, tzinfo=UTC), catalogue
    )

    assert _due(evaluation, "care-leaver-placed-out-of-area") == {
        datetime(2026, 6, 9, 23, 59, 59, tzinfo=BST)
    }


def test_area_yot_is_told_only_when_placed_out_of_area() -> None:
    time = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)
    at_home = {
        **incident_data("arrest", time),
        **facts(area_authority="E09000007", placed_out_of_area=False),
    }

    evaluation = _evaluate("arrest.recorded", at_home, time)

    recipients = {
        (p.org, p.role)
        for p in evaluation.notifications
        if p.rule.id == "police-contact-looked-after"
    }
    assert recipients == {("E09000007", "responsible_authority"), ("yot-E09000007", "home_yot")}


def test_aged_15_on_22_december_2026_is_certainly_18_on_22_december_2029() -> None:
    assert certainly_aged(15, date(2026, 12, 22), 18) == date(2029, 12, 22)


def test_aged_17_on_a_29_february_is_certainly_18_on_1_march_next_year() -> None:
    # Born by 29 February 2011 at the latest, i.e. by 28 February 2011; a 29 February
    # without its anniversary counts from 1 March, the later and so safer day.
    assert certainly_aged(17, date(2028, 2, 29), 18) == date(2029, 3, 1)


def test_already_of_age_is_certainly_so_on_the_day_of_the_facts() -> None:
    assert certainly_aged(19, date(2026, 12, 22), 18) <= date(2026, 12, 22)
