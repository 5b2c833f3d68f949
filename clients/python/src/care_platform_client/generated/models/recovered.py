from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Recovered")


@_attrs_define
class Recovered:
    """What a recover made pending again: each with its original `webhook-id`.

    Attributes:
        endpoint_id (UUID):
        since (datetime.datetime):
        until (datetime.datetime):
        deliveries (list[UUID]): The deliveries made pending, due now (each id is its `webhook-id`)
        skipped_closed (int): Failed deliveries left alone: their notification is no longer open
    """

    endpoint_id: UUID
    since: datetime.datetime
    until: datetime.datetime
    deliveries: list[UUID]
    skipped_closed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        endpoint_id = str(self.endpoint_id)

        since = self.since.isoformat()

        until = self.until.isoformat()

        deliveries = []
        for deliveries_item_data in self.deliveries:
            deliveries_item = str(deliveries_item_data)
            deliveries.append(deliveries_item)

        skipped_closed = self.skipped_closed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "endpoint_id": endpoint_id,
                "since": since,
                "until": until,
                "deliveries": deliveries,
                "skipped_closed": skipped_closed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endpoint_id = UUID(d.pop("endpoint_id"))

        since = datetime.datetime.fromisoformat(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        deliveries = []
        _deliveries = d.pop("deliveries")
        for deliveries_item_data in _deliveries:
            deliveries_item = UUID(deliveries_item_data)

            deliveries.append(deliveries_item)

        skipped_closed = d.pop("skipped_closed")

        recovered = cls(
            endpoint_id=endpoint_id,
            since=since,
            until=until,
            deliveries=deliveries,
            skipped_closed=skipped_closed,
        )

        recovered.additional_properties = d
        return recovered

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
