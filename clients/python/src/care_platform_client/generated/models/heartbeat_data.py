from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="HeartbeatData")


@_attrs_define
class HeartbeatData:
    """An endpoint's stream's high-water mark, sent when it is idle (no personal data).

    Attributes:
        endpoint_id (str):
        endpoint_sequence (int): The last endpoint sequence given (0: none)
        skipped_after (int): The inbox sequence of that delivery
        inbox_sequence (int): The organisation's inbox sequence now: every one after `skipped_after` up to this is one
            the endpoint will never receive
    """

    endpoint_id: str
    endpoint_sequence: int
    skipped_after: int
    inbox_sequence: int

    def to_dict(self) -> dict[str, Any]:
        endpoint_id = self.endpoint_id

        endpoint_sequence = self.endpoint_sequence

        skipped_after = self.skipped_after

        inbox_sequence = self.inbox_sequence

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "endpoint_id": endpoint_id,
                "endpoint_sequence": endpoint_sequence,
                "skipped_after": skipped_after,
                "inbox_sequence": inbox_sequence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endpoint_id = d.pop("endpoint_id")

        endpoint_sequence = d.pop("endpoint_sequence")

        skipped_after = d.pop("skipped_after")

        inbox_sequence = d.pop("inbox_sequence")

        heartbeat_data = cls(
            endpoint_id=endpoint_id,
            endpoint_sequence=endpoint_sequence,
            skipped_after=skipped_after,
            inbox_sequence=inbox_sequence,
        )

        return heartbeat_data
