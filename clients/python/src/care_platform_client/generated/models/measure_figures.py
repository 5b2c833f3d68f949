from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.breakdowns import Breakdowns


T = TypeVar("T", bound="MeasureFigures")


@_attrs_define
class MeasureFigures:
    """
    Attributes:
        measure (str):
        description (str):
        total (int):
        breakdown (Breakdowns): Counts by category; categories with no incident are left out.
    """

    measure: str
    description: str
    total: int
    breakdown: Breakdowns
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        measure = self.measure

        description = self.description

        total = self.total

        breakdown = self.breakdown.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "measure": measure,
                "description": description,
                "total": total,
                "breakdown": breakdown,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.breakdowns import Breakdowns

        d = dict(src_dict)
        measure = d.pop("measure")

        description = d.pop("description")

        total = d.pop("total")

        breakdown = Breakdowns.from_dict(d.pop("breakdown"))

        measure_figures = cls(
            measure=measure,
            description=description,
            total=total,
            breakdown=breakdown,
        )

        measure_figures.additional_properties = d
        return measure_figures

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
