"""The working-day calendar of England and Wales, on Europe/London time.

Implements rules.md "Time":

- a working day is Monday to Friday except England and Wales bank holidays,
  substitute days included, taken from the `holidays` package (never a
  hand-kept list);
- a window of N working days after a day D ends at 23:59:59 Europe/London on
  the Nth working day after D (D itself does not count);
- "within one week" is 7 calendar days, to 23:59:59 on the 7th day;
- "before the placement is made" is due at 00:00 Europe/London on the start date;
- hours are exact instants from the event's time.

Every function is pure apart from `utc_now`. Deadlines are aware datetimes;
compare them with any other aware datetime regardless of its zone.
"""

from __future__ import annotations

import calendar as _gregorian
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

__all__ = [
    "LONDON",
    "add_calendar_days",
    "add_hours",
    "add_months",
    "add_working_days",
    "bank_holiday_name",
    "before_day_deadline",
    "calendar_days_deadline",
    "end_of_day",
    "is_bank_holiday",
    "is_working_day",
    "local_date",
    "start_of_day",
    "utc_now",
    "working_days_before",
    "working_days_before_deadline",
    "working_days_deadline",
]

#: The zone every day-based window is measured in (rules.md "Time").
LONDON = ZoneInfo("Europe/London")

_END_OF_DAY = time(23, 59, 59)
_SATURDAY = 5


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    """England and Wales bank holidays of one year, substitute days included."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: date) -> bool:
    """Whether `day` is an England and Wales bank holiday (or a substitute day for one)."""
    return day in _bank_holidays(day.year)


def bank_holiday_name(day: date) -> str | None:
    """The name of the England and Wales bank holiday on `day` ("Boxing Day (observed)")."""
    name = holidays.country_holidays("GB", subdiv="ENG", years=day.year).get(day)
    return str(name) if name else None


def is_working_day(day: date) -> bool:
    """Monday to Friday, except England and Wales bank holidays (rules.md "Time")."""
    return day.weekday() < _SATURDAY and not is_bank_holiday(day)


def add_working_days(day: date, n: int) -> date:
    """The `n`th working day after `day`; `day` itself does not count (rules.md "Time").

    `n == 0` returns `day` unchanged, whether or not it is a working day.
    """
    if n < 0:
        raise ValueError(f"n must be zero or more, not {n}")
    current = day
    remaining = n
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_before(day: date, n: int) -> date:
    """The `n`th working day before `day`; `day` itself does not count.

    A release on Tuesday 29 December 2026 is 1 working day after Thursday 24 December
    (25 and 28 December are bank holidays, 26-27 a weekend): that is the day before it.
    """
    if n < 0:
        raise ValueError(f"n must be zero or more, not {n}")
    current = day
    remaining = n
    while remaining:
        current -= timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def add_calendar_days(day: date, n: int) -> date:
    """The day `n` calendar days after `day` (before it when `n` is negative)."""
    return day + timedelta(days=n)


def add_months(day: date, n: int) -> date:
    """The same day of the month `n` months later (earlier when negative), clamped to month end.

    For "1 month before release" and "every 3 months" (rules.md, custody duties):
    31 January plus one month is 28 (or 29) February.
    """
    months = day.year * 12 + (day.month - 1) + n
    year, month_index = divmod(months, 12)
    month = month_index + 1
    last = _gregorian.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def start_of_day(day: date) -> datetime:
    """00:00 Europe/London on `day`, aware.

    London changes its clocks at 01:00 UTC, so local midnight always exists once.
    """
    return datetime.combine(day, time.min, tzinfo=LONDON)


def end_of_day(day: date) -> datetime:
    """23:59:59 Europe/London on `day`, aware: where a window in days ends (rules.md "Time")."""
    return datetime.combine(day, _END_OF_DAY, tzinfo=LONDON)


def _require_aware(instant: datetime) -> None:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("a naive datetime has no instant; give it a time zone")


def local_date(instant: datetime) -> date:
    """The Europe/London calendar date of an aware instant; a naive one raises ValueError."""
    _require_aware(instant)
    return instant.astimezone(LONDON).date()


def add_hours(instant: datetime, hours: float) -> datetime:
    """The instant exactly `hours` elapsed hours after `instant` (rules.md "Time").

    The sum is taken in UTC, so a clock change in between neither adds nor removes
    an hour; the answer is given in the zone of `instant`. A naive instant raises
    ValueError.
    """
    _require_aware(instant)
    moved = instant.astimezone(UTC) + timedelta(hours=hours)
    return moved.astimezone(instant.tzinfo)


def working_days_deadline(day: date, n: int) -> datetime:
    """End of the `n`th working day after `day` (rules.md "Time").

    An emergency placement starting Tuesday 22 December 2026 with a 5 working day
    window is due by Thursday 31 December 2026 23:59:59 Europe/London.
    """
    return end_of_day(add_working_days(day, n))


def working_days_before_deadline(day: date, n: int) -> datetime:
    """End of the `n`th working day before `day` (as "N days before" ends on that day)."""
    return end_of_day(working_days_before(day, n))


def calendar_days_deadline(day: date, n: int) -> datetime:
    """End of the `n`th calendar day after `day` (rules.md "Time": "within one week" is n=7).

    A negative `n` gives the end of a day before `day`.
    """
    return end_of_day(add_calendar_days(day, n))


def before_day_deadline(day: date) -> datetime:
    """Due "before" `day`: 00:00 Europe/London on it (rules.md "Time")."""
    return start_of_day(day)


def utc_now() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)
