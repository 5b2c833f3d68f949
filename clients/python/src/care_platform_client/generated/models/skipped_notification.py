from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.skip_reason import SkipReason

T = TypeVar("T", bound="SkippedNotification")


@_attrs_define
class SkippedNotification:
    """An inbox sequence the endpoint will never receive, and why (no personal data).

    Attributes:
        sequence (int): The organisation's inbox sequence skipped
        reason (SkipReason): Why an inbox sequence is not in an endpoint's stream.

            `withheld`: only in the inbox; `filtered`: the endpoint's roles/rules filters leave it
            out; `closed_before_registration`: closed before the endpoint existed (a backfill
            brings only open ones); `closed_when_made`: made already ended; `not_pushed`: none of
            these (made while the endpoint was disabled).
    """

    sequence: int
    reason: SkipReason

    def to_dict(self) -> dict[str, Any]:
        sequence = self.sequence

        reason = self.reason.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sequence": sequence,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sequence = d.pop("sequence")

        reason = SkipReason(d.pop("reason"))

        skipped_notification = cls(
            sequence=sequence,
            reason=reason,
        )

        return skipped_notification
