"""Registering push endpoints: what a webhook may point at, email addresses, tenancy."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import func, select

from notify.endpoints.addresses import AddressRefused, check_webhook_url
from notify.endpoints.models import Endpoint
from notify.main import create_app
from platform_shared.testing import InProcessService, serve_in_process

from .conftest import make_settings


@pytest.fixture
async def production(database_url: str, auth: Any) -> AsyncIterator[InProcessService]:
    settings = make_settings(
        database_url,
        environment="production",
        platform_client_secret="not-the-demo-secret",
        webhook_secret_keys="k1:" + base64.urlsafe_b64encode(b"k" * 32).decode(),
        proof_signing_key="test-log:" + base64.b64encode(b"s" * 32).decode(),
    )
    app = create_app(settings)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


async def _endpoints(service: InProcessService) -> int:
    async with service.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(Endpoint)) or 0)


async def test_webhook_registration_returns_a_whsec_secret_once(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")

    created = await camden.post(
        "/v1/endpoints", json={"channel": "webhook", "url": "http://127.0.0.1:9/hooks"}
    )
    listed = await camden.get("/v1/endpoints")

    assert created.status_code == 201
    assert created.json()["secret"].startswith("whsec_")
    assert listed.json()["items"][0]["id"] == created.json()["id"]
    assert "secret" not in listed.json()["items"][0]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://127.0.0.1/hooks", "https"),
        ("http://169.254.169.254/latest/meta-data", "metadata"),
        ("https://169.254.10.1/hooks", "link-local"),
        ("https://[fe80::1]/hooks", "link-local"),
        ("https://224.0.0.1/hooks", "multicast"),
        ("https://0.0.0.0/hooks", "routable"),
        ("https://user:pw@127.0.0.1/hooks", "credentials"),
    ],
)
async def test_webhook_url_is_refused_in_any_mode(
    service: InProcessService, url: str, reason: str
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post("/v1/endpoints", json={"channel": "webhook", "url": url})

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "body.url"
    assert reason in error["reason"]
    assert await _endpoints(service) == 0


@pytest.mark.parametrize(
    "url",
    ["https://127.0.0.1/hooks", "http://127.0.0.1:8080/hooks", "https://10.1.2.3/hooks"],
)
async def test_loopback_and_private_webhooks_are_refused_outside_development(
    production: InProcessService, url: str
) -> None:
    camden = await production.as_client("demo-camden")

    response = await camden.post("/v1/endpoints", json={"channel": "webhook", "url": url})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.url"
    assert await _endpoints(production) == 0


async def test_http_to_a_private_address_is_refused_even_in_development(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post(
        "/v1/endpoints", json={"channel": "webhook", "url": "http://192.168.1.10/hooks"}
    )

    assert response.status_code == 422


async def test_ipv4_mapped_ipv6_metadata_address_is_refused() -> None:
    with pytest.raises(AddressRefused, match="metadata"):
        await check_webhook_url("https://[::ffff:169.254.169.254]/x", development=True)


async def test_email_endpoint_is_registered_normalised(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post(
        "/v1/endpoints", json={"channel": "email", "address": "Duty-Team@camden.example"}
    )

    assert response.status_code == 201
    assert response.json()["address"] == "Duty-Team@camden.example"
    assert response.json()["secret"] is None


async def test_invalid_email_address_is_refused(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post(
        "/v1/endpoints", json={"channel": "email", "address": "duty team@@camden"}
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.address"
    assert await _endpoints(service) == 0


async def test_unknown_rule_filter_is_refused(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post(
        "/v1/endpoints",
        json={"channel": "email", "address": "a@camden.example", "rules": ["no-such-rule"]},
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.rules"


async def test_unknown_channel_is_refused(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post("/v1/endpoints", json={"channel": "pager", "number": "1"})

    assert response.status_code == 422


async def test_another_organisation_cannot_remove_an_endpoint(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")
    derbyshire = await service.as_client("demo-derbyshire")
    created = await camden.post(
        "/v1/endpoints", json={"channel": "email", "address": "a@camden.example"}
    )

    response = await derbyshire.delete(f"/v1/endpoints/{created.json()['id']}")

    assert response.status_code == 404
    assert len((await camden.get("/v1/endpoints")).json()["items"]) == 1


async def test_the_location_of_a_registration_reads_the_endpoint_back(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")
    created = await camden.post(
        "/v1/endpoints", json={"channel": "email", "address": "a@camden.example"}
    )

    read = await camden.get(created.headers["Location"])

    assert created.headers["Location"] == f"/v1/endpoints/{created.json()['id']}"
    assert read.status_code == 200
    assert read.json()["address"] == "a@camden.example"
    assert "secret" not in read.json()


async def test_another_organisations_endpoint_is_not_found(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")
    derbyshire = await service.as_client("demo-derbyshire")
    created = await camden.post(
        "/v1/endpoints", json={"channel": "email", "address": "a@camden.example"}
    )

    response = await derbyshire.get(created.headers["Location"])

    assert response.status_code == 404


async def test_removed_endpoint_is_no_longer_listed(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")
    created = await camden.post(
        "/v1/endpoints", json={"channel": "email", "address": "a@camden.example"}
    )

    removed = await camden.delete(f"/v1/endpoints/{created.json()['id']}")

    assert removed.status_code == 204
    assert (await camden.get("/v1/endpoints")).json()["items"] == []


async def test_managing_endpoints_needs_the_scope(service: InProcessService) -> None:
    police = await service.as_client("demo-met-custody")

    response = await police.get("/v1/endpoints")

    assert response.status_code == 403
