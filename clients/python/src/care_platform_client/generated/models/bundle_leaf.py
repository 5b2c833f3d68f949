from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BundleLeaf")


@_attrs_define
class BundleLeaf:
    """
    Attributes:
        index (int): The entry's position in the log
        entry (str): The entry, canonical JSON, as hashed (RFC 9162 leaf)
        salt (None | str): Base64 salt of a delivered body's hash; null for other steps
        inclusion_path (list[str]): Base64 hashes, leaf to root (RFC 9162)
    """

    index: int
    entry: str
    salt: None | str
    inclusion_path: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        entry = self.entry

        salt: None | str
        salt = self.salt

        inclusion_path = self.inclusion_path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "entry": entry,
                "salt": salt,
                "inclusion_path": inclusion_path,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        index = d.pop("index")

        entry = d.pop("entry")

        def _parse_salt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        salt = _parse_salt(d.pop("salt"))

        inclusion_path = cast(list[str], d.pop("inclusion_path"))

        bundle_leaf = cls(
            index=index,
            entry=entry,
            salt=salt,
            inclusion_path=inclusion_path,
        )

        bundle_leaf.additional_properties = d
        return bundle_leaf

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
