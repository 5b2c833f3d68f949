"""The data an event carries: the status facts block and the event-specific fields.

The contract is `platform_shared.contracts` (docs/events.md): every event about a person
carries the facts block (`StatusFacts`), read as of the event's effective date, and the
rules read only these fields and the event-specific ones (`EventDetails`). A malformed
value is refused naming `data.<field>`.
"""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ValidationError

from platform_shared.contracts.events import EventDetails
from platform_shared.contracts.facts import StatusFacts
from platform_shared.problems import FieldIssue

_MODELS: tuple[type[BaseModel], ...] = (StatusFacts, EventDetails)


def _types_of(annotation: Any) -> set[type]:
    """The plain types an annotation admits (through Optional, unions and Annotated)."""
    if annotation is AwareDatetime:
        return {datetime}
    if isinstance(annotation, type):
        return {annotation}
    found: set[type] = set()
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _types_of(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        for argument in typing.get_args(annotation):
            found |= _types_of(argument)
    return found


def _fields_of_type(kind: type, *, exclude: type | None = None) -> frozenset[str]:
    return frozenset(
        name
        for model in _MODELS
        for name, info in model.model_fields.items()
        if any(
            issubclass(t, kind) and not (exclude and issubclass(t, exclude))
            for t in _types_of(info.annotation)
        )
    )


#: Fields whose value is an instant, and so may anchor a window in hours (`time` is the
#: event's own time, not a data field).
INSTANT_FIELDS: frozenset[str] = frozenset({"time"}) | _fields_of_type(datetime)
#: Fields whose value is a date.
DATE_FIELDS: frozenset[str] = _fields_of_type(date, exclude=datetime)
#: Every field a rule may name.
KNOWN_FIELDS: frozenset[str] = frozenset(StatusFacts.model_fields) | frozenset(
    EventDetails.model_fields
)
#: Fields holding organisation codes, checked against the reference directory.
ORGANISATION_FIELDS: tuple[str, ...] = (
    "responsible_authority",
    "area_authority",
    "recorded_by",
    "provider",
)
#: The subject every notification carries: the minimum a recipient needs.
BASE_SUBJECT_FIELDS: tuple[str, ...] = (
    "person_ref",
    "status",
    "care_leaver_category",
    "age_band",
    "responsible_authority",
    "area_authority",
    "placed_out_of_area",
)
assert set(ORGANISATION_FIELDS) <= KNOWN_FIELDS and set(BASE_SUBJECT_FIELDS) <= KNOWN_FIELDS


def parse_event_data(data: dict[str, Any]) -> tuple[dict[str, Any], list[FieldIssue]]:
    """The data with every known field parsed to its type, or the reasons it is refused.

    Issues name the field as `data.<field>`, as docs/events.md names it.
    """
    issues: list[FieldIssue] = []
    typed: dict[str, Any] = dict(data)
    for model in _MODELS:
        try:
            parsed = model.model_validate(data)
        except ValidationError as error:
            for detail in error.errors():
                location = ".".join(str(part) for part in detail["loc"])
                issues.append(FieldIssue(f"data.{location}", str(detail["msg"])))
            continue
        typed.update({name: getattr(parsed, name) for name in model.model_fields if name in data})
    return typed, issues
