from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConditionTrace")


@_attrs_define
class ConditionTrace:
    """One condition of a rule: the fact it read, its value, what it had to be.

    Attributes:
        fact (str):
        value (Any): The value the event carried (null: absent or null)
        expected (Any): What the condition asks: a value, a list, {present}
        held (bool):
    """

    fact: str
    value: Any
    expected: Any
    held: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fact = self.fact

        value = self.value

        expected = self.expected

        held = self.held

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fact": fact,
                "value": value,
                "expected": expected,
                "held": held,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        fact = d.pop("fact")

        value = d.pop("value")

        expected = d.pop("expected")

        held = d.pop("held")

        condition_trace = cls(
            fact=fact,
            value=value,
            expected=expected,
            held=held,
        )

        condition_trace.additional_properties = d
        return condition_trace

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
