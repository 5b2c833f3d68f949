from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.recurrence_unit import RecurrenceUnit
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecurrenceStep")


@_attrs_define
class RecurrenceStep:
    """
    Attributes:
        unit (RecurrenceUnit): What a step of a recurring duty moves on by.
        amount (int):
        for_months (int | None | Unset):
        local_policy (bool | Unset):  Default: False.
    """

    unit: RecurrenceUnit
    amount: int
    for_months: int | None | Unset = UNSET
    local_policy: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        unit = self.unit.value

        amount = self.amount

        for_months: int | None | Unset
        if isinstance(self.for_months, Unset):
            for_months = UNSET
        else:
            for_months = self.for_months

        local_policy = self.local_policy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit": unit,
                "amount": amount,
            }
        )
        if for_months is not UNSET:
            field_dict["for_months"] = for_months
        if local_policy is not UNSET:
            field_dict["local_policy"] = local_policy

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        unit = RecurrenceUnit(d.pop("unit"))

        amount = d.pop("amount")

        def _parse_for_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        for_months = _parse_for_months(d.pop("for_months", UNSET))

        local_policy = d.pop("local_policy", UNSET)

        recurrence_step = cls(
            unit=unit,
            amount=amount,
            for_months=for_months,
            local_policy=local_policy,
        )

        return recurrence_step
