from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeadLetter")


@_attrs_define
class DeadLetter:
    """An event notify-api refused, and why.

    Attributes:
        id (UUID): The event id (CloudEvents `id`)
        type_ (str):
        subject (None | str): The person_ref the event is about
        record_id (None | str): The record the event announces (incident, placement or legal status id)
        reason (None | str): notify-api's refusal: status, detail and fields
        attempts (int):
        created_at (datetime.datetime):
        dead_lettered_at (datetime.datetime | None):
    """

    id: UUID
    type_: str
    subject: None | str
    record_id: None | str
    reason: None | str
    attempts: int
    created_at: datetime.datetime
    dead_lettered_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_

        subject: None | str
        subject = self.subject

        record_id: None | str
        record_id = self.record_id

        reason: None | str
        reason = self.reason

        attempts = self.attempts

        created_at = self.created_at.isoformat()

        dead_lettered_at: None | str
        if isinstance(self.dead_lettered_at, datetime.datetime):
            dead_lettered_at = self.dead_lettered_at.isoformat()
        else:
            dead_lettered_at = self.dead_lettered_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "subject": subject,
                "record_id": record_id,
                "reason": reason,
                "attempts": attempts,
                "created_at": created_at,
                "dead_lettered_at": dead_lettered_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = d.pop("type")

        def _parse_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject = _parse_subject(d.pop("subject"))

        def _parse_record_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        record_id = _parse_record_id(d.pop("record_id"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_dead_lettered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dead_lettered_at_type_0 = datetime.datetime.fromisoformat(data)

                return dead_lettered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        dead_lettered_at = _parse_dead_lettered_at(d.pop("dead_lettered_at"))

        dead_letter = cls(
            id=id,
            type_=type_,
            subject=subject,
            record_id=record_id,
            reason=reason,
            attempts=attempts,
            created_at=created_at,
            dead_lettered_at=dead_lettered_at,
        )

        dead_letter.additional_properties = d
        return dead_letter

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
