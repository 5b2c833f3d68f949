from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dry_run_notification import DryRunNotification
    from ..models.rule_trace import RuleTrace


T = TypeVar("T", bound="DryRunAnswer")


@_attrs_define
class DryRunAnswer:
    """What the platform would do with the event; nothing was written.

    Attributes:
        rules_version (str):
        event_type (str):
        event_time (datetime.datetime):
        reacts (bool): Whether any rule reacts to events of this type
        matched_rules (list[str]):
        considered (list[RuleTrace]): Every rule of the event's type: matched or not, and why
        notifications (list[DryRunNotification]):
        withheld (list[DryRunNotification]):
        ends_recurring_duties (bool): Whether it would end the person's recurring duties (a release)
        would_breach_duties_before_event (bool): Whether it is an event duties must be met before (a charge), which
            would make open ones a breach
    """

    rules_version: str
    event_type: str
    event_time: datetime.datetime
    reacts: bool
    matched_rules: list[str]
    considered: list[RuleTrace]
    notifications: list[DryRunNotification]
    withheld: list[DryRunNotification]
    ends_recurring_duties: bool
    would_breach_duties_before_event: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rules_version = self.rules_version

        event_type = self.event_type

        event_time = self.event_time.isoformat()

        reacts = self.reacts

        matched_rules = self.matched_rules

        considered = []
        for considered_item_data in self.considered:
            considered_item = considered_item_data.to_dict()
            considered.append(considered_item)

        notifications = []
        for notifications_item_data in self.notifications:
            notifications_item = notifications_item_data.to_dict()
            notifications.append(notifications_item)

        withheld = []
        for withheld_item_data in self.withheld:
            withheld_item = withheld_item_data.to_dict()
            withheld.append(withheld_item)

        ends_recurring_duties = self.ends_recurring_duties

        would_breach_duties_before_event = self.would_breach_duties_before_event

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rules_version": rules_version,
                "event_type": event_type,
                "event_time": event_time,
                "reacts": reacts,
                "matched_rules": matched_rules,
                "considered": considered,
                "notifications": notifications,
                "withheld": withheld,
                "ends_recurring_duties": ends_recurring_duties,
                "would_breach_duties_before_event": would_breach_duties_before_event,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dry_run_notification import DryRunNotification
        from ..models.rule_trace import RuleTrace

        d = dict(src_dict)
        rules_version = d.pop("rules_version")

        event_type = d.pop("event_type")

        event_time = datetime.datetime.fromisoformat(d.pop("event_time"))

        reacts = d.pop("reacts")

        matched_rules = cast(list[str], d.pop("matched_rules"))

        considered = []
        _considered = d.pop("considered")
        for considered_item_data in _considered:
            considered_item = RuleTrace.from_dict(considered_item_data)

            considered.append(considered_item)

        notifications = []
        _notifications = d.pop("notifications")
        for notifications_item_data in _notifications:
            notifications_item = DryRunNotification.from_dict(notifications_item_data)

            notifications.append(notifications_item)

        withheld = []
        _withheld = d.pop("withheld")
        for withheld_item_data in _withheld:
            withheld_item = DryRunNotification.from_dict(withheld_item_data)

            withheld.append(withheld_item)

        ends_recurring_duties = d.pop("ends_recurring_duties")

        would_breach_duties_before_event = d.pop("would_breach_duties_before_event")

        dry_run_answer = cls(
            rules_version=rules_version,
            event_type=event_type,
            event_time=event_time,
            reacts=reacts,
            matched_rules=matched_rules,
            considered=considered,
            notifications=notifications,
            withheld=withheld,
            ends_recurring_duties=ends_recurring_duties,
            would_breach_duties_before_event=would_breach_duties_before_event,
        )

        dry_run_answer.additional_properties = d
        return dry_run_answer

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
