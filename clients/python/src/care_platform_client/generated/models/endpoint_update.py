from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.recipient_role import RecipientRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="EndpointUpdate")


@_attrs_define
class EndpointUpdate:
    """A change of an endpoint: only the fields given change (null clears a filter or name).

    Attributes:
        enabled (bool | None | Unset): true re-enables a disabled endpoint (after a 410 or an automatic disable; a
            webhook's URL is checked again); false disables it
        name (None | str | Unset):
        roles (list[RecipientRole] | None | Unset):
        rules (list[str] | None | Unset):
        heartbeat_seconds (int | None | Unset): A webhook's heartbeat when idle; null: none
    """

    enabled: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    roles: list[RecipientRole] | None | Unset = UNSET
    rules: list[str] | None | Unset = UNSET
    heartbeat_seconds: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item = roles_type_0_item_data.value
                roles.append(roles_type_0_item)

        else:
            roles = self.roles

        rules: list[str] | None | Unset
        if isinstance(self.rules, Unset):
            rules = UNSET
        elif isinstance(self.rules, list):
            rules = self.rules

        else:
            rules = self.rules

        heartbeat_seconds: int | None | Unset
        if isinstance(self.heartbeat_seconds, Unset):
            heartbeat_seconds = UNSET
        else:
            heartbeat_seconds = self.heartbeat_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if name is not UNSET:
            field_dict["name"] = name
        if roles is not UNSET:
            field_dict["roles"] = roles
        if rules is not UNSET:
            field_dict["rules"] = rules
        if heartbeat_seconds is not UNSET:
            field_dict["heartbeat_seconds"] = heartbeat_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_roles(data: object) -> list[RecipientRole] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = []
                _roles_type_0 = data
                for roles_type_0_item_data in _roles_type_0:
                    roles_type_0_item = RecipientRole(roles_type_0_item_data)

                    roles_type_0.append(roles_type_0_item)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RecipientRole] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_rules(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rules_type_0 = cast(list[str], data)

                return rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        rules = _parse_rules(d.pop("rules", UNSET))

        def _parse_heartbeat_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        heartbeat_seconds = _parse_heartbeat_seconds(d.pop("heartbeat_seconds", UNSET))

        endpoint_update = cls(
            enabled=enabled,
            name=name,
            roles=roles,
            rules=rules,
            heartbeat_seconds=heartbeat_seconds,
        )

        return endpoint_update
