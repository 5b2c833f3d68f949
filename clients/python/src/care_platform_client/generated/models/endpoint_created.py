from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..types import UNSET, Unset

T = TypeVar("T", bound="EndpointCreated")


@_attrs_define
class EndpointCreated:
    """The new endpoint; a webhook's `whsec_` signing secret is shown here only.

    Attributes:
        id (UUID):
        channel (Channel):
        url (None | str):
        address (None | str):
        name (None | str):
        roles (list[str] | None):
        rules (list[str] | None):
        enabled (bool):
        disabled_reason (None | str):
        disabled_at (datetime.datetime | None):
        failing_since (datetime.datetime | None): The first attempt of the current run of attempts not accepted (null
            after an accepted one): warned after 24 hours, disabled after 5 days
        created_at (datetime.datetime):
        secret (None | str): `whsec_...` for a webhook; store it now. Shown this once: null for an email endpoint and in
            the replay of an `Idempotency-Key` (rotate the secret with `POST /v1/endpoints/{id}/secret` if the first answer
            was lost)
        heartbeat_seconds (int | None | Unset): The heartbeat when idle (null: none)
        backfilled (int | Unset): How many earlier notifications `since` enqueued to it Default: 0.
    """

    id: UUID
    channel: Channel
    url: None | str
    address: None | str
    name: None | str
    roles: list[str] | None
    rules: list[str] | None
    enabled: bool
    disabled_reason: None | str
    disabled_at: datetime.datetime | None
    failing_since: datetime.datetime | None
    created_at: datetime.datetime
    secret: None | str
    heartbeat_seconds: int | None | Unset = UNSET
    backfilled: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        channel = self.channel.value

        url: None | str
        url = self.url

        address: None | str
        address = self.address

        name: None | str
        name = self.name

        roles: list[str] | None
        if isinstance(self.roles, list):
            roles = self.roles

        else:
            roles = self.roles

        rules: list[str] | None
        if isinstance(self.rules, list):
            rules = self.rules

        else:
            rules = self.rules

        enabled = self.enabled

        disabled_reason: None | str
        disabled_reason = self.disabled_reason

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        failing_since: None | str
        if isinstance(self.failing_since, datetime.datetime):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since

        created_at = self.created_at.isoformat()

        secret: None | str
        secret = self.secret

        heartbeat_seconds: int | None | Unset
        if isinstance(self.heartbeat_seconds, Unset):
            heartbeat_seconds = UNSET
        else:
            heartbeat_seconds = self.heartbeat_seconds

        backfilled = self.backfilled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "channel": channel,
                "url": url,
                "address": address,
                "name": name,
                "roles": roles,
                "rules": rules,
                "enabled": enabled,
                "disabled_reason": disabled_reason,
                "disabled_at": disabled_at,
                "failing_since": failing_since,
                "created_at": created_at,
                "secret": secret,
            }
        )
        if heartbeat_seconds is not UNSET:
            field_dict["heartbeat_seconds"] = heartbeat_seconds
        if backfilled is not UNSET:
            field_dict["backfilled"] = backfilled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        channel = Channel(d.pop("channel"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_roles(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = cast(list[str], data)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        roles = _parse_roles(d.pop("roles"))

        def _parse_rules(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rules_type_0 = cast(list[str], data)

                return rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        rules = _parse_rules(d.pop("rules"))

        enabled = d.pop("enabled")

        def _parse_disabled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        def _parse_failing_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failing_since_type_0 = datetime.datetime.fromisoformat(data)

                return failing_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        failing_since = _parse_failing_since(d.pop("failing_since"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_secret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        secret = _parse_secret(d.pop("secret"))

        def _parse_heartbeat_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        heartbeat_seconds = _parse_heartbeat_seconds(d.pop("heartbeat_seconds", UNSET))

        backfilled = d.pop("backfilled", UNSET)

        endpoint_created = cls(
            id=id,
            channel=channel,
            url=url,
            address=address,
            name=name,
            roles=roles,
            rules=rules,
            enabled=enabled,
            disabled_reason=disabled_reason,
            disabled_at=disabled_at,
            failing_since=failing_since,
            created_at=created_at,
            secret=secret,
            heartbeat_seconds=heartbeat_seconds,
            backfilled=backfilled,
        )

        endpoint_created.additional_properties = d
        return endpoint_created

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
