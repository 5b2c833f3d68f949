from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TestSendData")


@_attrs_define
class TestSendData:
    """What a test send carries: no person, only the endpoint it tests.

    Attributes:
        endpoint_id (str):
        org (str):
        test (bool):
        message (str):
    """

    endpoint_id: str
    org: str
    test: bool
    message: str

    def to_dict(self) -> dict[str, Any]:
        endpoint_id = self.endpoint_id

        org = self.org

        test = self.test

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "endpoint_id": endpoint_id,
                "org": org,
                "test": test,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endpoint_id = d.pop("endpoint_id")

        org = d.pop("org")

        test = d.pop("test")

        message = d.pop("message")

        test_send_data = cls(
            endpoint_id=endpoint_id,
            org=org,
            test=test,
            message=message,
        )

        return test_send_data
