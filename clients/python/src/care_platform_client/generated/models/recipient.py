from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recipient_role import RecipientRole

T = TypeVar("T", bound="Recipient")


@_attrs_define
class Recipient:
    """Who the notification is for: an organisation code and the role it receives in.

    Attributes:
        org (str):
        role (RecipientRole): The role an organisation receives a notification in.

            A rule may address every role but the service's own: the escalation ladder's
            `escalation_contact` (the recipient's own), `duty_holder`, `escalation` (the responsible
            authority's head of service) and `emergency_duty` (its out-of-hours team), and
            `platform` (a notice such as a disabled endpoint).
    """

    org: str
    role: RecipientRole
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org = self.org

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org": org,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        org = d.pop("org")

        role = RecipientRole(d.pop("role"))

        recipient = cls(
            org=org,
            role=role,
        )

        recipient.additional_properties = d
        return recipient

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
