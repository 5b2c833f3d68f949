"""What an integrator reads in each service's OpenAPI document before writing a line.

Response headers a client relies on are documented where they are sent: `Location` (and
the version's `ETag`) on every 201 of a versioned record, `ETag` on the answers of every
operation that takes `If-Match` or `If-None-Match`, and a 304 wherever `If-None-Match` is
taken. The document names the service's URL (`servers`) and an absolute token URL, and
every operation documents the 400 that an unknown query parameter gets.
"""

from __future__ import annotations

from typing import Any

import pytest

from care_status.main import create_app as create_care_status_app
from care_status.settings import Settings as CareStatusSettings
from incidents.main import create_app as create_incident_app
from incidents.settings import Settings as IncidentSettings
from notify.main import create_app as create_notify_app
from notify.settings import Settings as NotifySettings

HTTP_METHODS = {"get", "put", "post", "delete", "patch"}
COMMON: dict[str, Any] = {
    "_env_file": None,
    "migrate_on_start": False,
    "relay_in_process": False,
    "public_url": "https://care.example/api",
    "oauth_issuer": "https://issuer.example/realms/care",
}


def _documents() -> dict[str, dict[str, Any]]:
    return {
        "care-status-api": create_care_status_app(CareStatusSettings(**COMMON)).openapi(),
        "incident-api": create_incident_app(IncidentSettings(**COMMON)).openapi(),
        "notify-api": create_notify_app(NotifySettings(**COMMON)).openapi(),
    }


DOCUMENTS = _documents()


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS and "health" not in operation.get("tags", [])
    ]


def _header_parameters(operation: dict[str, Any]) -> set[str]:
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}


@pytest.mark.parametrize("service", DOCUMENTS)
def test_every_201_documents_location(service: str) -> None:
    missing = [
        f"{method.upper()} {path}"
        for method, path, operation in _operations(DOCUMENTS[service])
        if "201" in operation["responses"]
        and "Location" not in operation["responses"]["201"].get("headers", {})
    ]

    assert not missing, missing


@pytest.mark.parametrize("service", DOCUMENTS)
def test_versioned_operations_document_their_etag(service: str) -> None:
    missing = []
    for method, path, operation in _operations(DOCUMENTS[service]):
        conditional = _header_parameters(operation) & {"If-Match", "If-None-Match"}
        if not conditional:
            continue
        success = [r for status, r in operation["responses"].items() if status.startswith("2")]
        if not any("ETag" in r.get("headers", {}) for r in success):
            missing.append(f"{method.upper()} {path}: ETag")
        if "If-None-Match" in conditional and "304" not in operation["responses"]:
            missing.append(f"{method.upper()} {path}: 304")

    assert not missing, missing


@pytest.mark.parametrize("service", DOCUMENTS)
def test_the_document_names_the_server_and_an_absolute_token_url(service: str) -> None:
    document = DOCUMENTS[service]
    flow = document["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]

    assert document["servers"][0]["url"] == "https://care.example/api"
    assert flow["tokenUrl"] == "https://issuer.example/realms/care/oauth/token"


@pytest.mark.parametrize("service", DOCUMENTS)
def test_every_operation_documents_the_400_of_an_unknown_query_parameter(service: str) -> None:
    missing = [
        f"{method.upper()} {path}"
        for method, path, operation in _operations(DOCUMENTS[service])
        if "query parameter" not in operation["responses"].get("400", {}).get("description", "")
    ]

    assert not missing, missing


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_the_docs_pages_load_nothing_from_another_host(page: str) -> None:
    import re

    import httpx

    app = create_notify_app(NotifySettings(**COMMON))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://notify.test") as http:
        html = (await http.get(page)).text
        assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
        assets += re.findall(r"""url: ['"]([^'"]+)['"]""", html)
        answers = [(asset, (await http.get(asset)).status_code) for asset in assets]

    assert assets
    assert all(asset.startswith("/") and not asset.startswith("//") for asset in assets), assets
    assert all(status == 200 for _, status in answers), answers
