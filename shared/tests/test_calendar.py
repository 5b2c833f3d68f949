"""The working-day calendar against rules.md "Time", with boundary dates written out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from platform_shared.calendar import (
    LONDON,
    add_calendar_days,
    add_hours,
    add_months,
    add_working_days,
    before_day_deadline,
    calendar_days_deadline,
    end_of_day,
    is_bank_holiday,
    is_working_day,
    local_date,
    start_of_day,
    utc_now,
    working_days_before,
    working_days_before_deadline,
    working_days_deadline,
)


def test_rules_example_emergency_placement_due_thursday_31_december_2026() -> None:
    deadline = working_days_deadline(date(2026, 12, 22), 5)

    assert deadline == datetime(2026, 12, 31, 23, 59, 59, tzinfo=LONDON)
    assert deadline.tzinfo is LONDON
    assert deadline.astimezone(UTC) == datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)


def test_boxing_day_on_saturday_has_substitute_monday_28_december_2026() -> None:
    assert is_bank_holiday(date(2026, 12, 28))
    assert not is_working_day(date(2026, 12, 28))
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_christmas_2027_on_saturday_and_boxing_day_on_sunday_give_two_substitute_days() -> None:
    assert not is_working_day(date(2027, 12, 27))
    assert not is_working_day(date(2027, 12, 28))
    assert add_working_days(date(2027, 12, 24), 1) == date(2027, 12, 29)


def test_easter_2027_good_friday_and_easter_monday_are_skipped() -> None:
    assert not is_working_day(date(2027, 3, 26))
    assert not is_working_day(date(2027, 3, 29))
    # Thursday 25 March 2027 + 1 working day skips Fri 26, Sat 27, Sun 28, Mon 29.
    assert add_working_days(date(2027, 3, 25), 1) == date(2027, 3, 30)


def test_window_crossing_a_weekend() -> None:
    # Friday 5 June 2026 + 2 working days: Monday 8, Tuesday 9 June.
    assert add_working_days(date(2026, 6, 5), 2) == date(2026, 6, 9)
    assert working_days_deadline(date(2026, 6, 5), 2) == datetime(
        2026, 6, 9, 23, 59, 59, tzinfo=LONDON
    )


def test_window_counted_from_a_saturday_starts_on_monday() -> None:
    assert add_working_days(date(2026, 6, 6), 1) == date(2026, 6, 8)


def test_weekday_that_is_not_a_holiday_is_a_working_day() -> None:
    assert is_working_day(date(2026, 6, 10))
    assert not is_working_day(date(2026, 6, 13))
    assert not is_working_day(date(2026, 6, 14))


def test_zero_working_days_is_the_day_itself() -> None:
    assert add_working_days(date(2026, 12, 26), 0) == date(2026, 12, 26)


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 6, 10), -1)


def test_ten_working_days_after_detention() -> None:
    # Monday 21 December 2026: 22, 23, 24, 29, 30, 31 Dec, 4, 5, 6, 7 Jan.
    assert add_working_days(date(2026, 12, 21), 10) == date(2027, 1, 7)


def test_end_of_day_when_bst_starts_on_28_march_2027() -> None:
    deadline = end_of_day(date(2027, 3, 28))

    assert deadline.utcoffset() == timedelta(hours=1)
    assert deadline.astimezone(UTC) == datetime(2027, 3, 28, 22, 59, 59, tzinfo=UTC)


def test_end_of_day_when_gmt_resumes_on_25_october_2026() -> None:
    deadline = end_of_day(date(2026, 10, 25))

    assert deadline.utcoffset() == timedelta(0)
    assert deadline.astimezone(UTC) == datetime(2026, 10, 25, 23, 59, 59, tzinfo=UTC)


def test_start_of_day_in_summer_is_23_00_utc_the_day_before() -> None:
    assert start_of_day(date(2026, 7, 1)).astimezone(UTC) == datetime(
        2026, 6, 30, 23, 0, tzinfo=UTC
    )


def test_before_day_deadline_is_midnight_london_on_the_day() -> None:
    assert before_day_deadline(date(2026, 12, 1)) == datetime(2026, 12, 1, 0, 0, tzinfo=LONDON)
    assert before_day_deadline(date(2026, 12, 1)).astimezone(UTC) == datetime(
        2026, 12, 1, 0, 0, tzinfo=UTC
    )


def test_within_one_week_ends_on_the_seventh_day() -> None:
    assert calendar_days_deadline(date(2026, 12, 22), 7) == datetime(
        2026, 12, 29, 23, 59, 59, tzinfo=LONDON
    )


def test_calendar_days_before_a_day() -> None:
    assert add_calendar_days(date(2027, 1, 5), -10) == date(2026, 12, 26)


def test_hours_across_midnight() -> None:
    detained = datetime(2026, 11, 3, 23, 15, tzinfo=UTC)

    assert add_hours(detained, 2) == datetime(2026, 11, 4, 1, 15, tzinfo=UTC)


def test_hours_across_bst_start_are_elapsed_hours() -> None:
    detained = datetime(2027, 3, 28, 0, 30, tzinfo=UTC)

    due = add_hours(detained, 2)

    assert due == datetime(2027, 3, 28, 2, 30, tzinfo=UTC)
    london = due.astimezone(LONDON)
    assert (london.hour, london.minute) == (3, 30)
    assert london.utcoffset() == timedelta(hours=1)


def test_hours_from_a_london_time_across_bst_start_keep_the_zone() -> None:
    # 00:30 GMT on 28 March 2027; the clocks go from 01:00 to 02:00 in between.
    detained = datetime(2027, 3, 28, 0, 30, tzinfo=LONDON)

    due = add_hours(detained, 2)

    assert due.tzinfo is LONDON
    assert (due.hour, due.minute) == (3, 30)
    assert due.astimezone(UTC) == datetime(2027, 3, 28, 2, 30, tzinfo=UTC)


def test_hours_across_gmt_return_are_elapsed_hours() -> None:
    # 00:30 BST on 25 October 2026 is 23:30 UTC the day before.
    detained = datetime(2026, 10, 24, 23, 30, tzinfo=UTC)

    due = add_hours(detained, 24)

    assert due == datetime(2026, 10, 25, 23, 30, tzinfo=UTC)
    assert due.astimezone(LONDON).hour == 23


def test_add_hours_refuses_naive_datetime() -> None:
    with pytest.raises(ValueError):
        add_hours(datetime(2026, 6, 1, 12, 0), 1)


def test_local_date_late_evening_in_summer_is_the_same_day() -> None:
    assert local_date(datetime(2026, 6, 30, 22, 30, tzinfo=UTC)) == date(2026, 6, 30)


def test_local_date_just_before_midnight_utc_in_summer_is_the_next_day() -> None:
    assert local_date(datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == date(2026, 7, 1)


def test_local_date_in_winter_follows_utc() -> None:
    assert local_date(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == date(2026, 12, 31)


def test_local_date_of_another_offset() -> None:
    new_york_evening = datetime(2026, 6, 30, 20, 0, tzinfo=timezone(timedelta(hours=-4)))

    assert local_date(new_york_evening) == date(2026, 7, 1)


def test_local_date_refuses_naive_datetime() -> None:
    with pytest.raises(ValueError):
        local_date(datetime(2026, 6, 30, 22, 30))


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)


def test_add_months_every_three_months_across_a_year_end() -> None:
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_one_month_before_release() -> None:
    assert add_months(date(2027, 3, 31), -1) == date(2027, 2, 28)
    assert add_months(date(2027, 1, 15), -1) == date(2026, 12, 15)


def test_utc_now_is_aware_utc() -> None:
    now = utc_now()

    assert now.utcoffset() == timedelta(0)


def test_one_working_day_before_a_release_after_christmas_2026_is_24_december() -> None:
    # rules.md Revision 2, release-day collection: Tue 29 Dec 2026; 28 and 25 Dec are
    # bank holidays, 26-27 a weekend.
    assert working_days_before(date(2026, 12, 29), 1) == date(2026, 12, 24)
    assert working_days_before_deadline(date(2026, 12, 29), 1) == datetime(
        2026, 12, 24, 23, 59, 59, tzinfo=UTC
    )


def test_working_days_before_skip_the_weekend_and_new_year() -> None:
    # Tue 5 Jan 2027: Mon 4 (1), Thu 31 Dec 2026 (2: 1 Jan is a bank holiday).
    assert working_days_before(date(2027, 1, 5), 2) == date(2026, 12, 31)


def test_negative_working_days_before_are_refused() -> None:
    with pytest.raises(ValueError):
        working_days_before(date(2026, 12, 29), -1)
