from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyImportsCreateImport")


@_attrs_define
class BodyImportsCreateImport:
    """
    Attributes:
        files (list[str]): The files of one return, CSV or XML
        collection_year (str): e.g. 2026/27
        authority (None | str | Unset): The return's authority (GSS); yours if given
    """

    files: list[str]
    collection_year: str
    authority: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        files = self.files

        collection_year = self.collection_year

        authority: None | str | Unset
        if isinstance(self.authority, Unset):
            authority = UNSET
        else:
            authority = self.authority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "files": files,
                "collection_year": collection_year,
            }
        )
        if authority is not UNSET:
            field_dict["authority"] = authority

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        for files_item_element in self.files:
            files.append(
                ("files", (None, str(files_item_element).encode(), "text/plain"))
            )

        files.append(
            (
                "collection_year",
                (None, str(self.collection_year).encode(), "text/plain"),
            )
        )

        if not isinstance(self.authority, Unset):
            if isinstance(self.authority, str):
                files.append(
                    ("authority", (None, str(self.authority).encode(), "text/plain"))
                )
            else:
                files.append(
                    ("authority", (None, str(self.authority).encode(), "text/plain"))
                )

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        files = cast(list[str], d.pop("files"))

        collection_year = d.pop("collection_year")

        def _parse_authority(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        authority = _parse_authority(d.pop("authority", UNSET))

        body_imports_create_import = cls(
            files=files,
            collection_year=collection_year,
            authority=authority,
        )

        body_imports_create_import.additional_properties = d
        return body_imports_create_import

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
