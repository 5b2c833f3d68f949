from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LookupAuditEntry")


@_attrs_define
class LookupAuditEntry:
    """One lookup (or platform facts read) about one of the caller's children.

    Attributes:
        id (UUID):
        at (datetime.datetime):
        caller_org (str):
        client_id (str):
        action (str):
        purpose (None | str):
        requester_reference (None | str):
        result (None | str):
        child_id (None | UUID):
        as_of (datetime.date | None):
        also_held_by (list[str] | None | Unset): Other authorities (GSS codes) holding a record the lookup also matched:
            a record of the same person to reconcile with them (docs/decisions.md D24)
    """

    id: UUID
    at: datetime.datetime
    caller_org: str
    client_id: str
    action: str
    purpose: None | str
    requester_reference: None | str
    result: None | str
    child_id: None | UUID
    as_of: datetime.date | None
    also_held_by: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        at = self.at.isoformat()

        caller_org = self.caller_org

        client_id = self.client_id

        action = self.action

        purpose: None | str
        purpose = self.purpose

        requester_reference: None | str
        requester_reference = self.requester_reference

        result: None | str
        result = self.result

        child_id: None | str
        if isinstance(self.child_id, UUID):
            child_id = str(self.child_id)
        else:
            child_id = self.child_id

        as_of: None | str
        if isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        also_held_by: list[str] | None | Unset
        if isinstance(self.also_held_by, Unset):
            also_held_by = UNSET
        elif isinstance(self.also_held_by, list):
            also_held_by = self.also_held_by

        else:
            also_held_by = self.also_held_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "caller_org": caller_org,
                "client_id": client_id,
                "action": action,
                "purpose": purpose,
                "requester_reference": requester_reference,
                "result": result,
                "child_id": child_id,
                "as_of": as_of,
            }
        )
        if also_held_by is not UNSET:
            field_dict["also_held_by"] = also_held_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        caller_org = d.pop("caller_org")

        client_id = d.pop("client_id")

        action = d.pop("action")

        def _parse_purpose(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        purpose = _parse_purpose(d.pop("purpose"))

        def _parse_requester_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requester_reference = _parse_requester_reference(d.pop("requester_reference"))

        def _parse_result(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        result = _parse_result(d.pop("result"))

        def _parse_child_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                child_id_type_0 = UUID(data)

                return child_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        child_id = _parse_child_id(d.pop("child_id"))

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

        def _parse_also_held_by(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                also_held_by_type_0 = cast(list[str], data)

                return also_held_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        also_held_by = _parse_also_held_by(d.pop("also_held_by", UNSET))

        lookup_audit_entry = cls(
            id=id,
            at=at,
            caller_org=caller_org,
            client_id=client_id,
            action=action,
            purpose=purpose,
            requester_reference=requester_reference,
            result=result,
            child_id=child_id,
            as_of=as_of,
            also_held_by=also_held_by,
        )

        lookup_audit_entry.additional_properties = d
        return lookup_audit_entry

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
