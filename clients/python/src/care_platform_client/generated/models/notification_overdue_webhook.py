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


T = TypeVar("T", bound="NotificationOverdueWebhook")


@_attrs_define
class NotificationOverdueWebhook:
    """A notification of the organisation became overdue (not acknowledged by its
    deadline): `data.subject.notification_id`, `.escalated_rule`, `.escalated_due_at`.

        Attributes:
            timestamp (datetime.datetime): When this attempt was signed
            type_ (Literal['notification.overdue']):
            data (Notification): One notification in the recipient organisation's inbox.
    """

    timestamp: datetime.datetime
    type_: Literal["notification.overdue"]
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

        type_ = cast(Literal["notification.overdue"], d.pop("type"))
        if type_ != "notification.overdue":
            raise ValueError(
                f"type must match const 'notification.overdue', got '{type_}'"
            )

        data = Notification.from_dict(d.pop("data"))

        notification_overdue_webhook = cls(
            timestamp=timestamp,
            type_=type_,
            data=data,
        )

        return notification_overdue_webhook
