from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.placement_type import PlacementType
from ..models.provider_type import ProviderType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlacementOut")


@_attrs_define
class PlacementOut:
    """
    Attributes:
        id (UUID):
        child_id (UUID):
        placement_type (PlacementType):
        area_authority (str):
        start_date (datetime.date):
        end_date (datetime.date | None):
        emergency (bool):
        provider (None | str):
        short_break (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        provider_urn (None | str | Unset): The provider's Ofsted unique reference number (URN), as the authority's
            SSDA903 return gives it
        provider_type (None | ProviderType | Unset): Who provides the placement (SSDA903 PLACE_PROVIDER)
    """

    id: UUID
    child_id: UUID
    placement_type: PlacementType
    area_authority: str
    start_date: datetime.date
    end_date: datetime.date | None
    emergency: bool
    provider: None | str
    short_break: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    provider_urn: None | str | Unset = UNSET
    provider_type: None | ProviderType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        child_id = str(self.child_id)

        placement_type = self.placement_type.value

        area_authority = self.area_authority

        start_date = self.start_date.isoformat()

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        emergency = self.emergency

        provider: None | str
        provider = self.provider

        short_break = self.short_break

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        provider_urn: None | str | Unset
        if isinstance(self.provider_urn, Unset):
            provider_urn = UNSET
        else:
            provider_urn = self.provider_urn

        provider_type: None | str | Unset
        if isinstance(self.provider_type, Unset):
            provider_type = UNSET
        elif isinstance(self.provider_type, ProviderType):
            provider_type = self.provider_type.value
        else:
            provider_type = self.provider_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "child_id": child_id,
                "placement_type": placement_type,
                "area_authority": area_authority,
                "start_date": start_date,
                "end_date": end_date,
                "emergency": emergency,
                "provider": provider,
                "short_break": short_break,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if provider_urn is not UNSET:
            field_dict["provider_urn"] = provider_urn
        if provider_type is not UNSET:
            field_dict["provider_type"] = provider_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        child_id = UUID(d.pop("child_id"))

        placement_type = PlacementType(d.pop("placement_type"))

        area_authority = d.pop("area_authority")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        emergency = d.pop("emergency")

        def _parse_provider(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provider = _parse_provider(d.pop("provider"))

        short_break = d.pop("short_break")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_provider_urn(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_urn = _parse_provider_urn(d.pop("provider_urn", UNSET))

        def _parse_provider_type(data: object) -> None | ProviderType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                provider_type_type_0 = ProviderType(data)

                return provider_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProviderType | Unset, data)

        provider_type = _parse_provider_type(d.pop("provider_type", UNSET))

        placement_out = cls(
            id=id,
            child_id=child_id,
            placement_type=placement_type,
            area_authority=area_authority,
            start_date=start_date,
            end_date=end_date,
            emergency=emergency,
            provider=provider,
            short_break=short_break,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            provider_urn=provider_urn,
            provider_type=provider_type,
        )

        placement_out.additional_properties = d
        return placement_out

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
