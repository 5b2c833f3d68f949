from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.window_direction import WindowDirection
from ..models.window_unit import WindowUnit
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.window_when import WindowWhen


T = TypeVar("T", bound="Window")


@_attrs_define
class Window:
    """A deadline: `amount` `unit`s `direction` the first anchor field the event carries.

    Attributes:
        anchor (list[str]):
        direction (WindowDirection): Whether a deadline window runs after or before its anchor.
        unit (WindowUnit): What a deadline window counts (`start_of_day`: 00:00 London on the anchor day).
        when (WindowWhen | Unset):
        amount (int | Unset):  Default: 0.
        local_policy (bool | Unset):  Default: False.
    """

    anchor: list[str]
    direction: WindowDirection
    unit: WindowUnit
    when: WindowWhen | Unset = UNSET
    amount: int | Unset = 0
    local_policy: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        anchor = self.anchor

        direction = self.direction.value

        unit = self.unit.value

        when: dict[str, Any] | Unset = UNSET
        if not isinstance(self.when, Unset):
            when = self.when.to_dict()

        amount = self.amount

        local_policy = self.local_policy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "anchor": anchor,
                "direction": direction,
                "unit": unit,
            }
        )
        if when is not UNSET:
            field_dict["when"] = when
        if amount is not UNSET:
            field_dict["amount"] = amount
        if local_policy is not UNSET:
            field_dict["local_policy"] = local_policy

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.window_when import WindowWhen

        d = dict(src_dict)
        anchor = cast(list[str], d.pop("anchor"))

        direction = WindowDirection(d.pop("direction"))

        unit = WindowUnit(d.pop("unit"))

        _when = d.pop("when", UNSET)
        when: WindowWhen | Unset
        if isinstance(_when, Unset):
            when = UNSET
        else:
            when = WindowWhen.from_dict(_when)

        amount = d.pop("amount", UNSET)

        local_policy = d.pop("local_policy", UNSET)

        window = cls(
            anchor=anchor,
            direction=direction,
            unit=unit,
            when=when,
            amount=amount,
            local_policy=local_policy,
        )

        return window
