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
    from ..models.heartbeat_data import HeartbeatData


T = TypeVar("T", bound="EndpointHeartbeatWebhook")


@_attrs_define
class EndpointHeartbeatWebhook:
    """The heartbeat of an idle endpoint (`heartbeat_seconds`): its stream's high-water
    mark. Not a delivery: not retried.

        Attributes:
            timestamp (datetime.datetime): When this attempt was signed
            type_ (Literal['endpoint.heartbeat']):
            data (HeartbeatData): An endpoint's stream's high-water mark, sent when it is idle (no personal data).
    """

    timestamp: datetime.datetime
    type_: Literal["endpoint.heartbeat"]
    data: HeartbeatData

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
        from ..models.heartbeat_data import HeartbeatData

        d = dict(src_dict)
        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        type_ = cast(Literal["endpoint.heartbeat"], d.pop("type"))
        if type_ != "endpoint.heartbeat":
            raise ValueError(
                f"type must match const 'endpoint.heartbeat', got '{type_}'"
            )

        data = HeartbeatData.from_dict(d.pop("data"))

        endpoint_heartbeat_webhook = cls(
            timestamp=timestamp,
            type_=type_,
            data=data,
        )

        return endpoint_heartbeat_webhook
