from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.notification import Notification


T = TypeVar("T", bound="DeliveryExhaustedWebhook")


@_attrs_define
class DeliveryExhaustedWebhook:
    """Deliveries to an endpoint were given up (the cut-off passed, a mail server refused,
    a manual attempt failed): `data.subject.endpoint_id`, `.reason` (how many, how to
    recover them).

        Attributes:
            timestamp (datetime.datetime): When this attempt was signed
            type_ (Literal['delivery.exhausted']):
            data (Notification): One notification in the recipient organisation's inbox.
    """

    timestamp: datetime.datetime
    type_: Literal["delivery.exhausted"]
    data: Notification

    def to_dict(self) -> dict[str, Any]:
        timestamp = self.timestamp.isoformat()

        type_ = self.type_

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "timestamp": timestamp,
                "type": type_,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.notification import Notification

        d = dict(src_dict)
        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        type_ = cast(Literal["delivery.exhausted"], d.pop("type"))
        if type_ != "delivery.exhausted":
            raise ValueError(
                f"type must match const 'delivery.exhausted', got '{type_}'"
            )

        data = Notification.from_dict(d.pop("data"))

        delivery_exhausted_webhook = cls(
            timestamp=timestamp,
            type_=type_,
            data=data,
        )

        return delivery_exhausted_webhook
