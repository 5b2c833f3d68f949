from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.caller_role import CallerRole
from ..models.notification_kind import NotificationKind
from ..models.notification_status import NotificationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acknowledgement import Acknowledgement
    from ..models.notification_subject import NotificationSubject
    from ..models.recipient import Recipient


T = TypeVar("T", bound="Duty")


@_attrs_define
class Duty:
    """A deadline: a notification the caller receives or holds the duty of, soonest first.

    Attributes:
        notification_id (UUID):
        rule (str):
        title (None | str):
        kind (NotificationKind):
        recipient (Recipient): Who the notification is for: an organisation code and the role it receives in.
        duty_holder (None | str): Org code of whose duty this discharges
        caller_role (CallerRole): How the caller's organisation is concerned by a duty on its board.
        subject (NotificationSubject): The minimum the recipient needs about the person (never a name or date of birth).
        due_at (datetime.datetime):
        due_at_local (datetime.datetime):
        overdue (bool): Still open and the deadline has passed
        status (NotificationStatus):
        met_at (datetime.datetime | None): When the recipient acknowledged it (the duty met), else null
        met_on_time (bool | None): Met by the deadline (acknowledged by `due_at` and never marked overdue); null while
            not met
        occurrence (int | None): The number of a recurring duty (visits)
        basis (str):
        acknowledgement (Acknowledgement | None | Unset): What the recipient said on acknowledging: who, a note, the
            action taken
    """

    notification_id: UUID
    rule: str
    title: None | str
    kind: NotificationKind
    recipient: Recipient
    duty_holder: None | str
    caller_role: CallerRole
    subject: NotificationSubject
    due_at: datetime.datetime
    due_at_local: datetime.datetime
    overdue: bool
    status: NotificationStatus
    met_at: datetime.datetime | None
    met_on_time: bool | None
    occurrence: int | None
    basis: str
    acknowledgement: Acknowledgement | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.acknowledgement import Acknowledgement

        notification_id = str(self.notification_id)

        rule = self.rule

        title: None | str
        title = self.title

        kind = self.kind.value

        recipient = self.recipient.to_dict()

        duty_holder: None | str
        duty_holder = self.duty_holder

        caller_role = self.caller_role.value

        subject = self.subject.to_dict()

        due_at = self.due_at.isoformat()

        due_at_local = self.due_at_local.isoformat()

        overdue = self.overdue

        status = self.status.value

        met_at: None | str
        if isinstance(self.met_at, datetime.datetime):
            met_at = self.met_at.isoformat()
        else:
            met_at = self.met_at

        met_on_time: bool | None
        met_on_time = self.met_on_time

        occurrence: int | None
        occurrence = self.occurrence

        basis = self.basis

        acknowledgement: dict[str, Any] | None | Unset
        if isinstance(self.acknowledgement, Unset):
            acknowledgement = UNSET
        elif isinstance(self.acknowledgement, Acknowledgement):
            acknowledgement = self.acknowledgement.to_dict()
        else:
            acknowledgement = self.acknowledgement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "notification_id": notification_id,
                "rule": rule,
                "title": title,
                "kind": kind,
                "recipient": recipient,
                "duty_holder": duty_holder,
                "caller_role": caller_role,
                "subject": subject,
                "due_at": due_at,
                "due_at_local": due_at_local,
                "overdue": overdue,
                "status": status,
                "met_at": met_at,
                "met_on_time": met_on_time,
                "occurrence": occurrence,
                "basis": basis,
            }
        )
        if acknowledgement is not UNSET:
            field_dict["acknowledgement"] = acknowledgement

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.acknowledgement import Acknowledgement
        from ..models.notification_subject import NotificationSubject
        from ..models.recipient import Recipient

        d = dict(src_dict)
        notification_id = UUID(d.pop("notification_id"))

        rule = d.pop("rule")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        kind = NotificationKind(d.pop("kind"))

        recipient = Recipient.from_dict(d.pop("recipient"))

        def _parse_duty_holder(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        duty_holder = _parse_duty_holder(d.pop("duty_holder"))

        caller_role = CallerRole(d.pop("caller_role"))

        subject = NotificationSubject.from_dict(d.pop("subject"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        due_at_local = datetime.datetime.fromisoformat(d.pop("due_at_local"))

        overdue = d.pop("overdue")

        status = NotificationStatus(d.pop("status"))

        def _parse_met_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_at_type_0 = datetime.datetime.fromisoformat(data)

                return met_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        met_at = _parse_met_at(d.pop("met_at"))

        def _parse_met_on_time(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        met_on_time = _parse_met_on_time(d.pop("met_on_time"))

        def _parse_occurrence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        occurrence = _parse_occurrence(d.pop("occurrence"))

        basis = d.pop("basis")

        def _parse_acknowledgement(data: object) -> Acknowledgement | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                acknowledgement_type_0 = Acknowledgement.from_dict(data)

                return acknowledgement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Acknowledgement | None | Unset, data)

        acknowledgement = _parse_acknowledgement(d.pop("acknowledgement", UNSET))

        duty = cls(
            notification_id=notification_id,
            rule=rule,
            title=title,
            kind=kind,
            recipient=recipient,
            duty_holder=duty_holder,
            caller_role=caller_role,
            subject=subject,
            due_at=due_at,
            due_at_local=due_at_local,
            overdue=overdue,
            status=status,
            met_at=met_at,
            met_on_time=met_on_time,
            occurrence=occurrence,
            basis=basis,
            acknowledgement=acknowledgement,
        )

        duty.additional_properties = d
        return duty

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
