from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition_trace import ConditionTrace


T = TypeVar("T", bound="RuleTrace")


@_attrs_define
class RuleTrace:
    """One rule the event met: matched or not, and why.

    Attributes:
        rule (str):
        title (str):
        basis (str):
        citation (str):
        matched (bool):
        why (str):
        conditions (list[ConditionTrace] | Unset):
        unless (list[ConditionTrace] | Unset):
    """

    rule: str
    title: str
    basis: str
    citation: str
    matched: bool
    why: str
    conditions: list[ConditionTrace] | Unset = UNSET
    unless: list[ConditionTrace] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        title = self.title

        basis = self.basis

        citation = self.citation

        matched = self.matched

        why = self.why

        conditions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = []
            for conditions_item_data in self.conditions:
                conditions_item = conditions_item_data.to_dict()
                conditions.append(conditions_item)

        unless: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unless, Unset):
            unless = []
            for unless_item_data in self.unless:
                unless_item = unless_item_data.to_dict()
                unless.append(unless_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "title": title,
                "basis": basis,
                "citation": citation,
                "matched": matched,
                "why": why,
            }
        )
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if unless is not UNSET:
            field_dict["unless"] = unless

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.condition_trace import ConditionTrace

        d = dict(src_dict)
        rule = d.pop("rule")

        title = d.pop("title")

        basis = d.pop("basis")

        citation = d.pop("citation")

        matched = d.pop("matched")

        why = d.pop("why")

        _conditions = d.pop("conditions", UNSET)
        conditions: list[ConditionTrace] | Unset = UNSET
        if _conditions is not UNSET:
            conditions = []
            for conditions_item_data in _conditions:
                conditions_item = ConditionTrace.from_dict(conditions_item_data)

                conditions.append(conditions_item)

        _unless = d.pop("unless", UNSET)
        unless: list[ConditionTrace] | Unset = UNSET
        if _unless is not UNSET:
            unless = []
            for unless_item_data in _unless:
                unless_item = ConditionTrace.from_dict(unless_item_data)

                unless.append(unless_item)

        rule_trace = cls(
            rule=rule,
            title=title,
            basis=basis,
            citation=citation,
            matched=matched,
            why=why,
            conditions=conditions,
            unless=unless,
        )

        rule_trace.additional_properties = d
        return rule_trace

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
