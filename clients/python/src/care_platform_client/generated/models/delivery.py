from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.delivery_status import DeliveryStatus

if TYPE_CHECKING:
    from ..models.delivery_attempt import DeliveryAttempt


T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """A notification's push to one endpoint, with every attempt.

    Attributes:
        id (UUID): Also the `webhook-id` header of every attempt
        endpoint_id (UUID):
        channel (Channel):
        status (DeliveryStatus):
        attempts (list[DeliveryAttempt]):
        next_attempt_at (datetime.datetime | None):
        give_up_at (datetime.datetime):
        delivered_at (datetime.datetime | None):
        ended_reason (None | str):
        created_at (datetime.datetime):
    """

    id: UUID
    endpoint_id: UUID
    channel: Channel
    status: DeliveryStatus
    attempts: list[DeliveryAttempt]
    next_attempt_at: datetime.datetime | None
    give_up_at: datetime.datetime
    delivered_at: datetime.datetime | None
    ended_reason: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        endpoint_id = str(self.endpoint_id)

        channel = self.channel.value

        status = self.status.value

        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        give_up_at = self.give_up_at.isoformat()

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        ended_reason: None | str
        ended_reason = self.ended_reason

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "endpoint_id": endpoint_id,
                "channel": channel,
                "status": status,
                "attempts": attempts,
                "next_attempt_at": next_attempt_at,
                "give_up_at": give_up_at,
                "delivered_at": delivered_at,
                "ended_reason": ended_reason,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delivery_attempt import DeliveryAttempt

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        endpoint_id = UUID(d.pop("endpoint_id"))

        channel = Channel(d.pop("channel"))

        status = DeliveryStatus(d.pop("status"))

        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in _attempts:
            attempts_item = DeliveryAttempt.from_dict(attempts_item_data)

            attempts.append(attempts_item)

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        give_up_at = datetime.datetime.fromisoformat(d.pop("give_up_at"))

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        def _parse_ended_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ended_reason = _parse_ended_reason(d.pop("ended_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        delivery = cls(
            id=id,
            endpoint_id=endpoint_id,
            channel=channel,
            status=status,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            give_up_at=give_up_at,
            delivered_at=delivered_at,
            ended_reason=ended_reason,
            created_at=created_at,
        )

        delivery.additional_properties = d
        return delivery

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
