from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_status import NotificationStatus

if TYPE_CHECKING:
    from ..models.recipient import Recipient


T = TypeVar("T", bound="NotificationSummary")


@_attrs_define
class NotificationSummary:
    """A notification the event produced.

    Attributes:
        id (UUID):
        rule (str):
        recipient (Recipient): Who the notification is for: an organisation code and the role it receives in.
        status (NotificationStatus):
        due_at (datetime.datetime | None):
        sequence (int):
    """

    id: UUID
    rule: str
    recipient: Recipient
    status: NotificationStatus
    due_at: datetime.datetime | None
    sequence: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        rule = self.rule

        recipient = self.recipient.to_dict()

        status = self.status.value

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        sequence = self.sequence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "rule": rule,
                "recipient": recipient,
                "status": status,
                "due_at": due_at,
                "sequence": sequence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recipient import Recipient

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        rule = d.pop("rule")

        recipient = Recipient.from_dict(d.pop("recipient"))

        status = NotificationStatus(d.pop("status"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        sequence = d.pop("sequence")

        notification_summary = cls(
            id=id,
            rule=rule,
            recipient=recipient,
            status=status,
            due_at=due_at,
            sequence=sequence,
        )

        notification_summary.additional_properties = d
        return notification_summary

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
