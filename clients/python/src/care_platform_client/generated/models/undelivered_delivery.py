from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.undelivered_status import UndeliveredStatus

T = TypeVar("T", bound="UndeliveredDelivery")


@_attrs_define
class UndeliveredDelivery:
    """A delivery before this one in the endpoint's stream that was not delivered.

    Attributes:
        endpoint_sequence (int):
        sequence (int): Its notification's inbox sequence
        status (UndeliveredStatus): `cancelled`: no longer needed (the notification closed first: an intentional hole);
            `failed`: given up (fetch it from the inbox, or recover it); `pending`: still being
            retried, overtaken after the order wait: it follows.
        reason (str):
    """

    endpoint_sequence: int
    sequence: int
    status: UndeliveredStatus
    reason: str

    def to_dict(self) -> dict[str, Any]:
        endpoint_sequence = self.endpoint_sequence

        sequence = self.sequence

        status = self.status.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "endpoint_sequence": endpoint_sequence,
                "sequence": sequence,
                "status": status,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endpoint_sequence = d.pop("endpoint_sequence")

        sequence = d.pop("sequence")

        status = UndeliveredStatus(d.pop("status"))

        reason = d.pop("reason")

        undelivered_delivery = cls(
            endpoint_sequence=endpoint_sequence,
            sequence=sequence,
            status=status,
            reason=reason,
        )

        return undelivered_delivery
