from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recurrence_step import RecurrenceStep


T = TypeVar("T", bound="Recurrence")


@_attrs_define
class Recurrence:
    """A duty that comes round again until one of `until_events` arrives for the person.

    Attributes:
        anchor (list[str]):
        first_after_days (int):
        steps (list[RecurrenceStep]):
        until_events (list[str]):
        until_age (int | None | Unset):
    """

    anchor: list[str]
    first_after_days: int
    steps: list[RecurrenceStep]
    until_events: list[str]
    until_age: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        anchor = self.anchor

        first_after_days = self.first_after_days

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        until_events = self.until_events

        until_age: int | None | Unset
        if isinstance(self.until_age, Unset):
            until_age = UNSET
        else:
            until_age = self.until_age

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "anchor": anchor,
                "first_after_days": first_after_days,
                "steps": steps,
                "until_events": until_events,
            }
        )
        if until_age is not UNSET:
            field_dict["until_age"] = until_age

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recurrence_step import RecurrenceStep

        d = dict(src_dict)
        anchor = cast(list[str], d.pop("anchor"))

        first_after_days = d.pop("first_after_days")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = RecurrenceStep.from_dict(steps_item_data)

            steps.append(steps_item)

        until_events = cast(list[str], d.pop("until_events"))

        def _parse_until_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        until_age = _parse_until_age(d.pop("until_age", UNSET))

        recurrence = cls(
            anchor=anchor,
            first_after_days=first_after_days,
            steps=steps,
            until_events=until_events,
            until_age=until_age,
        )

        return recurrence
