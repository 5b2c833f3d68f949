from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.condition_trace import ConditionTrace


T = TypeVar("T", bound="WithheldTrace")


@_attrs_define
class WithheldTrace:
    """Why nothing is sent: the rule that withheld it and the fact it read.

    Attributes:
        rule (str):
        reason (str):
        facts (list[ConditionTrace]):
    """

    rule: str
    reason: str
    facts: list[ConditionTrace]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        reason = self.reason

        facts = []
        for facts_item_data in self.facts:
            facts_item = facts_item_data.to_dict()
            facts.append(facts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "reason": reason,
                "facts": facts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.condition_trace import ConditionTrace

        d = dict(src_dict)
        rule = d.pop("rule")

        reason = d.pop("reason")

        facts = []
        _facts = d.pop("facts")
        for facts_item_data in _facts:
            facts_item = ConditionTrace.from_dict(facts_item_data)

            facts.append(facts_item)

        withheld_trace = cls(
            rule=rule,
            reason=reason,
            facts=facts,
        )

        withheld_trace.additional_properties = d
        return withheld_trace

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
