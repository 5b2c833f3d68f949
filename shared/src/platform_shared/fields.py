"""Field types for request models: dates and instants as ISO 8601 text, never numbers,
and within the range every part of the platform handles (docs/decisions.md D22).

pydantic's lax mode would read `0`, `"0"` or `1.5` as a Unix time (1970-01-01 in UTC); the
design asks for strict types at the edge, so a date or instant not written as one is
refused with 422 like any other invalid field.

A date or instant is also bounded: 0001-01-01 and 9999-12-31 are valid ISO 8601 dates, but
the rules add working days and hours to them (past year 9999 is an `OverflowError`, a
500), and an event carrying one was refused by notify-api on every retry. Anything a
request may hold lies in `EARLIEST_DATE`..`LATEST_DATE`, wide enough for any child's
record and its deadlines, so nothing accepted is refused further on.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field

from platform_shared.calendar import start_of_day

_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")

#: The first and last dates a request may hold (inclusive).
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)
#: The first and last instants a request may hold (inclusive, any offset). In winter
#: Europe/London is UTC, so an instant's local date is also within the dates.
EARLIEST_INSTANT = datetime(1900, 1, 1, tzinfo=UTC)
LATEST_INSTANT = datetime(2199, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
#: The largest integer both databases store (a 64-bit signed integer, BIGINT).
LARGEST_STORED_INTEGER = 2**63 - 1
#: The largest value of an INTEGER column (32 bits on PostgreSQL; SQLite stores 64).
LARGEST_INTEGER_COLUMN = 2**31 - 1


def _written_as_text(value: object) -> object:
    if isinstance(value, bool | int | float) or (
        isinstance(value, str) and _NUMBER.fullmatch(value)
    ):
        raise ValueError("must be ISO 8601 text (2026-06-10, 2026-06-10T14:00:00+01:00)")
    return value


def _date_within_range(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"must be from {EARLIEST_DATE} to {LATEST_DATE}")
    return value


def _instant_within_range(value: datetime) -> datetime:
    if not EARLIEST_INSTANT <= value <= LATEST_INSTANT:
        raise ValueError("must be from 1900-01-01T00:00:00Z to 2199-12-31T23:59:59Z")
    return value


#: The range in the OpenAPI document (`formatMinimum`/`formatMaximum`, as JSON Schema
#: validators that check formats name them).
_DATE_RANGE = {"formatMinimum": EARLIEST_DATE.isoformat(), "formatMaximum": LATEST_DATE.isoformat()}
_INSTANT_RANGE = {"formatMinimum": "1900-01-01T00:00:00Z", "formatMaximum": "2199-12-31T23:59:59Z"}

#: A date in a request: ISO 8601 text only (`2026-12-22`), 1900-01-01..2199-12-31.
IsoDate = Annotated[
    date,
    BeforeValidator(_written_as_text),
    AfterValidator(_date_within_range),
    Field(json_schema_extra=_DATE_RANGE),
]
#: An instant in a request: ISO 8601 text with an offset only, in 1900..2199 (UTC).
IsoInstant = Annotated[
    AwareDatetime,
    BeforeValidator(_written_as_text),
    AfterValidator(_instant_within_range),
    Field(json_schema_extra=_INSTANT_RANGE),
]


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")

#: The convention of every query parameter that is a point in time (docs/api-changes.md): an instant with an offset, or a day, meaning 00:00
#: Europe/London on it. The end of a period [from, to) given as a day is the end of that
#: day, so a period of days reads the same on every operation (`to=2027-03-31` includes
#: 31 March, as the monitoring report's `to` does).
QUERY_INSTANT_DESCRIPTION = (
    "An ISO 8601 instant with an offset (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): "
    "00:00 Europe/London on it"
)
QUERY_PERIOD_END_DESCRIPTION = (
    "An ISO 8601 instant with an offset, excluded; or a day, included (the period ends at "
    "00:00 Europe/London on the next day)"
)


def _day_as_london_midnight(value: object, *, next_day: bool = False) -> object:
    value = _written_as_text(value)
    if isinstance(value, str) and _DATE_ONLY.fullmatch(value.strip()):
        day = _date_within_range(date.fromisoformat(value.strip()))
        if next_day:
            return LATEST_INSTANT if day == LATEST_DATE else start_of_day(day + timedelta(1))
        return start_of_day(day)
    return value


def _day_as_next_london_midnight(value: object) -> object:
    return _day_as_london_midnight(value, next_day=True)


#: A query parameter that is a point in time: an instant, or a day (00:00 London on it).
QueryInstant = Annotated[
    AwareDatetime,
    BeforeValidator(_day_as_london_midnight),
    AfterValidator(_instant_within_range),
    Field(json_schema_extra=_INSTANT_RANGE, description=QUERY_INSTANT_DESCRIPTION),
]
#: The exclusive end of a period: an instant, or a day that the period includes.
QueryPeriodEnd = Annotated[
    AwareDatetime,
    BeforeValidator(_day_as_next_london_midnight),
    AfterValidator(_instant_within_range),
    Field(json_schema_extra=_INSTANT_RANGE, description=QUERY_PERIOD_END_DESCRIPTION),
]
