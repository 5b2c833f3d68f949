from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deadline_trace import DeadlineTrace
    from ..models.recipient_trace import RecipientTrace
    from ..models.rule_trace import RuleTrace
    from ..models.step_trace import StepTrace
    from ..models.withheld_trace import WithheldTrace


T = TypeVar("T", bound="Trace")


@_attrs_define
class Trace:
    """Why a notification was made, to whom and by when.

    Attributes:
        rules_version (str):
        event_type (None | str):
        rule (RuleTrace): One rule the event met: matched or not, and why.
        duty_holder (None | RecipientTrace | Unset):
        recipient (None | RecipientTrace | Unset):
        deadline (DeadlineTrace | None | Unset):
        withheld (None | Unset | WithheldTrace):
        step (None | StepTrace | Unset):
    """

    rules_version: str
    event_type: None | str
    rule: RuleTrace
    duty_holder: None | RecipientTrace | Unset = UNSET
    recipient: None | RecipientTrace | Unset = UNSET
    deadline: DeadlineTrace | None | Unset = UNSET
    withheld: None | Unset | WithheldTrace = UNSET
    step: None | StepTrace | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.deadline_trace import DeadlineTrace
        from ..models.recipient_trace import RecipientTrace
        from ..models.step_trace import StepTrace
        from ..models.withheld_trace import WithheldTrace

        rules_version = self.rules_version

        event_type: None | str
        event_type = self.event_type

        rule = self.rule.to_dict()

        duty_holder: dict[str, Any] | None | Unset
        if isinstance(self.duty_holder, Unset):
            duty_holder = UNSET
        elif isinstance(self.duty_holder, RecipientTrace):
            duty_holder = self.duty_holder.to_dict()
        else:
            duty_holder = self.duty_holder

        recipient: dict[str, Any] | None | Unset
        if isinstance(self.recipient, Unset):
            recipient = UNSET
        elif isinstance(self.recipient, RecipientTrace):
            recipient = self.recipient.to_dict()
        else:
            recipient = self.recipient

        deadline: dict[str, Any] | None | Unset
        if isinstance(self.deadline, Unset):
            deadline = UNSET
        elif isinstance(self.deadline, DeadlineTrace):
            deadline = self.deadline.to_dict()
        else:
            deadline = self.deadline

        withheld: dict[str, Any] | None | Unset
        if isinstance(self.withheld, Unset):
            withheld = UNSET
        elif isinstance(self.withheld, WithheldTrace):
            withheld = self.withheld.to_dict()
        else:
            withheld = self.withheld

        step: dict[str, Any] | None | Unset
        if isinstance(self.step, Unset):
            step = UNSET
        elif isinstance(self.step, StepTrace):
            step = self.step.to_dict()
        else:
            step = self.step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rules_version": rules_version,
                "event_type": event_type,
                "rule": rule,
            }
        )
        if duty_holder is not UNSET:
            field_dict["duty_holder"] = duty_holder
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if deadline is not UNSET:
            field_dict["deadline"] = deadline
        if withheld is not UNSET:
            field_dict["withheld"] = withheld
        if step is not UNSET:
            field_dict["step"] = step

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deadline_trace import DeadlineTrace
        from ..models.recipient_trace import RecipientTrace
        from ..models.rule_trace import RuleTrace
        from ..models.step_trace import StepTrace
        from ..models.withheld_trace import WithheldTrace

        d = dict(src_dict)
        rules_version = d.pop("rules_version")

        def _parse_event_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_type = _parse_event_type(d.pop("event_type"))

        rule = RuleTrace.from_dict(d.pop("rule"))

        def _parse_duty_holder(data: object) -> None | RecipientTrace | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                duty_holder_type_0 = RecipientTrace.from_dict(data)

                return duty_holder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecipientTrace | Unset, data)

        duty_holder = _parse_duty_holder(d.pop("duty_holder", UNSET))

        def _parse_recipient(data: object) -> None | RecipientTrace | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recipient_type_0 = RecipientTrace.from_dict(data)

                return recipient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecipientTrace | Unset, data)

        recipient = _parse_recipient(d.pop("recipient", UNSET))

        def _parse_deadline(data: object) -> DeadlineTrace | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                deadline_type_0 = DeadlineTrace.from_dict(data)

                return deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeadlineTrace | None | Unset, data)

        deadline = _parse_deadline(d.pop("deadline", UNSET))

        def _parse_withheld(data: object) -> None | Unset | WithheldTrace:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                withheld_type_0 = WithheldTrace.from_dict(data)

                return withheld_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WithheldTrace, data)

        withheld = _parse_withheld(d.pop("withheld", UNSET))

        def _parse_step(data: object) -> None | StepTrace | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                step_type_0 = StepTrace.from_dict(data)

                return step_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StepTrace | Unset, data)

        step = _parse_step(d.pop("step", UNSET))

        trace = cls(
            rules_version=rules_version,
            event_type=event_type,
            rule=rule,
            duty_holder=duty_holder,
            recipient=recipient,
            deadline=deadline,
            withheld=withheld,
            step=step,
        )

        trace.additional_properties = d
        return trace

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
