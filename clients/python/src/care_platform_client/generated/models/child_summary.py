from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChildSummary")


@_attrs_define
class ChildSummary:
    """
    Attributes:
        id (UUID):
        person_ref (str):
        given_name (str):
        family_name (str):
        date_of_birth (datetime.date):
        local_reference (None | str):
        version (int):
        created_at (datetime.datetime):
    """

    id: UUID
    person_ref: str
    given_name: str
    family_name: str
    date_of_birth: datetime.date
    local_reference: None | str
    version: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_ref = self.person_ref

        given_name = self.given_name

        family_name = self.family_name

        date_of_birth = self.date_of_birth.isoformat()

        local_reference: None | str
        local_reference = self.local_reference

        version = self.version

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_ref": person_ref,
                "given_name": given_name,
                "family_name": family_name,
                "date_of_birth": date_of_birth,
                "local_reference": local_reference,
                "version": version,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_ref = d.pop("person_ref")

        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        date_of_birth = datetime.date.fromisoformat(d.pop("date_of_birth"))

        def _parse_local_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        local_reference = _parse_local_reference(d.pop("local_reference"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        child_summary = cls(
            id=id,
            person_ref=person_ref,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            local_reference=local_reference,
            version=version,
            created_at=created_at,
        )

        child_summary.additional_properties = d
        return child_summary

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
