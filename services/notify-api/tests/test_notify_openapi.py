"""The OpenAPI document generated clients are made from: every enumeration is named."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from notify.main import create_app

from .conftest import make_settings


def _document() -> dict[str, Any]:
    return create_app(make_settings("sqlite+aiosqlite:///:memory:")).openapi()


def _enums(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], list[Any]]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield path, node["enum"]
        for key, value in node.items():
            yield from _enums(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _enums(value, (*path, str(index)))


def test_every_enumeration_is_a_named_component_schema() -> None:
    inline = [
        "/".join(path)
        for path, _ in _enums(_document())
        if not (len(path) == 3 and path[:2] == ("components", "schemas"))
    ]

    assert inline == []


def test_each_enumeration_is_defined_once() -> None:
    values = [tuple(sorted(enum)) for _, enum in _enums(_document())]

    assert len(values) == len(set(values))


def test_recipient_roles_are_one_schema_used_by_reference() -> None:
    document = _document()
    schemas = document["components"]["schemas"]
    [role_filter] = [
        p
        for p in document["paths"]["/v1/notifications"]["get"]["parameters"]
        if p["name"] == "role"
    ]
    reference = {"$ref": "#/components/schemas/RecipientRole"}

    assert schemas["Recipient"]["properties"]["role"] == reference
    assert reference in role_filter["schema"]["anyOf"]
    assert reference == schemas["RecipientRule"]["properties"]["role"]
    assert schemas["NotificationSummary"]["properties"]["status"]["$ref"].endswith(
        "/NotificationStatus"
    )
