from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PersonalAdviserOut")


@_attrs_define
class PersonalAdviserOut:
    """
    Attributes:
        name (str):
        contact_route (str):
        appointed_on (datetime.date | None):
        version (int):
        updated_at (datetime.datetime):
    """

    name: str
    contact_route: str
    appointed_on: datetime.date | None
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        contact_route = self.contact_route

        appointed_on: None | str
        if isinstance(self.appointed_on, datetime.date):
            appointed_on = self.appointed_on.isoformat()
        else:
            appointed_on = self.appointed_on

        version = self.version

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "contact_route": contact_route,
                "appointed_on": appointed_on,
                "version": version,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        contact_route = d.pop("contact_route")

        def _parse_appointed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appointed_on_type_0 = datetime.date.fromisoformat(data)

                return appointed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        appointed_on = _parse_appointed_on(d.pop("appointed_on"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        personal_adviser_out = cls(
            name=name,
            contact_route=contact_route,
            appointed_on=appointed_on,
            version=version,
            updated_at=updated_at,
        )

        personal_adviser_out.additional_properties = d
        return personal_adviser_out

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
