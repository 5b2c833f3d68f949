from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccessLogEntry")


@_attrs_define
class AccessLogEntry:
    """One access to the child's record: who, when, why, with what outcome.

    Attributes:
        id (UUID):
        at (datetime.datetime):
        org (str): The reader's organisation (for a platform read: its caller)
        client_id (str): The reader's client (for a platform read: its caller)
        via_org (None | str): The platform service that read on the reader's behalf (its org)
        via_client_id (None | str): That platform service's client
        action (str): `lookup`, `status_facts.read`, `child.read`, `child.change`, ...
        purpose (None | str):
        outcome (None | str): The answer given (`looked_after`, `full`, ...), or `refused` for a 404
        as_of (datetime.date | None):
        requester_reference (None | str):
        also_held_by (list[str] | None): For a lookup: other authorities holding a record it also matched (D24)
    """

    id: UUID
    at: datetime.datetime
    org: str
    client_id: str
    via_org: None | str
    via_client_id: None | str
    action: str
    purpose: None | str
    outcome: None | str
    as_of: datetime.date | None
    requester_reference: None | str
    also_held_by: list[str] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        at = self.at.isoformat()

        org = self.org

        client_id = self.client_id

        via_org: None | str
        via_org = self.via_org

        via_client_id: None | str
        via_client_id = self.via_client_id

        action = self.action

        purpose: None | str
        purpose = self.purpose

        outcome: None | str
        outcome = self.outcome

        as_of: None | str
        if isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        requester_reference: None | str
        requester_reference = self.requester_reference

        also_held_by: list[str] | None
        if isinstance(self.also_held_by, list):
            also_held_by = self.also_held_by

        else:
            also_held_by = self.also_held_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "org": org,
                "client_id": client_id,
                "via_org": via_org,
                "via_client_id": via_client_id,
                "action": action,
                "purpose": purpose,
                "outcome": outcome,
                "as_of": as_of,
                "requester_reference": requester_reference,
                "also_held_by": also_held_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        org = d.pop("org")

        client_id = d.pop("client_id")

        def _parse_via_org(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        via_org = _parse_via_org(d.pop("via_org"))

        def _parse_via_client_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        via_client_id = _parse_via_client_id(d.pop("via_client_id"))

        action = d.pop("action")

        def _parse_purpose(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        purpose = _parse_purpose(d.pop("purpose"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_as_of(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        as_of = _parse_as_of(d.pop("as_of"))

        def _parse_requester_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requester_reference = _parse_requester_reference(d.pop("requester_reference"))

        def _parse_also_held_by(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                also_held_by_type_0 = cast(list[str], data)

                return also_held_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        also_held_by = _parse_also_held_by(d.pop("also_held_by"))

        access_log_entry = cls(
            id=id,
            at=at,
            org=org,
            client_id=client_id,
            via_org=via_org,
            via_client_id=via_client_id,
            action=action,
            purpose=purpose,
            outcome=outcome,
            as_of=as_of,
            requester_reference=requester_reference,
            also_held_by=also_held_by,
        )

        access_log_entry.additional_properties = d
        return access_log_entry

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
