from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.placement_type import PlacementType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlacementCreate")


@_attrs_define
class PlacementCreate:
    """A placement. Dates are half-open: `end_date` is the day the child left.

    Attributes:
        placement_type (PlacementType):
        area_authority (str): The authority where the child lives
        start_date (datetime.date):
        end_date (datetime.date | None | Unset):
        emergency (bool | Unset): An emergency (unplanned) placement Default: False.
        provider (None | str | Unset): Organisation code of the provider, if it is one
        short_break (bool | Unset): A short break (respite) under section 20 (SSDA903 V3/V4, "series of short-term
            breaks"): refused (422) when the legal status open on `start_date` is recorded and is not section 20. No out-of-
            area notification is due for it (Care Planning regs 2010 reg 48(3)(b)); its days do not count towards the care-
            leaver categories nor the national measure's cohort Default: False.
    """

    placement_type: PlacementType
    area_authority: str
    start_date: datetime.date
    end_date: datetime.date | None | Unset = UNSET
    emergency: bool | Unset = False
    provider: None | str | Unset = UNSET
    short_break: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        placement_type = self.placement_type.value

        area_authority = self.area_authority

        start_date = self.start_date.isoformat()

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        emergency = self.emergency

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        short_break = self.short_break

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "placement_type": placement_type,
                "area_authority": area_authority,
                "start_date": start_date,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if emergency is not UNSET:
            field_dict["emergency"] = emergency
        if provider is not UNSET:
            field_dict["provider"] = provider
        if short_break is not UNSET:
            field_dict["short_break"] = short_break

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        placement_type = PlacementType(d.pop("placement_type"))

        area_authority = d.pop("area_authority")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        emergency = d.pop("emergency", UNSET)

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

        short_break = d.pop("short_break", UNSET)

        placement_create = cls(
            placement_type=placement_type,
            area_authority=area_authority,
            start_date=start_date,
            end_date=end_date,
            emergency=emergency,
            provider=provider,
            short_break=short_break,
        )

        return placement_create
