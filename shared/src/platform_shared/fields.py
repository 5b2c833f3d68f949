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
from datetime import UTC, date, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field

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
