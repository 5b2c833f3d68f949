from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportLine")


@_attrs_define
class ReportLine:
    """One rule failed on one row: the DfE's rule code (`csc-validator-be-903`) or the
    mapping's (`MAP_...`), and whether the child was refused for it.

        Attributes:
            code (str):
            message (str):
            child (None | str): The return's CHILD
            file (None | str):
            row (int | None): 0-based data row of the file
            severity (str): `error`: the child was refused; `warning`: loaded
    """

    code: str
    message: str
    child: None | str
    file: None | str
    row: int | None
    severity: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        child: None | str
        child = self.child

        file: None | str
        file = self.file

        row: int | None
        row = self.row

        severity = self.severity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
                "child": child,
                "file": file,
                "row": row,
                "severity": severity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        def _parse_child(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        child = _parse_child(d.pop("child"))

        def _parse_file(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        file = _parse_file(d.pop("file"))

        def _parse_row(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        row = _parse_row(d.pop("row"))

        severity = d.pop("severity")

        report_line = cls(
            code=code,
            message=message,
            child=child,
            file=file,
            row=row,
            severity=severity,
        )

        report_line.additional_properties = d
        return report_line

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
