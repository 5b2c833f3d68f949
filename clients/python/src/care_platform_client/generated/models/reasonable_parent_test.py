from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReasonableParentTest")


@_attrs_define
class ReasonableParentTest:
    """
    Attributes:
        answer (bool):
        reason (str):
        question (str | Unset):  Default: 'Would a reasonable parent have called the police?'.
    """

    answer: bool
    reason: str
    question: str | Unset = "Would a reasonable parent have called the police?"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer = self.answer

        reason = self.reason

        question = self.question

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer": answer,
                "reason": reason,
            }
        )
        if question is not UNSET:
            field_dict["question"] = question

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        answer = d.pop("answer")

        reason = d.pop("reason")

        question = d.pop("question", UNSET)

        reasonable_parent_test = cls(
            answer=answer,
            reason=reason,
            question=question,
        )

        reasonable_parent_test.additional_properties = d
        return reasonable_parent_test

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
