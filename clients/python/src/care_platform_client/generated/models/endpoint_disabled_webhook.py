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


T = TypeVar("T", bound="EndpointDisabledWebhook")


@_attrs_define
class EndpointDisabledWebhook:
    """An endpoint of the organisation was disabled (a 410, or every attempt failing for
    days): `data.subject.endpoint_id` and `.reason`. Re-enable with PATCH.

        Attributes:
            timestamp (datetime.datetime): When this attempt was signed
            type_ (Literal['endpoint.disabled']):
            data (Notification): One notification in the recipient organisation's inbox.
    """

    timestamp: datetime.datetime
    type_: Literal["endpoint.disabled"]
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

        type_ = cast(Literal["endpoint.disabled"], d.pop("type"))
        if type_ != "endpoint.disabled":
            raise ValueError(
                f"type must match const 'endpoint.disabled', got '{type_}'"
            )

        data = Notification.from_dict(d.pop("data"))

        endpoint_disabled_webhook = cls(
            timestamp=timestamp,
            type_=type_,
            data=data,
        )

        return endpoint_disabled_webhook
