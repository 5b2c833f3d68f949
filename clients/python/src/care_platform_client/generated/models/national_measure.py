from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.measure_year import MeasureYear


T = TypeVar("T", bound="NationalMeasure")


@_attrs_define
class NationalMeasure:
    """The DfE national measure for one authority and year ending 31 March.

    Attributes:
        authority (str):
        year (MeasureYear):
        generated_at (datetime.datetime):
        provisional (bool): The year has not ended yet: the cohort and the count may still change
        cohort (int): Children looked after continuously for 12 months or more at 31 March, aged 10 or over (from care-
            status-api)
        count (int): Children of the cohort convicted or given a youth caution or youth conditional caution during the
            year (each child once)
        percentage (float | None): count / cohort x 100, one decimal place (as the DfE publishes it); null for an empty
            cohort
        convicted (int): Children of the cohort convicted during the year
        youth_cautioned (int): Children of the cohort given a youth caution or youth conditional caution during the year
            (a child may also be in `convicted`)
        measure (str | Unset):  Default: 'Children looked after continuously for 12 months or more at 31 March, aged 10
            or over, convicted or given a youth caution or youth conditional caution during the year (1 April to 31 March):
            national protocol 1.4 footnote 2, 10.5'.
    """

    authority: str
    year: MeasureYear
    generated_at: datetime.datetime
    provisional: bool
    cohort: int
    count: int
    percentage: float | None
    convicted: int
    youth_cautioned: int
    measure: str | Unset = (
        "Children looked after continuously for 12 months or more at 31 March, aged 10 or over, convicted or given a youth caution or youth conditional caution during the year (1 April to 31 March): national protocol 1.4 footnote 2, 10.5"
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        authority = self.authority

        year = self.year.to_dict()

        generated_at = self.generated_at.isoformat()

        provisional = self.provisional

        cohort = self.cohort

        count = self.count

        percentage: float | None
        percentage = self.percentage

        convicted = self.convicted

        youth_cautioned = self.youth_cautioned

        measure = self.measure

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authority": authority,
                "year": year,
                "generated_at": generated_at,
                "provisional": provisional,
                "cohort": cohort,
                "count": count,
                "percentage": percentage,
                "convicted": convicted,
                "youth_cautioned": youth_cautioned,
            }
        )
        if measure is not UNSET:
            field_dict["measure"] = measure

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.measure_year import MeasureYear

        d = dict(src_dict)
        authority = d.pop("authority")

        year = MeasureYear.from_dict(d.pop("year"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        provisional = d.pop("provisional")

        cohort = d.pop("cohort")

        count = d.pop("count")

        def _parse_percentage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percentage = _parse_percentage(d.pop("percentage"))

        convicted = d.pop("convicted")

        youth_cautioned = d.pop("youth_cautioned")

        measure = d.pop("measure", UNSET)

        national_measure = cls(
            authority=authority,
            year=year,
            generated_at=generated_at,
            provisional=provisional,
            cohort=cohort,
            count=count,
            percentage=percentage,
            convicted=convicted,
            youth_cautioned=youth_cautioned,
            measure=measure,
        )

        national_measure.additional_properties = d
        return national_measure

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
