from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConsentOut")


@_attrs_define
class ConsentOut:
    """
    Attributes:
        purpose (Literal['notify_personal_adviser']):
        given (bool):
        recorded_on (datetime.date):
        recorded_by (str):
        version (int):
        updated_at (datetime.datetime):
    """

    purpose: Literal["notify_personal_adviser"]
    given: bool
    recorded_on: datetime.date
    recorded_by: str
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        purpose = self.purpose

        given = self.given

        recorded_on = self.recorded_on.isoformat()

        recorded_by = self.recorded_by

        version = self.version

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "purpose": purpose,
                "given": given,
                "recorded_on": recorded_on,
                "recorded_by": recorded_by,
                "version": version,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        purpose = cast(Literal["notify_personal_adviser"], d.pop("purpose"))
        if purpose != "notify_personal_adviser":
            raise ValueError(
                f"purpose must match const 'notify_personal_adviser', got '{purpose}'"
            )

        given = d.pop("given")

        recorded_on = datetime.date.fromisoformat(d.pop("recorded_on"))

        recorded_by = d.pop("recorded_by")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        consent_out = cls(
            purpose=purpose,
            given=given,
            recorded_on=recorded_on,
            recorded_by=recorded_by,
            version=version,
            updated_at=updated_at,
        )

        consent_out.additional_properties = d
        return consent_out

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
