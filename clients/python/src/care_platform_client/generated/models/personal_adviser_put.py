from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonalAdviserPut")


@_attrs_define
class PersonalAdviserPut:
    """
    Attributes:
        name (str):
        contact_route (None | str | Unset): notify-api route id; default: the authority's leaving-care service
        appointed_on (datetime.date | None | Unset):
    """

    name: str
    contact_route: None | str | Unset = UNSET
    appointed_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        contact_route: None | str | Unset
        if isinstance(self.contact_route, Unset):
            contact_route = UNSET
        else:
            contact_route = self.contact_route

        appointed_on: None | str | Unset
        if isinstance(self.appointed_on, Unset):
            appointed_on = UNSET
        elif isinstance(self.appointed_on, datetime.date):
            appointed_on = self.appointed_on.isoformat()
        else:
            appointed_on = self.appointed_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if contact_route is not UNSET:
            field_dict["contact_route"] = contact_route
        if appointed_on is not UNSET:
            field_dict["appointed_on"] = appointed_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_contact_route(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_route = _parse_contact_route(d.pop("contact_route", UNSET))

        def _parse_appointed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appointed_on_type_0 = datetime.date.fromisoformat(data)

                return appointed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        appointed_on = _parse_appointed_on(d.pop("appointed_on", UNSET))

        personal_adviser_put = cls(
            name=name,
            contact_route=contact_route,
            appointed_on=appointed_on,
        )

        return personal_adviser_put
