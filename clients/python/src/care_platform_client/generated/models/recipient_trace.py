from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition_trace import ConditionTrace


T = TypeVar("T", bound="RecipientTrace")


@_attrs_define
class RecipientTrace:
    """How a recipient's organisation was found.

    Attributes:
        role (str):
        org (None | str):
        from_fact (None | str): The fact the organisation was read from
        fact_value (None | str):
        how (str):
        when (list[ConditionTrace] | Unset):
    """

    role: str
    org: None | str
    from_fact: None | str
    fact_value: None | str
    how: str
    when: list[ConditionTrace] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        org: None | str
        org = self.org

        from_fact: None | str
        from_fact = self.from_fact

        fact_value: None | str
        fact_value = self.fact_value

        how = self.how

        when: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.when, Unset):
            when = []
            for when_item_data in self.when:
                when_item = when_item_data.to_dict()
                when.append(when_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "org": org,
                "from_fact": from_fact,
                "fact_value": fact_value,
                "how": how,
            }
        )
        if when is not UNSET:
            field_dict["when"] = when

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.condition_trace import ConditionTrace

        d = dict(src_dict)
        role = d.pop("role")

        def _parse_org(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        org = _parse_org(d.pop("org"))

        def _parse_from_fact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_fact = _parse_from_fact(d.pop("from_fact"))

        def _parse_fact_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fact_value = _parse_fact_value(d.pop("fact_value"))

        how = d.pop("how")

        _when = d.pop("when", UNSET)
        when: list[ConditionTrace] | Unset = UNSET
        if _when is not UNSET:
            when = []
            for when_item_data in _when:
                when_item = ConditionTrace.from_dict(when_item_data)

                when.append(when_item)

        recipient_trace = cls(
            role=role,
            org=org,
            from_fact=from_fact,
            fact_value=fact_value,
            how=how,
            when=when,
        )

        recipient_trace.additional_properties = d
        return recipient_trace

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
