"""The OpenAPI document: every operation named, scoped and described with named schemas."""

from __future__ import annotations

from typing import Any

import pytest

from care_status.main import create_app
from care_status.settings import Settings

HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    app = create_app(Settings(_env_file=None, migrate_on_start=False, relay_in_process=False))
    return app.openapi()


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS and "health" not in operation.get("tags", [])
    ]


def _is_named(schema: dict[str, Any]) -> bool:
    return "$ref" in schema


def test_every_contract_operation_is_served(document: dict[str, Any]) -> None:
    served = {(method.upper(), path) for path, method, _ in _operations(document)}

    assert served == {
        ("POST", "/v1/children"),
        ("GET", "/v1/children"),
        ("GET", "/v1/children/{child_id}"),
        ("PATCH", "/v1/children/{child_id}"),
        ("POST", "/v1/children/{child_id}/legal-statuses"),
        ("GET", "/v1/children/{child_id}/legal-statuses/{legal_status_id}"),
        ("PATCH", "/v1/children/{child_id}/legal-statuses/{legal_status_id}"),
        ("POST", "/v1/children/{child_id}/placements"),
        ("GET", "/v1/children/{child_id}/placements/{placement_id}"),
        ("PATCH", "/v1/children/{child_id}/placements/{placement_id}"),
        ("PUT", "/v1/children/{child_id}/leaving-care"),
        ("PUT", "/v1/children/{child_id}/personal-adviser"),
        ("PUT", "/v1/children/{child_id}/consents/{purpose}"),
        ("POST", "/v1/lookups"),
        ("GET", "/v1/lookups/audit"),
        ("GET", "/v1/status-facts/{person_ref}"),
        ("GET", "/v1/status-facts/cohorts/continuously-looked-after"),
        ("GET", "/v1/children/{child_id}/access-log"),
        ("GET", "/v1/dead-letters"),
        ("POST", "/v1/dead-letters/{event_id}/retry"),
        ("POST", "/v1/imports"),
        ("GET", "/v1/imports/{import_id}"),
        ("GET", "/v1/imports/{import_id}/report"),
    }


def test_every_operation_has_a_readable_unique_operation_id(document: dict[str, Any]) -> None:
    ids = [operation.get("operationId") for _, _, operation in _operations(document)]

    assert all(ids)
    assert len(set(ids)) == len(ids)
    assert "children.create_child" in ids
    assert "lookups.lookup_person" in ids


def test_every_operation_requires_oauth2_with_scopes(document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        [requirement] = operation["security"]
        assert requirement.get("oauth2"), (method, path)


def test_every_operation_has_a_summary(document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        assert operation.get("summary") and operation.get("description"), (method, path)


def test_request_bodies_are_named_schemas(document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        if "requestBody" in operation:
            # JSON, or the upload of an import (a multipart form)
            [media] = operation["requestBody"]["content"].values()
            schema = media["schema"]
            assert _is_named(schema), (method, path)


def test_responses_are_named_schemas(document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        for status, response in operation["responses"].items():
            content = response.get("content", {})
            if status == "304":  # Not Modified has no body (RFC 9110 15.4.5)
                assert not content, (method, path)
                continue
            # A JSON body is a named schema; the access log's CSV export is text.
            json_media = {name: m for name, m in content.items() if name != "text/csv"}
            [media] = json_media.values()
            assert _is_named(media["schema"]), (method, path, status)


def test_scopes_are_the_documented_ones(document: dict[str, Any]) -> None:
    scopes = {
        (method.upper(), path): operation["security"][0]["oauth2"]
        for path, method, operation in _operations(document)
    }

    assert scopes[("POST", "/v1/lookups")] == ["care-status:lookup"]
    assert scopes[("GET", "/v1/lookups/audit")] == ["care-status:read"]
    assert scopes[("GET", "/v1/children/{child_id}")] == ["care-status:read"]
    assert scopes[("PATCH", "/v1/children/{child_id}")] == ["care-status:write"]
    assert scopes[("GET", "/v1/children/{child_id}/placements/{placement_id}")] == [
        "care-status:read"
    ]
    assert scopes[("GET", "/v1/status-facts/{person_ref}")] == ["care-status:facts"]
    assert scopes[("GET", "/v1/status-facts/cohorts/continuously-looked-after")] == [
        "care-status:facts"
    ]


def test_status_facts_is_a_named_schema_with_exactly_the_event_fields(
    document: dict[str, Any],
) -> None:
    schema = document["components"]["schemas"]["StatusFacts"]

    assert set(schema["properties"]) == {
        "person_ref",
        "effective_date",
        "status",
        "care_leaver_category",
        "age",
        "age_band",
        "under_18",
        "under_25",
        "responsible_authority",
        "area_authority",
        "placed_out_of_area",
        "legal_basis",
        "youth_justice_order",
        "notify_personal_adviser_consent",
        "placement_type",
        "legal_basis_day_before",
        "placement_provider",
        "short_break",
        "uasc",
    }
