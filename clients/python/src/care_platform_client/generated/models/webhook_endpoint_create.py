from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..models.recipient_role import RecipientRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEndpointCreate")


@_attrs_define
class WebhookEndpointCreate:
    """A Standard Webhooks receiver: https (loopback http in development mode).

    Attributes:
        channel (Literal['webhook']):
        url (str):
        roles (list[RecipientRole] | None | Unset): Only notifications to these recipient roles
        rules (list[str] | None | Unset): Only notifications of these rules
        name (None | str | Unset): A name to tell endpoints apart
        since (datetime.datetime | None | Unset): Backfill: the organisation's open notifications made since this
            instant (at most 90 days ago) are delivered to the new endpoint too, in sequence order. Default: none, only
            notifications made from now
        heartbeat_seconds (int | None | Unset):
    """

    channel: Literal["webhook"]
    url: str
    roles: list[RecipientRole] | None | Unset = UNSET
    rules: list[str] | None | Unset = UNSET
    name: None | str | Unset = UNSET
    since: datetime.datetime | None | Unset = UNSET
    heartbeat_seconds: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel

        url = self.url

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

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        since: None | str | Unset
        if isinstance(self.since, Unset):
            since = UNSET
        elif isinstance(self.since, datetime.datetime):
            since = self.since.isoformat()
        else:
            since = self.since

        heartbeat_seconds: int | None | Unset
        if isinstance(self.heartbeat_seconds, Unset):
            heartbeat_seconds = UNSET
        else:
            heartbeat_seconds = self.heartbeat_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "url": url,
            }
        )
        if roles is not UNSET:
            field_dict["roles"] = roles
        if rules is not UNSET:
            field_dict["rules"] = rules
        if name is not UNSET:
            field_dict["name"] = name
        if since is not UNSET:
            field_dict["since"] = since
        if heartbeat_seconds is not UNSET:
            field_dict["heartbeat_seconds"] = heartbeat_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel = cast(Literal["webhook"], d.pop("channel"))
        if channel != "webhook":
            raise ValueError(f"channel must match const 'webhook', got '{channel}'")

        url = d.pop("url")

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.datetime.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        since = _parse_since(d.pop("since", UNSET))

        def _parse_heartbeat_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        heartbeat_seconds = _parse_heartbeat_seconds(d.pop("heartbeat_seconds", UNSET))

        webhook_endpoint_create = cls(
            channel=channel,
            url=url,
            roles=roles,
            rules=rules,
            name=name,
            since=since,
            heartbeat_seconds=heartbeat_seconds,
        )

        return webhook_endpoint_create
