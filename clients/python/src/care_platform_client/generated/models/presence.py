from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Presence")


@_attrs_define
class Presence:
    """`{present: true}`: the field is given and not null.

    Attributes:
        present (bool):
    """

    present: bool

    def to_dict(self) -> dict[str, Any]:
        present = self.present

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "present": present,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        present = d.pop("present")

        presence = cls(
            present=present,
        )

        return presence
