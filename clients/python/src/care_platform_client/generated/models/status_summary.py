from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_status import CareStatus

T = TypeVar("T", bound="StatusSummary")


@_attrs_define
class StatusSummary:
    """What a care-status-api lookup answers about the child, and no more (issue 15
    finding 2): every reader of the incident sees it once the facts are known.

        Attributes:
            person_ref (str):
            effective_date (datetime.date): The date the facts were read for
            status (CareStatus):
            under_25 (bool):
            responsible_authority (str): GSS code of the responsible authority
            placed_out_of_area (bool):
            area_authority (None | str): GSS code of the open placement's area
    """

    person_ref: str
    effective_date: datetime.date
    status: CareStatus
    under_25: bool
    responsible_authority: str
    placed_out_of_area: bool
    area_authority: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_ref = self.person_ref

        effective_date = self.effective_date.isoformat()

        status = self.status.value

        under_25 = self.under_25

        responsible_authority = self.responsible_authority

        placed_out_of_area = self.placed_out_of_area

        area_authority: None | str
        area_authority = self.area_authority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_ref": person_ref,
                "effective_date": effective_date,
                "status": status,
                "under_25": under_25,
                "responsible_authority": responsible_authority,
                "placed_out_of_area": placed_out_of_area,
                "area_authority": area_authority,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        person_ref = d.pop("person_ref")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        status = CareStatus(d.pop("status"))

        under_25 = d.pop("under_25")

        responsible_authority = d.pop("responsible_authority")

        placed_out_of_area = d.pop("placed_out_of_area")

        def _parse_area_authority(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        area_authority = _parse_area_authority(d.pop("area_authority"))

        status_summary = cls(
            person_ref=person_ref,
            effective_date=effective_date,
            status=status,
            under_25=under_25,
            responsible_authority=responsible_authority,
            placed_out_of_area=placed_out_of_area,
            area_authority=area_authority,
        )

        status_summary.additional_properties = d
        return status_summary

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
