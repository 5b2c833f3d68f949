"""Conditions of a rule on an event's data: pure functions, no I/O.

A condition maps a field of the event's `data` to what it must be:

- a scalar (`true`, `"looked_after"`): the field equals it, type included
  (`true` never matches `1`);
- a list: the field equals one of its items;
- `{present: true}` / `{present: false}`: the field is (or is not) given and not null.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

Scalar = bool | int | str


class Presence(BaseModel):
    """`{present: true}`: the field is given and not null."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    present: bool


ConditionValue = Scalar | list[Scalar] | Presence
Conditions = dict[str, ConditionValue]


def _equal(actual: Any, expected: Scalar) -> bool:
    return type(actual) is type(expected) and actual == expected


def condition_holds(actual: Any, expected: ConditionValue) -> bool:
    """Whether one field's value satisfies one condition."""
    if isinstance(expected, Presence):
        return (actual is not None) is expected.present
    if isinstance(expected, list):
        return any(_equal(actual, item) for item in expected)
    return _equal(actual, expected)


def conditions_hold(conditions: Mapping[str, ConditionValue], data: Mapping[str, Any]) -> bool:
    """Whether every condition holds on `data` (an empty set of conditions always holds)."""
    return all(condition_holds(data.get(field), value) for field, value in conditions.items())


def missing_fields(conditions: Mapping[str, ConditionValue], data: Mapping[str, Any]) -> list[str]:
    """The fields the conditions read that `data` does not carry at all.

    A field given as null is carried (null is a value the facts block allows); a field
    absent from the data means the event lacks what the rule needs.
    """
    return [
        field
        for field, value in conditions.items()
        if field not in data and not (isinstance(value, Presence) and not value.present)
    ]


def fields_of(conditions: Iterable[Mapping[str, ConditionValue]]) -> set[str]:
    """Every field read by some of the given condition sets."""
    return {field for conditions_ in conditions for field in conditions_}
