from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChecklistFigures")


@_attrs_define
class ChecklistFigures:
    """CPS checklists due in the period (police involved) and whether sections 1-8 were
    written within 24 hours of police involvement.

        Attributes:
            required (int):
            completed_on_time (int):
            completed_late (int):
            outstanding_not_yet_due (int):
            overdue (int):
    """

    required: int
    completed_on_time: int
    completed_late: int
    outstanding_not_yet_due: int
    overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        required = self.required

        completed_on_time = self.completed_on_time

        completed_late = self.completed_late

        outstanding_not_yet_due = self.outstanding_not_yet_due

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "required": required,
                "completed_on_time": completed_on_time,
                "completed_late": completed_late,
                "outstanding_not_yet_due": outstanding_not_yet_due,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        required = d.pop("required")

        completed_on_time = d.pop("completed_on_time")

        completed_late = d.pop("completed_late")

        outstanding_not_yet_due = d.pop("outstanding_not_yet_due")

        overdue = d.pop("overdue")

        checklist_figures = cls(
            required=required,
            completed_on_time=completed_on_time,
            completed_late=completed_late,
            outstanding_not_yet_due=outstanding_not_yet_due,
            overdue=overdue,
        )

        checklist_figures.additional_properties = d
        return checklist_figures

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
