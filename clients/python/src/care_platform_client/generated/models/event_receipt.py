from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_summary import NotificationSummary


T = TypeVar("T", bound="EventReceipt")


@_attrs_define
class EventReceipt:
    """What notify-api did with an event; a repeat of the same id gets the same receipt.

    Attributes:
        id (str):
        type_ (str):
        source (str):
        received_at (datetime.datetime):
        rules_version (str):
        matched_rules (list[str]): Empty when no rule reacts (still stored)
        notifications (list[NotificationSummary]):
        ended_duties (list[UUID]): Recurring duties this event ended (release, end of care)
        superseded (list[UUID] | Unset): Open notifications of earlier events of the same key this event ended (a
            changed release date), reason `superseded`
        breached (list[UUID] | Unset): Open duties to be met before an event like this one (a `before_event` deadline:
            the London Child Information Form before a charge) that it made a breach: now `overdue` with `breach: true` and
            `breached_by_event` naming this event
    """

    id: str
    type_: str
    source: str
    received_at: datetime.datetime
    rules_version: str
    matched_rules: list[str]
    notifications: list[NotificationSummary]
    ended_duties: list[UUID]
    superseded: list[UUID] | Unset = UNSET
    breached: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        source = self.source

        received_at = self.received_at.isoformat()

        rules_version = self.rules_version

        matched_rules = self.matched_rules

        notifications = []
        for notifications_item_data in self.notifications:
            notifications_item = notifications_item_data.to_dict()
            notifications.append(notifications_item)

        ended_duties = []
        for ended_duties_item_data in self.ended_duties:
            ended_duties_item = str(ended_duties_item_data)
            ended_duties.append(ended_duties_item)

        superseded: list[str] | Unset = UNSET
        if not isinstance(self.superseded, Unset):
            superseded = []
            for superseded_item_data in self.superseded:
                superseded_item = str(superseded_item_data)
                superseded.append(superseded_item)

        breached: list[str] | Unset = UNSET
        if not isinstance(self.breached, Unset):
            breached = []
            for breached_item_data in self.breached:
                breached_item = str(breached_item_data)
                breached.append(breached_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "source": source,
                "received_at": received_at,
                "rules_version": rules_version,
                "matched_rules": matched_rules,
                "notifications": notifications,
                "ended_duties": ended_duties,
            }
        )
        if superseded is not UNSET:
            field_dict["superseded"] = superseded
        if breached is not UNSET:
            field_dict["breached"] = breached

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.notification_summary import NotificationSummary

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        source = d.pop("source")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        rules_version = d.pop("rules_version")

        matched_rules = cast(list[str], d.pop("matched_rules"))

        notifications = []
        _notifications = d.pop("notifications")
        for notifications_item_data in _notifications:
            notifications_item = NotificationSummary.from_dict(notifications_item_data)

            notifications.append(notifications_item)

        ended_duties = []
        _ended_duties = d.pop("ended_duties")
        for ended_duties_item_data in _ended_duties:
            ended_duties_item = UUID(ended_duties_item_data)

            ended_duties.append(ended_duties_item)

        _superseded = d.pop("superseded", UNSET)
        superseded: list[UUID] | Unset = UNSET
        if _superseded is not UNSET:
            superseded = []
            for superseded_item_data in _superseded:
                superseded_item = UUID(superseded_item_data)

                superseded.append(superseded_item)

        _breached = d.pop("breached", UNSET)
        breached: list[UUID] | Unset = UNSET
        if _breached is not UNSET:
            breached = []
            for breached_item_data in _breached:
                breached_item = UUID(breached_item_data)

                breached.append(breached_item)

        event_receipt = cls(
            id=id,
            type_=type_,
            source=source,
            received_at=received_at,
            rules_version=rules_version,
            matched_rules=matched_rules,
            notifications=notifications,
            ended_duties=ended_duties,
            superseded=superseded,
            breached=breached,
        )

        event_receipt.additional_properties = d
        return event_receipt

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
