from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContinuouslyLookedAfterCohort")


@_attrs_define
class ContinuouslyLookedAfterCohort:
    """The children of `authority` looked after continuously for at least 12 months on
    `on`, aged `min_age` or over on `on` (national protocol 1.4 fn 2; SSDA903 OC2).

        Attributes:
            authority (str): GSS code of the responsible authority
            on (datetime.date):
            min_age (int):
            count (int): How many children are in the cohort
            person_refs (list[str]): Their person_refs, in order
    """

    authority: str
    on: datetime.date
    min_age: int
    count: int
    person_refs: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        authority = self.authority

        on = self.on.isoformat()

        min_age = self.min_age

        count = self.count

        person_refs = self.person_refs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authority": authority,
                "on": on,
                "min_age": min_age,
                "count": count,
                "person_refs": person_refs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        authority = d.pop("authority")

        on = datetime.date.fromisoformat(d.pop("on"))

        min_age = d.pop("min_age")

        count = d.pop("count")

        person_refs = cast(list[str], d.pop("person_refs"))

        continuously_looked_after_cohort = cls(
            authority=authority,
            on=on,
            min_age=min_age,
            count=count,
            person_refs=person_refs,
        )

        continuously_looked_after_cohort.additional_properties = d
        return continuously_looked_after_cohort

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
