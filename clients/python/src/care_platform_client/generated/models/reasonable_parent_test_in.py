from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReasonableParentTestIn")


@_attrs_define
class ReasonableParentTestIn:
    """The reasonable-parent test (national protocol 6.4, 6.5; Derbyshire section 3).

    Attributes:
        answer (bool): Would a reasonable parent have called the police?
        reason (str):
    """

    answer: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        answer = self.answer

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answer": answer,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        answer = d.pop("answer")

        reason = d.pop("reason")

        reasonable_parent_test_in = cls(
            answer=answer,
            reason=reason,
        )

        return reasonable_parent_test_in
