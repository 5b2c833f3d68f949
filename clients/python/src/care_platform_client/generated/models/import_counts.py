from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportCounts")


@_attrs_define
class ImportCounts:
    """
    Attributes:
        children_created (int | Unset):  Default: 0.
        children_changed (int | Unset):  Default: 0.
        children_unchanged (int | Unset):  Default: 0.
        children_refused (int | Unset):  Default: 0.
        episodes (int | Unset): Legal statuses and placements of the children Default: 0.
        events_emitted (int | Unset):  Default: 0.
        validation_seconds (float | None | Unset):
        loading_seconds (float | None | Unset):
    """

    children_created: int | Unset = 0
    children_changed: int | Unset = 0
    children_unchanged: int | Unset = 0
    children_refused: int | Unset = 0
    episodes: int | Unset = 0
    events_emitted: int | Unset = 0
    validation_seconds: float | None | Unset = UNSET
    loading_seconds: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        children_created = self.children_created

        children_changed = self.children_changed

        children_unchanged = self.children_unchanged

        children_refused = self.children_refused

        episodes = self.episodes

        events_emitted = self.events_emitted

        validation_seconds: float | None | Unset
        if isinstance(self.validation_seconds, Unset):
            validation_seconds = UNSET
        else:
            validation_seconds = self.validation_seconds

        loading_seconds: float | None | Unset
        if isinstance(self.loading_seconds, Unset):
            loading_seconds = UNSET
        else:
            loading_seconds = self.loading_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if children_created is not UNSET:
            field_dict["children_created"] = children_created
        if children_changed is not UNSET:
            field_dict["children_changed"] = children_changed
        if children_unchanged is not UNSET:
            field_dict["children_unchanged"] = children_unchanged
        if children_refused is not UNSET:
            field_dict["children_refused"] = children_refused
        if episodes is not UNSET:
            field_dict["episodes"] = episodes
        if events_emitted is not UNSET:
            field_dict["events_emitted"] = events_emitted
        if validation_seconds is not UNSET:
            field_dict["validation_seconds"] = validation_seconds
        if loading_seconds is not UNSET:
            field_dict["loading_seconds"] = loading_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        children_created = d.pop("children_created", UNSET)

        children_changed = d.pop("children_changed", UNSET)

        children_unchanged = d.pop("children_unchanged", UNSET)

        children_refused = d.pop("children_refused", UNSET)

        episodes = d.pop("episodes", UNSET)

        events_emitted = d.pop("events_emitted", UNSET)

        def _parse_validation_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        validation_seconds = _parse_validation_seconds(
            d.pop("validation_seconds", UNSET)
        )

        def _parse_loading_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        loading_seconds = _parse_loading_seconds(d.pop("loading_seconds", UNSET))

        import_counts = cls(
            children_created=children_created,
            children_changed=children_changed,
            children_unchanged=children_unchanged,
            children_refused=children_refused,
            episodes=episodes,
            events_emitted=events_emitted,
            validation_seconds=validation_seconds,
            loading_seconds=loading_seconds,
        )

        import_counts.additional_properties = d
        return import_counts

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
