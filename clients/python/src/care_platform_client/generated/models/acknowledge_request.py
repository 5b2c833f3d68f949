from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AcknowledgeRequest")


@_attrs_define
class AcknowledgeRequest:
    """What an acknowledgement may say beyond "done"; the body is optional.

    Attributes:
        by (None | str | Unset): The person or team acknowledging (kept with the notification and shown to the duty
            holder; never logged)
        note (None | str | Unset):
        action (None | str | Unset): The action taken
        visited_on (datetime.date | None | Unset): A visit duty (custody visits, national protocol 8.5): the day the
            visit was actually made (Europe/London), not in the future and not before the sentence. The next visit falls due
            the interval after it (never later than the series from the sentence date). Without it, the acknowledgement's
            day counts as the visit. Refused (422) on a notification that is not a visit
    """

    by: None | str | Unset = UNSET
    note: None | str | Unset = UNSET
    action: None | str | Unset = UNSET
    visited_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        by: None | str | Unset
        if isinstance(self.by, Unset):
            by = UNSET
        else:
            by = self.by

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        else:
            action = self.action

        visited_on: None | str | Unset
        if isinstance(self.visited_on, Unset):
            visited_on = UNSET
        elif isinstance(self.visited_on, datetime.date):
            visited_on = self.visited_on.isoformat()
        else:
            visited_on = self.visited_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if by is not UNSET:
            field_dict["by"] = by
        if note is not UNSET:
            field_dict["note"] = note
        if action is not UNSET:
            field_dict["action"] = action
        if visited_on is not UNSET:
            field_dict["visited_on"] = visited_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        by = _parse_by(d.pop("by", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action = _parse_action(d.pop("action", UNSET))

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

        acknowledge_request = cls(
            by=by,
            note=note,
            action=action,
            visited_on=visited_on,
        )

        return acknowledge_request
