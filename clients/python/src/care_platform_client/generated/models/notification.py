from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ended_reason import EndedReason
from ..models.escalation_step import EscalationStep
from ..models.notification_kind import NotificationKind
from ..models.notification_status import NotificationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acknowledgement import Acknowledgement
    from ..models.notification_subject import NotificationSubject
    from ..models.recipient import Recipient


T = TypeVar("T", bound="Notification")


@_attrs_define
class Notification:
    """One notification in the recipient organisation's inbox.

    Attributes:
        id (UUID):
        event_id (None | str): The CloudEvent id it was made from
        event_type (None | str):
        rule (str): The rule id (GET /v1/rules)
        rule_title (None | str):
        rules_version (str):
        kind (NotificationKind):
        recipient (Recipient): Who the notification is for: an organisation code and the role it receives in.
        duty_holder (None | str): Org code of whose duty this discharges (the rule's `duty_holder`); the recipient's
            acknowledgement meets it. Null for escalations and notices
        subject (NotificationSubject): The minimum the recipient needs about the person (never a name or date of birth).
        due_at (datetime.datetime | None): The deadline, in UTC
        due_at_local (datetime.datetime | None): The deadline on Europe/London time
        status (NotificationStatus):
        withheld_reason (None | str):
        sequence (int): Monotonic per recipient organisation: a gap is missed
        occurrence (int | None): The number of a recurring duty
        escalation_of (None | UUID):
        breach (bool): A statutory deadline passed without acknowledgement
        basis (str):
        citation (str):
        created_at (datetime.datetime):
        delivered_at (datetime.datetime | None):
        acknowledged_at (datetime.datetime | None):
        overdue_at (datetime.datetime | None):
        ended_at (datetime.datetime | None):
        ended_reason (EndedReason | None): Why it is `ended`: `ending_event` (release, end of care), `superseded` (a
            later event of the same key), `original_acknowledged` or `original_ended` (an escalation closed)
        before_events (list[str] | None | Unset): A duty with no fixed instant (`due_at` null): met by acknowledgement,
            a breach (`overdue`, `breach: true`) if one of these event types is recorded first for the same incident
            (rules.md Revision 2: the London Child Information Form before a charge). Null for other notifications
        breached_by_event (None | str | Unset): The CloudEvent id that came first and made it a breach
        visited_on (datetime.date | None | Unset): A visit duty: the day the visit was made, as the responsible
            authority recorded it on acknowledgement (`visited_on`); null otherwise
        acknowledgement (Acknowledgement | None | Unset): What the acknowledgement said, when it said anything
        escalation_step (EscalationStep | None | Unset): A follow-up's step of the escalation ladder: `reminder` (to the
            recipient at 80 % of the window), `overdue` (its escalation contact, the duty holder), `breach` (the responsible
            authority's escalation route, its emergency duty team out of hours)
        remind_at (datetime.datetime | None | Unset): When the recipient is reminded (the escalation ladder)
        explain (None | str | Unset): Why it was made, in one sentence; `GET /v1/notifications/{id}` has the whole trace
    """

    id: UUID
    event_id: None | str
    event_type: None | str
    rule: str
    rule_title: None | str
    rules_version: str
    kind: NotificationKind
    recipient: Recipient
    duty_holder: None | str
    subject: NotificationSubject
    due_at: datetime.datetime | None
    due_at_local: datetime.datetime | None
    status: NotificationStatus
    withheld_reason: None | str
    sequence: int
    occurrence: int | None
    escalation_of: None | UUID
    breach: bool
    basis: str
    citation: str
    created_at: datetime.datetime
    delivered_at: datetime.datetime | None
    acknowledged_at: datetime.datetime | None
    overdue_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    ended_reason: EndedReason | None
    before_events: list[str] | None | Unset = UNSET
    breached_by_event: None | str | Unset = UNSET
    visited_on: datetime.date | None | Unset = UNSET
    acknowledgement: Acknowledgement | None | Unset = UNSET
    escalation_step: EscalationStep | None | Unset = UNSET
    remind_at: datetime.datetime | None | Unset = UNSET
    explain: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.acknowledgement import Acknowledgement

        id = str(self.id)

        event_id: None | str
        event_id = self.event_id

        event_type: None | str
        event_type = self.event_type

        rule = self.rule

        rule_title: None | str
        rule_title = self.rule_title

        rules_version = self.rules_version

        kind = self.kind.value

        recipient = self.recipient.to_dict()

        duty_holder: None | str
        duty_holder = self.duty_holder

        subject = self.subject.to_dict()

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

        status = self.status.value

        withheld_reason: None | str
        withheld_reason = self.withheld_reason

        sequence = self.sequence

        occurrence: int | None
        occurrence = self.occurrence

        escalation_of: None | str
        if isinstance(self.escalation_of, UUID):
            escalation_of = str(self.escalation_of)
        else:
            escalation_of = self.escalation_of

        breach = self.breach

        basis = self.basis

        citation = self.citation

        created_at = self.created_at.isoformat()

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        overdue_at: None | str
        if isinstance(self.overdue_at, datetime.datetime):
            overdue_at = self.overdue_at.isoformat()
        else:
            overdue_at = self.overdue_at

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        ended_reason: None | str
        if isinstance(self.ended_reason, EndedReason):
            ended_reason = self.ended_reason.value
        else:
            ended_reason = self.ended_reason

        before_events: list[str] | None | Unset
        if isinstance(self.before_events, Unset):
            before_events = UNSET
        elif isinstance(self.before_events, list):
            before_events = self.before_events

        else:
            before_events = self.before_events

        breached_by_event: None | str | Unset
        if isinstance(self.breached_by_event, Unset):
            breached_by_event = UNSET
        else:
            breached_by_event = self.breached_by_event

        visited_on: None | str | Unset
        if isinstance(self.visited_on, Unset):
            visited_on = UNSET
        elif isinstance(self.visited_on, datetime.date):
            visited_on = self.visited_on.isoformat()
        else:
            visited_on = self.visited_on

        acknowledgement: dict[str, Any] | None | Unset
        if isinstance(self.acknowledgement, Unset):
            acknowledgement = UNSET
        elif isinstance(self.acknowledgement, Acknowledgement):
            acknowledgement = self.acknowledgement.to_dict()
        else:
            acknowledgement = self.acknowledgement

        escalation_step: None | str | Unset
        if isinstance(self.escalation_step, Unset):
            escalation_step = UNSET
        elif isinstance(self.escalation_step, EscalationStep):
            escalation_step = self.escalation_step.value
        else:
            escalation_step = self.escalation_step

        remind_at: None | str | Unset
        if isinstance(self.remind_at, Unset):
            remind_at = UNSET
        elif isinstance(self.remind_at, datetime.datetime):
            remind_at = self.remind_at.isoformat()
        else:
            remind_at = self.remind_at

        explain: None | str | Unset
        if isinstance(self.explain, Unset):
            explain = UNSET
        else:
            explain = self.explain

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "event_id": event_id,
                "event_type": event_type,
                "rule": rule,
                "rule_title": rule_title,
                "rules_version": rules_version,
                "kind": kind,
                "recipient": recipient,
                "duty_holder": duty_holder,
                "subject": subject,
                "due_at": due_at,
                "due_at_local": due_at_local,
                "status": status,
                "withheld_reason": withheld_reason,
                "sequence": sequence,
                "occurrence": occurrence,
                "escalation_of": escalation_of,
                "breach": breach,
                "basis": basis,
                "citation": citation,
                "created_at": created_at,
                "delivered_at": delivered_at,
                "acknowledged_at": acknowledged_at,
                "overdue_at": overdue_at,
                "ended_at": ended_at,
                "ended_reason": ended_reason,
            }
        )
        if before_events is not UNSET:
            field_dict["before_events"] = before_events
        if breached_by_event is not UNSET:
            field_dict["breached_by_event"] = breached_by_event
        if visited_on is not UNSET:
            field_dict["visited_on"] = visited_on
        if acknowledgement is not UNSET:
            field_dict["acknowledgement"] = acknowledgement
        if escalation_step is not UNSET:
            field_dict["escalation_step"] = escalation_step
        if remind_at is not UNSET:
            field_dict["remind_at"] = remind_at
        if explain is not UNSET:
            field_dict["explain"] = explain

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.acknowledgement import Acknowledgement
        from ..models.notification_subject import NotificationSubject
        from ..models.recipient import Recipient

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_event_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_id = _parse_event_id(d.pop("event_id"))

        def _parse_event_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_type = _parse_event_type(d.pop("event_type"))

        rule = d.pop("rule")

        def _parse_rule_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rule_title = _parse_rule_title(d.pop("rule_title"))

        rules_version = d.pop("rules_version")

        kind = NotificationKind(d.pop("kind"))

        recipient = Recipient.from_dict(d.pop("recipient"))

        def _parse_duty_holder(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        duty_holder = _parse_duty_holder(d.pop("duty_holder"))

        subject = NotificationSubject.from_dict(d.pop("subject"))

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

        status = NotificationStatus(d.pop("status"))

        def _parse_withheld_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withheld_reason = _parse_withheld_reason(d.pop("withheld_reason"))

        sequence = d.pop("sequence")

        def _parse_occurrence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        occurrence = _parse_occurrence(d.pop("occurrence"))

        def _parse_escalation_of(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalation_of_type_0 = UUID(data)

                return escalation_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        escalation_of = _parse_escalation_of(d.pop("escalation_of"))

        breach = d.pop("breach")

        basis = d.pop("basis")

        citation = d.pop("citation")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))

        def _parse_overdue_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overdue_at_type_0 = datetime.datetime.fromisoformat(data)

                return overdue_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        overdue_at = _parse_overdue_at(d.pop("overdue_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        def _parse_ended_reason(data: object) -> EndedReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_reason_type_0 = EndedReason(data)

                return ended_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndedReason | None, data)

        ended_reason = _parse_ended_reason(d.pop("ended_reason"))

        def _parse_before_events(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                before_events_type_0 = cast(list[str], data)

                return before_events_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        before_events = _parse_before_events(d.pop("before_events", UNSET))

        def _parse_breached_by_event(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        breached_by_event = _parse_breached_by_event(d.pop("breached_by_event", UNSET))

        def _parse_visited_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visited_on_type_0 = datetime.date.fromisoformat(data)

                return visited_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        visited_on = _parse_visited_on(d.pop("visited_on", UNSET))

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

        def _parse_escalation_step(data: object) -> EscalationStep | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalation_step_type_0 = EscalationStep(data)

                return escalation_step_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EscalationStep | None | Unset, data)

        escalation_step = _parse_escalation_step(d.pop("escalation_step", UNSET))

        def _parse_remind_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remind_at_type_0 = datetime.datetime.fromisoformat(data)

                return remind_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        remind_at = _parse_remind_at(d.pop("remind_at", UNSET))

        def _parse_explain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        explain = _parse_explain(d.pop("explain", UNSET))

        notification = cls(
            id=id,
            event_id=event_id,
            event_type=event_type,
            rule=rule,
            rule_title=rule_title,
            rules_version=rules_version,
            kind=kind,
            recipient=recipient,
            duty_holder=duty_holder,
            subject=subject,
            due_at=due_at,
            due_at_local=due_at_local,
            status=status,
            withheld_reason=withheld_reason,
            sequence=sequence,
            occurrence=occurrence,
            escalation_of=escalation_of,
            breach=breach,
            basis=basis,
            citation=citation,
            created_at=created_at,
            delivered_at=delivered_at,
            acknowledged_at=acknowledged_at,
            overdue_at=overdue_at,
            ended_at=ended_at,
            ended_reason=ended_reason,
            before_events=before_events,
            breached_by_event=breached_by_event,
            visited_on=visited_on,
            acknowledgement=acknowledgement,
            escalation_step=escalation_step,
            remind_at=remind_at,
            explain=explain,
        )

        notification.additional_properties = d
        return notification

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
