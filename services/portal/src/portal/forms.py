"""What the record forms share, without HTTP: reading GOV.UK inputs, and problems as messages.

A form is read into an API body and a list of field problems; a form with any problem is
not sent, so nothing is half-saved. A problem the API finds (RFC 9457, `errors` naming
`body.<field>`) is shown the same way: each API field is mapped to the form's field id
(the error summary links to it) and its label (the message names it, as GOV.UK asks).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from portal.apis import ApiError, FieldProblem
from portal.web import LONDON, ErrorSummary

_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
#: An API reason starting so reads on from the field's label ("Start date is before...").
_PREDICATES = frozenset(
    {"is", "are", "must", "cannot", "may", "overlaps", "needs", "has", "was", "should"}
)


@dataclass(frozen=True)
class FormField:
    """A form's field: the id the error summary links to, and its label in messages."""

    id: str
    label: str


@dataclass
class Reading:
    """A form read into an API body; `problems` non-empty means nothing is sent."""

    body: dict[str, Any] = field(default_factory=dict)
    problems: list[FieldProblem] = field(default_factory=list)

    def problem(self, field_id: str, message: str) -> None:
        self.problems.append(FieldProblem(field_id, message))

    @property
    def summary(self) -> ErrorSummary:
        return ErrorSummary("There is a problem", self.problems)


def cleaned(form: Mapping[str, Any], verbatim: frozenset[str] = frozenset()) -> dict[str, str]:
    """The posted fields as stripped strings (the CSRF token left out); the `verbatim`
    fields are kept as typed (someone's own words), blank ones as empty."""
    values: dict[str, str] = {}
    for name, value in form.items():
        if name == "csrf_token":
            continue
        text = str(value)
        values[name] = text if name in verbatim and text.strip() else text.strip()
    return values


def idempotency_key(form: Mapping[str, str]) -> str:
    """The key rendered into the form: a second press of the button creates nothing new."""
    key = form.get("idempotency-key", "")
    return key if 0 < len(key) <= 200 else str(uuid.uuid4())


def new_form(**values: str) -> dict[str, str]:
    """A blank form's values, with its own Idempotency-Key."""
    return {"idempotency-key": str(uuid.uuid4()), **values}


def read_date(
    form: Mapping[str, str], prefix: str, label: str, reading: Reading, *, required: bool
) -> date | None:
    """A GOV.UK date input (`<prefix>-day`, `-month`, `-year`) as a date.

    A missing required date, a part missing or a date that does not exist is a problem on
    `<prefix>-day`, worded as the Design System's date input asks.
    """
    day, month, year = (form.get(f"{prefix}-{part}", "") for part in ("day", "month", "year"))
    target = f"{prefix}-day"
    if not (day or month or year):
        if required:
            reading.problem(target, f"Enter the {label.lower()}")
        return None
    if not (day and month and year):
        reading.problem(target, f"{label} must include a day, month and year")
        return None
    if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
        reading.problem(target, f"{label} must be a real date")
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        reading.problem(target, f"{label} must be a real date")
        return None


def read_instant(
    form: Mapping[str, str], prefix: str, label: str, reading: Reading, *, required: bool
) -> datetime | None:
    """A date input and a `<prefix>-time` field (HH:MM, UK time) as an instant."""
    time_text = form.get(f"{prefix}-time", "")
    before = len(reading.problems)
    day = read_date(form, prefix, label, reading, required=required or bool(time_text))
    if len(reading.problems) > before or day is None:
        return None
    match = _TIME.match(time_text)
    if not time_text:
        reading.problem(f"{prefix}-time", f"Enter the time of the {label.lower()}")
        return None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        reading.problem(f"{prefix}-time", f"Time of the {label.lower()} must be like 14:30")
        return None
    return datetime(day.year, day.month, day.day, int(match[1]), int(match[2]), tzinfo=LONDON)


def read_choice(
    form: Mapping[str, str],
    name: str,
    choices: Mapping[str, str],
    reading: Reading,
    *,
    missing: str | None,
    field_id: str | None = None,
) -> str | None:
    """One of `choices` (radios or a select), or None; `missing` is the message when none
    is chosen and one must be. Problems link to `field_id` (radios: the first radio)."""
    value = form.get(name, "")
    if value in choices:
        return value
    target = field_id or f"{name}-{next(iter(choices))}"
    if value:
        reading.problem(target, "Select one of the options")
    elif missing:
        reading.problem(target, missing)
    return None


def read_text(
    form: Mapping[str, str], name: str, label: str, reading: Reading, *, limit: int
) -> str | None:
    """Free text as it was written (the API keeps it verbatim), or None when empty."""
    value = form.get(name, "")
    if len(value) > limit:
        reading.problem(name, f"{label} must be {limit:,} characters or fewer")
        return None
    return value or None


def problem_summary(error: ApiError, fields: Mapping[str, FormField]) -> ErrorSummary:
    """The API's problem document as the error summary, each message naming its field."""
    items: list[FieldProblem] = []
    for problem in error.fields:
        api_field = problem.field.removeprefix("body.")
        known = fields.get(api_field) or fields.get(api_field.split(".")[0])
        reason = problem.reason.strip() or "is not valid"
        if known is None:
            items.append(FieldProblem("", _sentence(f"{api_field.replace('_', ' ')}: {reason}")))
        elif reason.split(" ", 1)[0] in _PREDICATES:
            items.append(FieldProblem(known.id, f"{known.label} {reason}"))
        else:
            items.append(FieldProblem(known.id, f"{known.label}: {reason[:1].lower()}{reason[1:]}"))
    if not items:
        items.append(FieldProblem("", _sentence(str(error.detail or error.title))))
    return ErrorSummary("There is a problem", items)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else "The request was refused"
