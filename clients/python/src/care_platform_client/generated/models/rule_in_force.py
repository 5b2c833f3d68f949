from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.duty_holder_role import DutyHolderRole
from ..models.local_protocol import LocalProtocol
from ..models.rule_basis import RuleBasis
from ..models.rule_in_force_applies_to_type_0 import RuleInForceAppliesToType0
from ..models.rule_outcome import RuleOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_window import EventWindow
    from ..models.recipient_rule import RecipientRule
    from ..models.recurrence import Recurrence
    from ..models.rule_in_force_authority_recurrences import (
        RuleInForceAuthorityRecurrences,
    )
    from ..models.rule_in_force_authority_windows import RuleInForceAuthorityWindows
    from ..models.rule_in_force_conditions import RuleInForceConditions
    from ..models.rule_in_force_unless import RuleInForceUnless
    from ..models.window import Window


T = TypeVar("T", bound="RuleInForce")


@_attrs_define
class RuleInForce:
    """A rule in force: the rule file's entry with the deployment's windows applied.

    Attributes:
        id (str):
        title (str):
        events (list[str]):
        recipients (list[RecipientRule]):
        basis (RuleBasis): What a rule rests on (rules.md): an Act or regulations, statutory guidance, the
            national protocol, or a local policy a deployment may set.
        citation (str):
        source (str):
        applies_to (list[str] | RuleInForceAppliesToType0): `all`, or for a local protocol's rule the codes of the
            responsible authorities that adopted it (setting `local_protocols`)
        conditions (RuleInForceConditions | Unset):
        unless (RuleInForceUnless | Unset):
        protocol (LocalProtocol | None | Unset):
        duty_holder (DutyHolderRole | None | Unset):
        outcome (RuleOutcome | Unset): What a matching rule does: notify, or record a withheld notification (no
            consent).
        withheld_reason (None | str | Unset):
        deadlines (list[EventWindow | Window] | Unset):
        recurrence (None | Recurrence | Unset):
        visit_of (None | str | Unset):
        subject (list[str] | Unset):
        authority_windows (RuleInForceAuthorityWindows | Unset): Responsible authority code -> the rule's deadlines
            where that authority set its own (tighter) local policy window; absent authorities use `deadlines`
        authority_recurrences (RuleInForceAuthorityRecurrences | Unset): Responsible authority code -> the recurrence
            where that authority set its own (shorter) local policy interval; absent authorities use `recurrence`
    """

    id: str
    title: str
    events: list[str]
    recipients: list[RecipientRule]
    basis: RuleBasis
    citation: str
    source: str
    applies_to: list[str] | RuleInForceAppliesToType0
    conditions: RuleInForceConditions | Unset = UNSET
    unless: RuleInForceUnless | Unset = UNSET
    protocol: LocalProtocol | None | Unset = UNSET
    duty_holder: DutyHolderRole | None | Unset = UNSET
    outcome: RuleOutcome | Unset = UNSET
    withheld_reason: None | str | Unset = UNSET
    deadlines: list[EventWindow | Window] | Unset = UNSET
    recurrence: None | Recurrence | Unset = UNSET
    visit_of: None | str | Unset = UNSET
    subject: list[str] | Unset = UNSET
    authority_windows: RuleInForceAuthorityWindows | Unset = UNSET
    authority_recurrences: RuleInForceAuthorityRecurrences | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.recurrence import Recurrence
        from ..models.window import Window

        id = self.id

        title = self.title

        events = self.events

        recipients = []
        for recipients_item_data in self.recipients:
            recipients_item = recipients_item_data.to_dict()
            recipients.append(recipients_item)

        basis = self.basis.value

        citation = self.citation

        source = self.source

        applies_to: list[str] | str
        if isinstance(self.applies_to, RuleInForceAppliesToType0):
            applies_to = self.applies_to.value
        else:
            applies_to = self.applies_to

        conditions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = self.conditions.to_dict()

        unless: dict[str, Any] | Unset = UNSET
        if not isinstance(self.unless, Unset):
            unless = self.unless.to_dict()

        protocol: None | str | Unset
        if isinstance(self.protocol, Unset):
            protocol = UNSET
        elif isinstance(self.protocol, LocalProtocol):
            protocol = self.protocol.value
        else:
            protocol = self.protocol

        duty_holder: None | str | Unset
        if isinstance(self.duty_holder, Unset):
            duty_holder = UNSET
        elif isinstance(self.duty_holder, DutyHolderRole):
            duty_holder = self.duty_holder.value
        else:
            duty_holder = self.duty_holder

        outcome: str | Unset = UNSET
        if not isinstance(self.outcome, Unset):
            outcome = self.outcome.value

        withheld_reason: None | str | Unset
        if isinstance(self.withheld_reason, Unset):
            withheld_reason = UNSET
        else:
            withheld_reason = self.withheld_reason

        deadlines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.deadlines, Unset):
            deadlines = []
            for deadlines_item_data in self.deadlines:
                deadlines_item: dict[str, Any]
                if isinstance(deadlines_item_data, Window):
                    deadlines_item = deadlines_item_data.to_dict()
                else:
                    deadlines_item = deadlines_item_data.to_dict()

                deadlines.append(deadlines_item)

        recurrence: dict[str, Any] | None | Unset
        if isinstance(self.recurrence, Unset):
            recurrence = UNSET
        elif isinstance(self.recurrence, Recurrence):
            recurrence = self.recurrence.to_dict()
        else:
            recurrence = self.recurrence

        visit_of: None | str | Unset
        if isinstance(self.visit_of, Unset):
            visit_of = UNSET
        else:
            visit_of = self.visit_of

        subject: list[str] | Unset = UNSET
        if not isinstance(self.subject, Unset):
            subject = self.subject

        authority_windows: dict[str, Any] | Unset = UNSET
        if not isinstance(self.authority_windows, Unset):
            authority_windows = self.authority_windows.to_dict()

        authority_recurrences: dict[str, Any] | Unset = UNSET
        if not isinstance(self.authority_recurrences, Unset):
            authority_recurrences = self.authority_recurrences.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title": title,
                "events": events,
                "recipients": recipients,
                "basis": basis,
                "citation": citation,
                "source": source,
                "applies_to": applies_to,
            }
        )
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if unless is not UNSET:
            field_dict["unless"] = unless
        if protocol is not UNSET:
            field_dict["protocol"] = protocol
        if duty_holder is not UNSET:
            field_dict["duty_holder"] = duty_holder
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if withheld_reason is not UNSET:
            field_dict["withheld_reason"] = withheld_reason
        if deadlines is not UNSET:
            field_dict["deadlines"] = deadlines
        if recurrence is not UNSET:
            field_dict["recurrence"] = recurrence
        if visit_of is not UNSET:
            field_dict["visit_of"] = visit_of
        if subject is not UNSET:
            field_dict["subject"] = subject
        if authority_windows is not UNSET:
            field_dict["authority_windows"] = authority_windows
        if authority_recurrences is not UNSET:
            field_dict["authority_recurrences"] = authority_recurrences

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.event_window import EventWindow
        from ..models.recipient_rule import RecipientRule
        from ..models.recurrence import Recurrence
        from ..models.rule_in_force_authority_recurrences import (
            RuleInForceAuthorityRecurrences,
        )
        from ..models.rule_in_force_authority_windows import RuleInForceAuthorityWindows
        from ..models.rule_in_force_conditions import RuleInForceConditions
        from ..models.rule_in_force_unless import RuleInForceUnless
        from ..models.window import Window

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        events = cast(list[str], d.pop("events"))

        recipients = []
        _recipients = d.pop("recipients")
        for recipients_item_data in _recipients:
            recipients_item = RecipientRule.from_dict(recipients_item_data)

            recipients.append(recipients_item)

        basis = RuleBasis(d.pop("basis"))

        citation = d.pop("citation")

        source = d.pop("source")

        def _parse_applies_to(data: object) -> list[str] | RuleInForceAppliesToType0:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                applies_to_type_0 = RuleInForceAppliesToType0(data)

                return applies_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            applies_to_type_1 = cast(list[str], data)

            return applies_to_type_1

        applies_to = _parse_applies_to(d.pop("applies_to"))

        _conditions = d.pop("conditions", UNSET)
        conditions: RuleInForceConditions | Unset
        if isinstance(_conditions, Unset):
            conditions = UNSET
        else:
            conditions = RuleInForceConditions.from_dict(_conditions)

        _unless = d.pop("unless", UNSET)
        unless: RuleInForceUnless | Unset
        if isinstance(_unless, Unset):
            unless = UNSET
        else:
            unless = RuleInForceUnless.from_dict(_unless)

        def _parse_protocol(data: object) -> LocalProtocol | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                protocol_type_0 = LocalProtocol(data)

                return protocol_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LocalProtocol | None | Unset, data)

        protocol = _parse_protocol(d.pop("protocol", UNSET))

        def _parse_duty_holder(data: object) -> DutyHolderRole | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                duty_holder_type_0 = DutyHolderRole(data)

                return duty_holder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DutyHolderRole | None | Unset, data)

        duty_holder = _parse_duty_holder(d.pop("duty_holder", UNSET))

        _outcome = d.pop("outcome", UNSET)
        outcome: RuleOutcome | Unset
        if isinstance(_outcome, Unset):
            outcome = UNSET
        else:
            outcome = RuleOutcome(_outcome)

        def _parse_withheld_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        withheld_reason = _parse_withheld_reason(d.pop("withheld_reason", UNSET))

        _deadlines = d.pop("deadlines", UNSET)
        deadlines: list[EventWindow | Window] | Unset = UNSET
        if _deadlines is not UNSET:
            deadlines = []
            for deadlines_item_data in _deadlines:

                def _parse_deadlines_item(data: object) -> EventWindow | Window:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        deadlines_item_type_0 = Window.from_dict(data)

                        return deadlines_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    deadlines_item_type_1 = EventWindow.from_dict(data)

                    return deadlines_item_type_1

                deadlines_item = _parse_deadlines_item(deadlines_item_data)

                deadlines.append(deadlines_item)

        def _parse_recurrence(data: object) -> None | Recurrence | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recurrence_type_0 = Recurrence.from_dict(data)

                return recurrence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Recurrence | Unset, data)

        recurrence = _parse_recurrence(d.pop("recurrence", UNSET))

        def _parse_visit_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        visit_of = _parse_visit_of(d.pop("visit_of", UNSET))

        subject = cast(list[str], d.pop("subject", UNSET))

        _authority_windows = d.pop("authority_windows", UNSET)
        authority_windows: RuleInForceAuthorityWindows | Unset
        if isinstance(_authority_windows, Unset):
            authority_windows = UNSET
        else:
            authority_windows = RuleInForceAuthorityWindows.from_dict(
                _authority_windows
            )

        _authority_recurrences = d.pop("authority_recurrences", UNSET)
        authority_recurrences: RuleInForceAuthorityRecurrences | Unset
        if isinstance(_authority_recurrences, Unset):
            authority_recurrences = UNSET
        else:
            authority_recurrences = RuleInForceAuthorityRecurrences.from_dict(
                _authority_recurrences
            )

        rule_in_force = cls(
            id=id,
            title=title,
            events=events,
            recipients=recipients,
            basis=basis,
            citation=citation,
            source=source,
            applies_to=applies_to,
            conditions=conditions,
            unless=unless,
            protocol=protocol,
            duty_holder=duty_holder,
            outcome=outcome,
            withheld_reason=withheld_reason,
            deadlines=deadlines,
            recurrence=recurrence,
            visit_of=visit_of,
            subject=subject,
            authority_windows=authority_windows,
            authority_recurrences=authority_recurrences,
        )

        return rule_in_force
