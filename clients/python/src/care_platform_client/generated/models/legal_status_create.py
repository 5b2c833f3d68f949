from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.legal_basis import LegalBasis
from ..types import UNSET, Unset

T = TypeVar("T", bound="LegalStatusCreate")


@_attrs_define
class LegalStatusCreate:
    """A care episode. Dates are half-open: `end_date` is the day it ceased (SSDA903).

    Attributes:
        basis (LegalBasis): The detailed basis of a legal status (the SSDA903 legal statuses, by statute).
        start_date (datetime.date):
        end_date (datetime.date | None | Unset): The day the status ceased
        short_break (bool | Unset): A pre-planned short break (respite, s.20(4); Care Planning regs 2010 reg 48):
            section 20 only; looked after while on it, not counted for care leaving Default: False.
    """

    basis: LegalBasis
    start_date: datetime.date
    end_date: datetime.date | None | Unset = UNSET
    short_break: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        basis = self.basis.value

        start_date = self.start_date.isoformat()

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        short_break = self.short_break

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "basis": basis,
                "start_date": start_date,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if short_break is not UNSET:
            field_dict["short_break"] = short_break

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        basis = LegalBasis(d.pop("basis"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        short_break = d.pop("short_break", UNSET)

        legal_status_create = cls(
            basis=basis,
            start_date=start_date,
            end_date=end_date,
            short_break=short_break,
        )

        return legal_status_create
