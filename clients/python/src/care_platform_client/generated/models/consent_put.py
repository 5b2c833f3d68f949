from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ConsentPut")


@_attrs_define
class ConsentPut:
    """
    Attributes:
        given (bool):
        recorded_on (datetime.date):
        recorded_by (str):
    """

    given: bool
    recorded_on: datetime.date
    recorded_by: str

    def to_dict(self) -> dict[str, Any]:
        given = self.given

        recorded_on = self.recorded_on.isoformat()

        recorded_by = self.recorded_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given": given,
                "recorded_on": recorded_on,
                "recorded_by": recorded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        given = d.pop("given")

        recorded_on = datetime.date.fromisoformat(d.pop("recorded_on"))

        recorded_by = d.pop("recorded_by")

        consent_put = cls(
            given=given,
            recorded_on=recorded_on,
            recorded_by=recorded_by,
        )

        return consent_put
