from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.later_event_match import LaterEventMatch
    from ..models.later_event_when import LaterEventWhen


T = TypeVar("T", bound="LaterEvent")


@_attrs_define
class LaterEvent:
    """A later event that makes a `before_event` duty a breach when it comes first.

    Attributes:
        event (str):
        match (LaterEventMatch):
        when (LaterEventWhen | Unset):
    """

    event: str
    match: LaterEventMatch
    when: LaterEventWhen | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        event = self.event

        match = self.match.to_dict()

        when: dict[str, Any] | Unset = UNSET
        if not isinstance(self.when, Unset):
            when = self.when.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event": event,
                "match": match,
            }
        )
        if when is not UNSET:
            field_dict["when"] = when

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.later_event_match import LaterEventMatch
        from ..models.later_event_when import LaterEventWhen

        d = dict(src_dict)
        event = d.pop("event")

        match = LaterEventMatch.from_dict(d.pop("match"))

        _when = d.pop("when", UNSET)
        when: LaterEventWhen | Unset
        if isinstance(_when, Unset):
            when = UNSET
        else:
            when = LaterEventWhen.from_dict(_when)

        later_event = cls(
            event=event,
            match=match,
            when=when,
        )

        return later_event
