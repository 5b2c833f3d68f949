from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.recurrence import Recurrence


T = TypeVar("T", bound="RuleInForceAuthorityRecurrences")


@_attrs_define
class RuleInForceAuthorityRecurrences:
    """Responsible authority code -> the recurrence where that authority set its own (shorter) local policy interval;
    absent authorities use `recurrence`

    """

    additional_properties: dict[str, Recurrence] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recurrence import Recurrence

        d = dict(src_dict)
        rule_in_force_authority_recurrences = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = Recurrence.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        rule_in_force_authority_recurrences.additional_properties = (
            additional_properties
        )
        return rule_in_force_authority_recurrences

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Recurrence:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Recurrence) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
