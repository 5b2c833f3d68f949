"""Deadline arithmetic of the rules: from a window and its anchor to an instant.

Implements rules.md "Time" on the shared working-day calendar:

- N working days after a day D end at 23:59:59 Europe/London on the Nth working day
  after D (D does not count); N working days before D end at 23:59:59 on the Nth
  working day before D (a release-day collection agreed the working day before);
- N calendar days after (or before) D end at 23:59:59 on that day;
- N months before D end at 23:59:59 on the same day of the month N months earlier;
- "before" D (`start_of_day`) is 00:00 Europe/London on D;
- hours and minutes are exact instants from the anchor instant.

An instant anchor of a day-based window counts from its Europe/London date. Pure
functions: values in, values out.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from platform_shared.calendar import (
    add_hours,
    add_months,
    before_day_deadline,
    calendar_days_deadline,
    end_of_day,
    local_date,
    working_days_before_deadline,
    working_days_deadline,
)


class WindowUnit(StrEnum):
    """What a deadline window counts (`start_of_day`: 00:00 London on the anchor day)."""

    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    MONTHS = "months"
    HOURS = "hours"
    MINUTES = "minutes"
    START_OF_DAY = "start_of_day"


class WindowDirection(StrEnum):
    """Whether a deadline window runs after or before its anchor."""

    AFTER = "after"
    BEFORE = "before"


class RecurrenceUnit(StrEnum):
    """What a step of a recurring duty moves on by."""

    WEEKS = "weeks"
    MONTHS = "months"


#: A step of a recurrence: its unit, its amount and for how many months of the anchor
#: it applies (None: for ever).
RecurrenceStepTuple = tuple[RecurrenceUnit, int, int | None]

#: Units that count exact elapsed time, and so need an instant (not a date) as anchor.
ELAPSED_UNITS: frozenset[str] = frozenset({WindowUnit.HOURS, WindowUnit.MINUTES})


def due_at(
    unit: WindowUnit,
    amount: int,
    direction: WindowDirection,
    anchor: date | datetime,
) -> datetime:
    """The instant a window of `amount` `unit`s `direction` the anchor ends, in UTC.

    >>> due_at("working_days", 5, "after", date(2026, 12, 22)).isoformat()
    '2026-12-31T23:59:59+00:00'
    """
    if unit in ELAPSED_UNITS:
        if not isinstance(anchor, datetime):
            raise ValueError(f"a window in {unit} needs an instant as its anchor")
        hours = amount if unit == "hours" else amount / 60
        signed = hours if direction == "after" else -hours
        return add_hours(anchor, signed).astimezone(UTC)
    day = local_date(anchor) if isinstance(anchor, datetime) else anchor
    sign = 1 if direction == "after" else -1
    if unit == "working_days":
        if direction == "before":
            deadline = working_days_before_deadline(day, amount)
        else:
            deadline = working_days_deadline(day, amount)
    elif unit == "calendar_days":
        deadline = calendar_days_deadline(day, sign * amount)
    elif unit == "months":
        deadline = end_of_day(add_months(day, sign * amount))
    else:  # start_of_day: "before the placement is made"
        deadline = before_day_deadline(day)
    return deadline.astimezone(UTC)


def recurring_due_date(
    anchor: date,
    first_after_days: int,
    steps: list[RecurrenceStepTuple],
    occurrence: int,
) -> date:
    """The day the `occurrence`th recurring duty falls due (occurrence 1 is the first).

    The series starts `first_after_days` after the anchor (the first visit, a rule of its
    own) and moves on by the first step whose period (`for_months` after the anchor,
    None meaning for ever) still covers the current day: national protocol 8.5, visits
    "every 6 weeks in the first year, then every 3 months".
    """
    if occurrence < 1:
        raise ValueError("occurrences count from 1")
    day = anchor + timedelta(days=first_after_days)
    for _ in range(occurrence):
        day = _next_day(anchor, day, steps)
    return day


def next_after_visit(anchor: date, visited_on: date, steps: list[RecurrenceStepTuple]) -> date:
    """The day the visit after one made on `visited_on` falls due: the step in force on
    that day (national protocol 8.5, reg 28: "intervals of not more than six weeks")."""
    return _next_day(anchor, visited_on, steps)


def _next_day(
    anchor: date,
    day: date,
    steps: list[RecurrenceStepTuple],
) -> date:
    for unit, amount, for_months in steps:
        if for_months is None or day < add_months(anchor, for_months):
            return day + timedelta(weeks=amount) if unit == "weeks" else add_months(day, amount)
    raise ValueError("no recurrence step covers the day; the last step must have no end")


def certainly_aged(age: int, on: date, years: int) -> date:
    """The first day a person aged `age` on `on` is certainly `years` old (or older).

    The facts carry an age on a date, not a date of birth: aged `age` on `on`, the person
    was born after `on` minus `age + 1` years and no later than `on` minus `age` years, so
    they turn `years` between `on` plus `years - age - 1` years and a day (the earliest)
    and `on` plus `years - age` years (the latest). This is the latest: a duty that ends
    at that age is never dropped while the person may still be younger. A 29 February
    without its anniversary moves to 1 March (Family Law Reform Act 1969 s 9: an age is
    attained at the start of the anniversary). Already that old: `on` or earlier.

    >>> certainly_aged(15, date(2026, 12, 22), 18).isoformat()
    '2029-12-22'
    """
    year = on.year + years - age
    try:
        return on.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 3, 1)
