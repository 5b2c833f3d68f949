"""Discovery document, JWKS, health and the OpenAPI document."""

from __future__ import annotations

import shutil

import httpx

from dev_auth.settings import DevAuthSettings


async def test_discovery_document_points_at_the_issuer_endpoints(auth: httpx.AsyncClient) -> None:
    response = await auth.get("/.well-known/openid-configuration")

    assert response.status_code == 200
    document = response.json()
    assert document["issuer"] == "http://auth.test"
    assert document["token_endpoint"] == "http://auth.test/oauth/token"
    assert document["jwks_uri"] == "http://auth.test/jwks.json"
    assert document["grant_types_supported"] == ["client_credentials", "authorization_code"]
    assert document["authorization_endpoint"] == "http://auth.test/oauth/authorize"
    assert document["code_challenge_methods_supported"] == ["S256"]
    assert document["token_endpoint_auth_methods_supported"] == [
        "client_secret_basic",
        "client_secret_post",
    ]
    assert document["id_token_signing_alg_values_supported"] == ["RS256"]


async def test_discovery_document_lists_every_scope_a_client_may_ask_for(
    auth: httpx.AsyncClient,
) -> None:
    document = (await auth.get("/.well-known/openid-configuration")).json()

    assert document["scopes_supported"] == [
        "care-status:facts",
        "care-status:lookup",
        "care-status:read",
        "care-status:write",
        "endpoints:manage",
        "events:publish",
        "incidents:read",
        "incidents:write",
        "notifications:ack",
        "notifications:read",
        "openid",
        "reports:read",
        "rules:read",
    ]


async def test_jwks_publishes_public_keys_only(auth: httpx.AsyncClient) -> None:
    response = await auth.get("/jwks.json")

    assert response.status_code == 200
    [key] = response.json()["keys"]
    assert key["kty"] == "RSA"
    assert key["alg"] == "RS256"
    assert key["use"] == "sig"
    assert key["kid"]
    assert not {"d", "p", "q", "dp", "dq", "qi"} & key.keys()


async def test_healthz_is_ok(auth: httpx.AsyncClient) -> None:
    response = await auth.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_ok_when_a_key_is_loaded(auth: httpx.AsyncClient) -> None:
    response = await auth.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_503_and_token_is_503_when_the_keys_are_gone(
    auth: httpx.AsyncClient, dev_auth_settings: DevAuthSettings
) -> None:
    shutil.rmtree(dev_auth_settings.key_dir / "keys")

    ready = await auth.get("/readyz")
    token = await auth.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("demo-camden", "demo-camden-secret"),
    )

    assert ready.status_code == 503
    assert ready.json() == {"status": "unavailable"}
    assert token.status_code == 503
    assert token.json()["error"] == "temporarily_unavailable"


async def test_openapi_has_readable_operation_ids_and_the_token_form(
    auth: httpx.AsyncClient,
) -> None:
    document = (await auth.get("/openapi.json")).json()

    token_operation = document["paths"]["/oauth/token"]["post"]
    assert token_operation["operationId"] == "oauth.issue_token"
    form = token_operation["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert form["schema"] == {"$ref": "#/components/schemas/TokenRequestForm"}
    assert "TokenRequestForm" in document["components"]["schemas"]
    assert document["paths"]["/jwks.json"]["get"]["operationId"] == "discovery.get_jwks"


async def test_the_token_endpoint_answers_a_browser_preflight(auth: httpx.AsyncClient) -> None:
    # Swagger UI's "Authorize" on a service's /docs posts here from the service's origin,
    # with the client's id and secret in an Authorization header.
    response = await auth.options(
        "/oauth/token",
        headers={
            "Origin": "http://127.0.0.1:8003",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    )

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] in ("*", "http://127.0.0.1:8003")
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "authorization" in response.headers["access-control-allow-headers"].lower()
