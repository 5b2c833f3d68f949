from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DutyCounts")


@_attrs_define
class DutyCounts:
    """What became of the duties (notifications a rule required) of a period.

    Attributes:
        made (int): Required by a rule and sent (withheld ones apart)
        met_on_time (int): Acknowledged by the deadline, never overdue
        met_late (int):
        open_ (int): Not acknowledged, deadline not passed
        overdue (int): Deadline passed, not acknowledged
        withheld (int):
        breaches (int): Statutory deadlines missed
        escalations (int): Steps of the escalation ladder raised for them
        on_time_rate (float | None): met_on_time / rate_denominator; null when the denominator is 0
        rate_denominator (int): Duties whose outcome is known: met (on time or late) or overdue
        median_seconds_to_acknowledge (float | None): From the notification's making to its acknowledgement
        p90_seconds_to_acknowledge (float | None): 90th percentile, nearest rank
        imported (int | Unset): Duties of an import's history (SSDA903), by the day of the import: already past then,
            never notified; in no other count, nor in the rate Default: 0.
    """

    made: int
    met_on_time: int
    met_late: int
    open_: int
    overdue: int
    withheld: int
    breaches: int
    escalations: int
    on_time_rate: float | None
    rate_denominator: int
    median_seconds_to_acknowledge: float | None
    p90_seconds_to_acknowledge: float | None
    imported: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        made = self.made

        met_on_time = self.met_on_time

        met_late = self.met_late

        open_ = self.open_

        overdue = self.overdue

        withheld = self.withheld

        breaches = self.breaches

        escalations = self.escalations

        on_time_rate: float | None
        on_time_rate = self.on_time_rate

        rate_denominator = self.rate_denominator

        median_seconds_to_acknowledge: float | None
        median_seconds_to_acknowledge = self.median_seconds_to_acknowledge

        p90_seconds_to_acknowledge: float | None
        p90_seconds_to_acknowledge = self.p90_seconds_to_acknowledge

        imported = self.imported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "made": made,
                "met_on_time": met_on_time,
                "met_late": met_late,
                "open": open_,
                "overdue": overdue,
                "withheld": withheld,
                "breaches": breaches,
                "escalations": escalations,
                "on_time_rate": on_time_rate,
                "rate_denominator": rate_denominator,
                "median_seconds_to_acknowledge": median_seconds_to_acknowledge,
                "p90_seconds_to_acknowledge": p90_seconds_to_acknowledge,
            }
        )
        if imported is not UNSET:
            field_dict["imported"] = imported

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        made = d.pop("made")

        met_on_time = d.pop("met_on_time")

        met_late = d.pop("met_late")

        open_ = d.pop("open")

        overdue = d.pop("overdue")

        withheld = d.pop("withheld")

        breaches = d.pop("breaches")

        escalations = d.pop("escalations")

        def _parse_on_time_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate"))

        rate_denominator = d.pop("rate_denominator")

        def _parse_median_seconds_to_acknowledge(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_seconds_to_acknowledge = _parse_median_seconds_to_acknowledge(
            d.pop("median_seconds_to_acknowledge")
        )

        def _parse_p90_seconds_to_acknowledge(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p90_seconds_to_acknowledge = _parse_p90_seconds_to_acknowledge(
            d.pop("p90_seconds_to_acknowledge")
        )

        imported = d.pop("imported", UNSET)

        duty_counts = cls(
            made=made,
            met_on_time=met_on_time,
            met_late=met_late,
            open_=open_,
            overdue=overdue,
            withheld=withheld,
            breaches=breaches,
            escalations=escalations,
            on_time_rate=on_time_rate,
            rate_denominator=rate_denominator,
            median_seconds_to_acknowledge=median_seconds_to_acknowledge,
            p90_seconds_to_acknowledge=p90_seconds_to_acknowledge,
            imported=imported,
        )

        duty_counts.additional_properties = d
        return duty_counts

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
