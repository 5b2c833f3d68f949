from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.series_unit import SeriesUnit

if TYPE_CHECKING:
    from ..models.duty_counts import DutyCounts
    from ..models.duty_figures_row import DutyFiguresRow
    from ..models.duty_series_point import DutySeriesPoint


T = TypeVar("T", bound="DutyFigures")


@_attrs_define
class DutyFigures:
    """Duties of a period per rule and recipient, and a weekly or monthly series.

    Attributes:
        organisations (list[str]): The caller's organisation, or the authorities of the partnership
        partnership (None | str):
        period_from (datetime.date):
        period_to (datetime.date): The last day, inclusive (Europe/London)
        series_unit (SeriesUnit):
        rows (list[DutyFiguresRow]):
        total (DutyCounts): What became of the duties (notifications a rule required) of a period.
        series (list[DutySeriesPoint]):
    """

    organisations: list[str]
    partnership: None | str
    period_from: datetime.date
    period_to: datetime.date
    series_unit: SeriesUnit
    rows: list[DutyFiguresRow]
    total: DutyCounts
    series: list[DutySeriesPoint]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organisations = self.organisations

        partnership: None | str
        partnership = self.partnership

        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        series_unit = self.series_unit.value

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        total = self.total.to_dict()

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organisations": organisations,
                "partnership": partnership,
                "period_from": period_from,
                "period_to": period_to,
                "series_unit": series_unit,
                "rows": rows,
                "total": total,
                "series": series,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.duty_counts import DutyCounts
        from ..models.duty_figures_row import DutyFiguresRow
        from ..models.duty_series_point import DutySeriesPoint

        d = dict(src_dict)
        organisations = cast(list[str], d.pop("organisations"))

        def _parse_partnership(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partnership = _parse_partnership(d.pop("partnership"))

        period_from = datetime.date.fromisoformat(d.pop("period_from"))

        period_to = datetime.date.fromisoformat(d.pop("period_to"))

        series_unit = SeriesUnit(d.pop("series_unit"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = DutyFiguresRow.from_dict(rows_item_data)

            rows.append(rows_item)

        total = DutyCounts.from_dict(d.pop("total"))

        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = DutySeriesPoint.from_dict(series_item_data)

            series.append(series_item)

        duty_figures = cls(
            organisations=organisations,
            partnership=partnership,
            period_from=period_from,
            period_to=period_to,
            series_unit=series_unit,
            rows=rows,
            total=total,
            series=series,
        )

        duty_figures.additional_properties = d
        return duty_figures

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
