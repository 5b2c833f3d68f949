from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.legal_basis import LegalBasis

T = TypeVar("T", bound="LegalStatusOut")


@_attrs_define
class LegalStatusOut:
    """
    Attributes:
        id (UUID):
        child_id (UUID):
        basis (LegalBasis): The detailed basis of a legal status (the SSDA903 legal statuses, by statute).
        short_break (bool):
        start_date (datetime.date):
        end_date (datetime.date | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    child_id: UUID
    basis: LegalBasis
    short_break: bool
    start_date: datetime.date
    end_date: datetime.date | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        child_id = str(self.child_id)

        basis = self.basis.value

        short_break = self.short_break

        start_date = self.start_date.isoformat()

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "child_id": child_id,
                "basis": basis,
                "short_break": short_break,
                "start_date": start_date,
                "end_date": end_date,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        child_id = UUID(d.pop("child_id"))

        basis = LegalBasis(d.pop("basis"))

        short_break = d.pop("short_break")

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

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        legal_status_out = cls(
            id=id,
            child_id=child_id,
            basis=basis,
            short_break=short_break,
            start_date=start_date,
            end_date=end_date,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        legal_status_out.additional_properties = d
        return legal_status_out

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
