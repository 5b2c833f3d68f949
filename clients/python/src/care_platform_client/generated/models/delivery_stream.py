from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.skipped_notification import SkippedNotification
    from ..models.undelivered_delivery import UndeliveredDelivery


T = TypeVar("T", bound="DeliveryStream")


@_attrs_define
class DeliveryStream:
    """Where this delivery is in the endpoint's own stream (ordered push, issue 17).

    Every inbox sequence strictly between `skipped_after` and `sequence` is either listed
    in `skipped` (at most 100: one the endpoint will never receive, and why) or is an
    `undelivered` entry's; every endpoint
    sequence below `endpoint_sequence` not yet received is listed in `undelivered`, or
    was received already, or is lost (fetch `GET /v1/notifications?after_sequence=`).

        Attributes:
            endpoint_sequence (int): The endpoint's own number: 1, 2, 3, ... gap-free
            sequence (int): The organisation's inbox sequence (`data.sequence`)
            previous_sequence (int | None): The inbox sequence of the endpoint's previous delivery, or where its stream
                began (registration, or just before a backfill's first notification)
            skipped_after (int | None): `skipped` lists every inbox sequence after this one and before `sequence` that the
                endpoint will never receive: `previous_sequence`, or the previous sequence of the first `undelivered` entry
                (what it skipped is announced here)
            skipped (list[SkippedNotification]):
            skipped_complete (bool): False when more were skipped than are listed (the inbox has them)
            undelivered (list[UndeliveredDelivery]):
    """

    endpoint_sequence: int
    sequence: int
    previous_sequence: int | None
    skipped_after: int | None
    skipped: list[SkippedNotification]
    skipped_complete: bool
    undelivered: list[UndeliveredDelivery]

    def to_dict(self) -> dict[str, Any]:
        endpoint_sequence = self.endpoint_sequence

        sequence = self.sequence

        previous_sequence: int | None
        previous_sequence = self.previous_sequence

        skipped_after: int | None
        skipped_after = self.skipped_after

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)

        skipped_complete = self.skipped_complete

        undelivered = []
        for undelivered_item_data in self.undelivered:
            undelivered_item = undelivered_item_data.to_dict()
            undelivered.append(undelivered_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "endpoint_sequence": endpoint_sequence,
                "sequence": sequence,
                "previous_sequence": previous_sequence,
                "skipped_after": skipped_after,
                "skipped": skipped,
                "skipped_complete": skipped_complete,
                "undelivered": undelivered,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.skipped_notification import SkippedNotification
        from ..models.undelivered_delivery import UndeliveredDelivery

        d = dict(src_dict)
        endpoint_sequence = d.pop("endpoint_sequence")

        sequence = d.pop("sequence")

        def _parse_previous_sequence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous_sequence = _parse_previous_sequence(d.pop("previous_sequence"))

        def _parse_skipped_after(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        skipped_after = _parse_skipped_after(d.pop("skipped_after"))

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in _skipped:
            skipped_item = SkippedNotification.from_dict(skipped_item_data)

            skipped.append(skipped_item)

        skipped_complete = d.pop("skipped_complete")

        undelivered = []
        _undelivered = d.pop("undelivered")
        for undelivered_item_data in _undelivered:
            undelivered_item = UndeliveredDelivery.from_dict(undelivered_item_data)

            undelivered.append(undelivered_item)

        delivery_stream = cls(
            endpoint_sequence=endpoint_sequence,
            sequence=sequence,
            previous_sequence=previous_sequence,
            skipped_after=skipped_after,
            skipped=skipped,
            skipped_complete=skipped_complete,
            undelivered=undelivered,
        )

        return delivery_stream
