from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attempt_trigger import AttemptTrigger
from ..models.delivery_status import DeliveryStatus

T = TypeVar("T", bound="DeliveryRetried")


@_attrs_define
class DeliveryRetried:
    """A failed delivery made pending again; its next attempt is logged `manual`.

    Attributes:
        id (UUID): Also the `webhook-id` of the attempt
        notification_id (UUID):
        endpoint_id (UUID):
        status (DeliveryStatus):
        next_attempt_at (datetime.datetime):
        next_trigger (AttemptTrigger): What made an attempt: the retry schedule, or a person (a retry or a recover).
    """

    id: UUID
    notification_id: UUID
    endpoint_id: UUID
    status: DeliveryStatus
    next_attempt_at: datetime.datetime
    next_trigger: AttemptTrigger
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        notification_id = str(self.notification_id)

        endpoint_id = str(self.endpoint_id)

        status = self.status.value

        next_attempt_at = self.next_attempt_at.isoformat()

        next_trigger = self.next_trigger.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "notification_id": notification_id,
                "endpoint_id": endpoint_id,
                "status": status,
                "next_attempt_at": next_attempt_at,
                "next_trigger": next_trigger,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        notification_id = UUID(d.pop("notification_id"))

        endpoint_id = UUID(d.pop("endpoint_id"))

        status = DeliveryStatus(d.pop("status"))

        next_attempt_at = datetime.datetime.fromisoformat(d.pop("next_attempt_at"))

        next_trigger = AttemptTrigger(d.pop("next_trigger"))

        delivery_retried = cls(
            id=id,
            notification_id=notification_id,
            endpoint_id=endpoint_id,
            status=status,
            next_attempt_at=next_attempt_at,
            next_trigger=next_trigger,
        )

        delivery_retried.additional_properties = d
        return delivery_retried

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
