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
    from ..models.test_send_data import TestSendData


T = TypeVar("T", bound="NotificationTestWebhook")


@_attrs_define
class NotificationTestWebhook:
    """A test send (`POST /v1/endpoints/{id}/test`).

    Attributes:
        timestamp (datetime.datetime): When this attempt was signed
        type_ (Literal['notification.test']):
        data (TestSendData): What a test send carries: no person, only the endpoint it tests.
    """

    timestamp: datetime.datetime
    type_: Literal["notification.test"]
    data: TestSendData

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
        from ..models.test_send_data import TestSendData

        d = dict(src_dict)
        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        type_ = cast(Literal["notification.test"], d.pop("type"))
        if type_ != "notification.test":
            raise ValueError(
                f"type must match const 'notification.test', got '{type_}'"
            )

        data = TestSendData.from_dict(d.pop("data"))

        notification_test_webhook = cls(
            timestamp=timestamp,
            type_=type_,
            data=data,
        )

        return notification_test_webhook
