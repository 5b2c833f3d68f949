from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rule_figures import RuleFigures
    from ..models.unmatched_events import UnmatchedEvents


T = TypeVar("T", bound="Figures")


@_attrs_define
class Figures:
    """
    Attributes:
        organisation (str):
        period_from (datetime.datetime | None):
        period_to (datetime.datetime | None):
        rules (list[RuleFigures]):
        unmatched_events (list[UnmatchedEvents]):
    """

    organisation: str
    period_from: datetime.datetime | None
    period_to: datetime.datetime | None
    rules: list[RuleFigures]
    unmatched_events: list[UnmatchedEvents]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organisation = self.organisation

        period_from: None | str
        if isinstance(self.period_from, datetime.datetime):
            period_from = self.period_from.isoformat()
        else:
            period_from = self.period_from

        period_to: None | str
        if isinstance(self.period_to, datetime.datetime):
            period_to = self.period_to.isoformat()
        else:
            period_to = self.period_to

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        unmatched_events = []
        for unmatched_events_item_data in self.unmatched_events:
            unmatched_events_item = unmatched_events_item_data.to_dict()
            unmatched_events.append(unmatched_events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organisation": organisation,
                "period_from": period_from,
                "period_to": period_to,
                "rules": rules,
                "unmatched_events": unmatched_events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rule_figures import RuleFigures
        from ..models.unmatched_events import UnmatchedEvents

        d = dict(src_dict)
        organisation = d.pop("organisation")

        def _parse_period_from(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_from_type_0 = datetime.datetime.fromisoformat(data)

                return period_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        period_from = _parse_period_from(d.pop("period_from"))

        def _parse_period_to(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_to_type_0 = datetime.datetime.fromisoformat(data)

                return period_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        period_to = _parse_period_to(d.pop("period_to"))

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = RuleFigures.from_dict(rules_item_data)

            rules.append(rules_item)

        unmatched_events = []
        _unmatched_events = d.pop("unmatched_events")
        for unmatched_events_item_data in _unmatched_events:
            unmatched_events_item = UnmatchedEvents.from_dict(
                unmatched_events_item_data
            )

            unmatched_events.append(unmatched_events_item)

        figures = cls(
            organisation=organisation,
            period_from=period_from,
            period_to=period_to,
            rules=rules,
            unmatched_events=unmatched_events,
        )

        figures.additional_properties = d
        return figures

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
