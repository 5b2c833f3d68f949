from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NotificationFigures")


@_attrs_define
class NotificationFigures:
    """
    Attributes:
        source (Literal['notify-api'] | Unset):  Default: 'notify-api'.
        included (bool | Unset):  Default: False.
        note (str | Unset):  Default: "Notifications sent on time, late and withheld (no consent), per rule, are notify-
            api's data: it holds the notifications, their deadlines, deliveries, acknowledgements and withheld decisions.
            incident-api does not hold them and does not report them; read them from notify-api for the same authority and
            period.".
    """

    source: Literal["notify-api"] | Unset = "notify-api"
    included: bool | Unset = False
    note: str | Unset = (
        "Notifications sent on time, late and withheld (no consent), per rule, are notify-api's data: it holds the notifications, their deadlines, deliveries, acknowledgements and withheld decisions. incident-api does not hold them and does not report them; read them from notify-api for the same authority and period."
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        included = self.included

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if source is not UNSET:
            field_dict["source"] = source
        if included is not UNSET:
            field_dict["included"] = included
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source = cast(Literal["notify-api"] | Unset, d.pop("source", UNSET))
        if source != "notify-api" and not isinstance(source, Unset):
            raise ValueError(f"source must match const 'notify-api', got '{source}'")

        included = d.pop("included", UNSET)

        note = d.pop("note", UNSET)

        notification_figures = cls(
            source=source,
            included=included,
            note=note,
        )

        notification_figures.additional_properties = d
        return notification_figures

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
