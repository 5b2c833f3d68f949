from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChecklistSectionOut")


@_attrs_define
class ChecklistSectionOut:
    """
    Attributes:
        section (int):
        title (str):
        written_by (list[str]): Organisation kinds that may write the section
        due_at (datetime.datetime | None): Sections 1-8: 24 hours after police involvement
        content (None | str):
        completed_by (None | str):
        completed_at (datetime.datetime | None):
        updated_by (None | str):
        updated_at (datetime.datetime | None):
    """

    section: int
    title: str
    written_by: list[str]
    due_at: datetime.datetime | None
    content: None | str
    completed_by: None | str
    completed_at: datetime.datetime | None
    updated_by: None | str
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        section = self.section

        title = self.title

        written_by = self.written_by

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        content: None | str
        content = self.content

        completed_by: None | str
        completed_by = self.completed_by

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        updated_by: None | str
        updated_by = self.updated_by

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "section": section,
                "title": title,
                "written_by": written_by,
                "due_at": due_at,
                "content": content,
                "completed_by": completed_by,
                "completed_at": completed_at,
                "updated_by": updated_by,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        section = d.pop("section")

        title = d.pop("title")

        written_by = cast(list[str], d.pop("written_by"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        def _parse_content(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        content = _parse_content(d.pop("content"))

        def _parse_completed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        completed_by = _parse_completed_by(d.pop("completed_by"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_updated_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        checklist_section_out = cls(
            section=section,
            title=title,
            written_by=written_by,
            due_at=due_at,
            content=content,
            completed_by=completed_by,
            completed_at=completed_at,
            updated_by=updated_by,
            updated_at=updated_at,
        )

        checklist_section_out.additional_properties = d
        return checklist_section_out

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
