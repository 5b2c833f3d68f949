from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_window_when import EventWindowWhen
    from ..models.later_event import LaterEvent


T = TypeVar("T", bound="EventWindow")


@_attrs_define
class EventWindow:
    """A duty with no fixed instant: met by acknowledgement, a breach if one of the
    `before_event` events arrives first (London CIF: before a charge is recorded).

        Attributes:
            before_event (list[LaterEvent]):
            when (EventWindowWhen | Unset):
    """

    before_event: list[LaterEvent]
    when: EventWindowWhen | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        before_event = []
        for before_event_item_data in self.before_event:
            before_event_item = before_event_item_data.to_dict()
            before_event.append(before_event_item)

        when: dict[str, Any] | Unset = UNSET
        if not isinstance(self.when, Unset):
            when = self.when.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "before_event": before_event,
            }
        )
        if when is not UNSET:
            field_dict["when"] = when

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.event_window_when import EventWindowWhen
        from ..models.later_event import LaterEvent

        d = dict(src_dict)
        before_event = []
        _before_event = d.pop("before_event")
        for before_event_item_data in _before_event:
            before_event_item = LaterEvent.from_dict(before_event_item_data)

            before_event.append(before_event_item)

        _when = d.pop("when", UNSET)
        when: EventWindowWhen | Unset
        if isinstance(_when, Unset):
            when = UNSET
        else:
            when = EventWindowWhen.from_dict(_when)

        event_window = cls(
            before_event=before_event,
            when=when,
        )

        return event_window
