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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delivery_stream import DeliveryStream
    from ..models.notification import Notification


T = TypeVar("T", bound="NotificationEscalationWebhook")


@_attrs_define
class NotificationEscalationWebhook:
    """An escalation of an overdue notification (kind `escalation`).

    Attributes:
        timestamp (datetime.datetime): When this attempt was signed
        type_ (Literal['notification.escalation']):
        data (Notification): One notification in the recipient organisation's inbox.
        stream (DeliveryStream | None | Unset): The endpoint's stream (absent on deliveries made before ordered push)
    """

    timestamp: datetime.datetime
    type_: Literal["notification.escalation"]
    data: Notification
    stream: DeliveryStream | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.delivery_stream import DeliveryStream

        timestamp = self.timestamp.isoformat()

        type_ = self.type_

        data = self.data.to_dict()

        stream: dict[str, Any] | None | Unset
        if isinstance(self.stream, Unset):
            stream = UNSET
        elif isinstance(self.stream, DeliveryStream):
            stream = self.stream.to_dict()
        else:
            stream = self.stream

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "timestamp": timestamp,
                "type": type_,
                "data": data,
            }
        )
        if stream is not UNSET:
            field_dict["stream"] = stream

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delivery_stream import DeliveryStream
        from ..models.notification import Notification

        d = dict(src_dict)
        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        type_ = cast(Literal["notification.escalation"], d.pop("type"))
        if type_ != "notification.escalation":
            raise ValueError(
                f"type must match const 'notification.escalation', got '{type_}'"
            )

        data = Notification.from_dict(d.pop("data"))

        def _parse_stream(data: object) -> DeliveryStream | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stream_type_0 = DeliveryStream.from_dict(data)

                return stream_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeliveryStream | None | Unset, data)

        stream = _parse_stream(d.pop("stream", UNSET))

        notification_escalation_webhook = cls(
            timestamp=timestamp,
            type_=type_,
            data=data,
            stream=stream,
        )

        return notification_escalation_webhook
