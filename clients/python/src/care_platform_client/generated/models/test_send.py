from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TestSend")


@_attrs_define
class TestSend:
    """The attempt of a test send: what the receiver answered, and how fast.

    Attributes:
        webhook_id (str): The `webhook-id` of the test message (`test_...`)
        accepted (bool): The receiver answered 2xx
        status_code (int | None): Null when no answer came back
        duration_ms (int):
        error (None | str):
        response_excerpt (None | str): The first 500 bytes of the answer's body
        type_ (Literal['notification.test'] | Unset):  Default: 'notification.test'.
    """

    webhook_id: str
    accepted: bool
    status_code: int | None
    duration_ms: int
    error: None | str
    response_excerpt: None | str
    type_: Literal["notification.test"] | Unset = "notification.test"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        webhook_id = self.webhook_id

        accepted = self.accepted

        status_code: int | None
        status_code = self.status_code

        duration_ms = self.duration_ms

        error: None | str
        error = self.error

        response_excerpt: None | str
        response_excerpt = self.response_excerpt

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "webhook_id": webhook_id,
                "accepted": accepted,
                "status_code": status_code,
                "duration_ms": duration_ms,
                "error": error,
                "response_excerpt": response_excerpt,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        webhook_id = d.pop("webhook_id")

        accepted = d.pop("accepted")

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        duration_ms = d.pop("duration_ms")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_response_excerpt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        response_excerpt = _parse_response_excerpt(d.pop("response_excerpt"))

        type_ = cast(Literal["notification.test"] | Unset, d.pop("type", UNSET))
        if type_ != "notification.test" and not isinstance(type_, Unset):
            raise ValueError(
                f"type must match const 'notification.test', got '{type_}'"
            )

        test_send = cls(
            webhook_id=webhook_id,
            accepted=accepted,
            status_code=status_code,
            duration_ms=duration_ms,
            error=error,
            response_excerpt=response_excerpt,
            type_=type_,
        )

        test_send.additional_properties = d
        return test_send

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
