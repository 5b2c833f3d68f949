from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StepTrace")


@_attrs_define
class StepTrace:
    """A step of the escalation ladder: what it chases and why this organisation.

    Attributes:
        step (str):
        of (str): The id of the notification it chases
        because (str):
        recipient_reason (str):
    """

    step: str
    of: str
    because: str
    recipient_reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        step = self.step

        of = self.of

        because = self.because

        recipient_reason = self.recipient_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "step": step,
                "of": of,
                "because": because,
                "recipient_reason": recipient_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        step = d.pop("step")

        of = d.pop("of")

        because = d.pop("because")

        recipient_reason = d.pop("recipient_reason")

        step_trace = cls(
            step=step,
            of=of,
            because=because,
            recipient_reason=recipient_reason,
        )

        step_trace.additional_properties = d
        return step_trace

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
