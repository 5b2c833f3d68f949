from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition_trace import ConditionTrace
    from ..models.skipped_day import SkippedDay


T = TypeVar("T", bound="DeadlineTrace")


@_attrs_define
class DeadlineTrace:
    """How the deadline was computed.

    Attributes:
        anchor (None | str): The fact the window counts from (`time`: the event)
        anchor_value (None | str):
        unit (None | str):
        amount (int | None):
        direction (None | str):
        due_at (datetime.datetime | None):
        skipped (list[SkippedDay] | Unset):
        window_when (list[ConditionTrace] | Unset): Why this window of the rule was chosen
        recurrence (None | str | Unset):
        reminder_at (datetime.datetime | None | Unset): When the recipient is reminded (the escalation ladder)
        before_event (None | str | Unset):
    """

    anchor: None | str
    anchor_value: None | str
    unit: None | str
    amount: int | None
    direction: None | str
    due_at: datetime.datetime | None
    skipped: list[SkippedDay] | Unset = UNSET
    window_when: list[ConditionTrace] | Unset = UNSET
    recurrence: None | str | Unset = UNSET
    reminder_at: datetime.datetime | None | Unset = UNSET
    before_event: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anchor: None | str
        anchor = self.anchor

        anchor_value: None | str
        anchor_value = self.anchor_value

        unit: None | str
        unit = self.unit

        amount: int | None
        amount = self.amount

        direction: None | str
        direction = self.direction

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        skipped: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skipped, Unset):
            skipped = []
            for skipped_item_data in self.skipped:
                skipped_item = skipped_item_data.to_dict()
                skipped.append(skipped_item)

        window_when: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.window_when, Unset):
            window_when = []
            for window_when_item_data in self.window_when:
                window_when_item = window_when_item_data.to_dict()
                window_when.append(window_when_item)

        recurrence: None | str | Unset
        if isinstance(self.recurrence, Unset):
            recurrence = UNSET
        else:
            recurrence = self.recurrence

        reminder_at: None | str | Unset
        if isinstance(self.reminder_at, Unset):
            reminder_at = UNSET
        elif isinstance(self.reminder_at, datetime.datetime):
            reminder_at = self.reminder_at.isoformat()
        else:
            reminder_at = self.reminder_at

        before_event: None | str | Unset
        if isinstance(self.before_event, Unset):
            before_event = UNSET
        else:
            before_event = self.before_event

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anchor": anchor,
                "anchor_value": anchor_value,
                "unit": unit,
                "amount": amount,
                "direction": direction,
                "due_at": due_at,
            }
        )
        if skipped is not UNSET:
            field_dict["skipped"] = skipped
        if window_when is not UNSET:
            field_dict["window_when"] = window_when
        if recurrence is not UNSET:
            field_dict["recurrence"] = recurrence
        if reminder_at is not UNSET:
            field_dict["reminder_at"] = reminder_at
        if before_event is not UNSET:
            field_dict["before_event"] = before_event

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.condition_trace import ConditionTrace
        from ..models.skipped_day import SkippedDay

        d = dict(src_dict)

        def _parse_anchor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        anchor = _parse_anchor(d.pop("anchor"))

        def _parse_anchor_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        anchor_value = _parse_anchor_value(d.pop("anchor_value"))

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))

        def _parse_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_direction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        direction = _parse_direction(d.pop("direction"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        _skipped = d.pop("skipped", UNSET)
        skipped: list[SkippedDay] | Unset = UNSET
        if _skipped is not UNSET:
            skipped = []
            for skipped_item_data in _skipped:
                skipped_item = SkippedDay.from_dict(skipped_item_data)

                skipped.append(skipped_item)

        _window_when = d.pop("window_when", UNSET)
        window_when: list[ConditionTrace] | Unset = UNSET
        if _window_when is not UNSET:
            window_when = []
            for window_when_item_data in _window_when:
                window_when_item = ConditionTrace.from_dict(window_when_item_data)

                window_when.append(window_when_item)

        def _parse_recurrence(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recurrence = _parse_recurrence(d.pop("recurrence", UNSET))

        def _parse_reminder_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminder_at_type_0 = datetime.datetime.fromisoformat(data)

                return reminder_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reminder_at = _parse_reminder_at(d.pop("reminder_at", UNSET))

        def _parse_before_event(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        before_event = _parse_before_event(d.pop("before_event", UNSET))

        deadline_trace = cls(
            anchor=anchor,
            anchor_value=anchor_value,
            unit=unit,
            amount=amount,
            direction=direction,
            due_at=due_at,
            skipped=skipped,
            window_when=window_when,
            recurrence=recurrence,
            reminder_at=reminder_at,
            before_event=before_event,
        )

        deadline_trace.additional_properties = d
        return deadline_trace

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
