from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_kind import NotificationKind
from ..models.notification_status import NotificationStatus

if TYPE_CHECKING:
    from ..models.recipient import Recipient
    from ..models.trace import Trace


T = TypeVar("T", bound="DryRunNotification")


@_attrs_define
class DryRunNotification:
    """A notification the event would make (or withhold).

    Attributes:
        rule (str):
        recipient (Recipient): Who the notification is for: an organisation code and the role it receives in.
        duty_holder (None | str):
        kind (NotificationKind):
        status (NotificationStatus):
        due_at (datetime.datetime | None):
        due_at_local (datetime.datetime | None):
        remind_at (datetime.datetime | None): The escalation ladder's reminder
        withheld_reason (None | str):
        occurrence (int | None):
        basis (str):
        citation (str):
        trace (None | Trace):
    """

    rule: str
    recipient: Recipient
    duty_holder: None | str
    kind: NotificationKind
    status: NotificationStatus
    due_at: datetime.datetime | None
    due_at_local: datetime.datetime | None
    remind_at: datetime.datetime | None
    withheld_reason: None | str
    occurrence: int | None
    basis: str
    citation: str
    trace: None | Trace
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.trace import Trace

        rule = self.rule

        recipient = self.recipient.to_dict()

        duty_holder: None | str
        duty_holder = self.duty_holder

        kind = self.kind.value

        status = self.status.value

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        due_at_local: None | str
        if isinstance(self.due_at_local, datetime.datetime):
            due_at_local = self.due_at_local.isoformat()
        else:
            due_at_local = self.due_at_local

        remind_at: None | str
        if isinstance(self.remind_at, datetime.datetime):
            remind_at = self.remind_at.isoformat()
        else:
            remind_at = self.remind_at

        withheld_reason: None | str
        withheld_reason = self.withheld_reason

        occurrence: int | None
        occurrence = self.occurrence

        basis = self.basis

        citation = self.citation

        trace: dict[str, Any] | None
        if isinstance(self.trace, Trace):
            trace = self.trace.to_dict()
        else:
            trace = self.trace

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "recipient": recipient,
                "duty_holder": duty_holder,
                "kind": kind,
                "status": status,
                "due_at": due_at,
                "due_at_local": due_at_local,
                "remind_at": remind_at,
                "withheld_reason": withheld_reason,
                "occurrence": occurrence,
                "basis": basis,
                "citation": citation,
                "trace": trace,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recipient import Recipient
        from ..models.trace import Trace

        d = dict(src_dict)
        rule = d.pop("rule")

        recipient = Recipient.from_dict(d.pop("recipient"))

        def _parse_duty_holder(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        duty_holder = _parse_duty_holder(d.pop("duty_holder"))

        kind = NotificationKind(d.pop("kind"))

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

        def _parse_due_at_local(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_local_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_local_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at_local = _parse_due_at_local(d.pop("due_at_local"))

        def _parse_remind_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remind_at_type_0 = datetime.datetime.fromisoformat(data)

                return remind_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        remind_at = _parse_remind_at(d.pop("remind_at"))

        def _parse_withheld_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withheld_reason = _parse_withheld_reason(d.pop("withheld_reason"))

        def _parse_occurrence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        occurrence = _parse_occurrence(d.pop("occurrence"))

        basis = d.pop("basis")

        citation = d.pop("citation")

        def _parse_trace(data: object) -> None | Trace:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trace_type_0 = Trace.from_dict(data)

                return trace_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Trace, data)

        trace = _parse_trace(d.pop("trace"))

        dry_run_notification = cls(
            rule=rule,
            recipient=recipient,
            duty_holder=duty_holder,
            kind=kind,
            status=status,
            due_at=due_at,
            due_at_local=due_at_local,
            remind_at=remind_at,
            withheld_reason=withheld_reason,
            occurrence=occurrence,
            basis=basis,
            citation=citation,
            trace=trace,
        )

        dry_run_notification.additional_properties = d
        return dry_run_notification

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
