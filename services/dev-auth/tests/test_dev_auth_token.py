"""The token endpoint: client authentication, scopes, claims and RFC 6749 errors."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from dev_auth.testing import demo_secret, mint_token

CLIENT_CREDENTIALS = {"grant_type": "client_credentials"}
POLICE_SCOPES = (
    "care-status:lookup incidents:write incidents:read notifications:read notifications:ack "
    "rules:read"
)


async def request_token(
    auth: httpx.AsyncClient, client_id: str, secret: str, **form: str
) -> httpx.Response:
    return await auth.post(
        "/oauth/token", data={**CLIENT_CREDENTIALS, **form}, auth=(client_id, secret)
    )


async def test_client_secret_basic_gives_a_token_with_every_claim(
    auth: httpx.AsyncClient, verify_token: Any
) -> None:
    response = await request_token(auth, "demo-met-custody", "demo-met-custody-secret")

    assert response.status_code == 200
    claims = (await verify_token(response.json()["access_token"])).claims
    assert claims["iss"] == "http://auth.test"
    assert claims["aud"] == "care-platform"
    assert claims["client_id"] == "demo-met-custody"
    assert claims["sub"] == "demo-met-custody"
    assert claims["org"] == "police-metropolitan"
    assert claims["scope"] == POLICE_SCOPES
    assert claims["exp"] - claims["iat"] == 3600
    assert abs(claims["iat"] - time.time()) < 60
    assert claims["jti"]


async def test_a_sandbox_client_s_token_carries_the_sandbox_claim(
    auth: httpx.AsyncClient, verify_token: Any
) -> None:
    sandbox = await request_token(auth, "sandbox-camden", "demo-sandbox-camden-secret")
    live = await request_token(auth, "demo-camden", "demo-camden-secret")

    claims = (await verify_token(sandbox.json()["access_token"])).claims
    assert (claims["org"], claims["sandbox"]) == ("E09000007", True)
    assert "sandbox" not in (await verify_token(live.json()["access_token"])).claims


async def test_client_secret_post_gives_a_token_with_every_claim(
    auth: httpx.AsyncClient, verify_token: Any
) -> None:
    response = await auth.post(
        "/oauth/token",
        data={
            **CLIENT_CREDENTIALS,
            "client_id": "demo-camden",
            "client_secret": "demo-camden-secret",
        },
    )

    assert response.status_code == 200
    claims = (await verify_token(response.json()["access_token"])).claims
    assert claims["client_id"] == "demo-camden"
    assert claims["org"] == "E09000007"
    assert "care-status:write" in claims["scope"].split()
    assert {"iss", "aud", "exp", "iat", "jti"} <= claims.keys()


async def test_token_response_is_a_bearer_token_not_to_be_cached(
    auth: httpx.AsyncClient,
) -> None:
    response = await request_token(auth, "demo-met-custody", "demo-met-custody-secret")

    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert body["scope"] == POLICE_SCOPES
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-type"] == "application/json"


async def test_token_header_names_the_signing_key(
    auth: httpx.AsyncClient, verify_token: Any
) -> None:
    token = await mint_token(auth, "demo-home-provider")

    header = (await verify_token(token)).header
    kids = [key["kid"] for key in (await auth.get("/jwks.json")).json()["keys"]]
    assert header["alg"] == "RS256"
    assert header["kid"] == kids[0]


async def test_jti_differs_between_tokens(auth: httpx.AsyncClient, verify_token: Any) -> None:
    first = await verify_token(await mint_token(auth, "demo-camden"))
    second = await verify_token(await mint_token(auth, "demo-camden"))

    assert first.claims["jti"] != second.claims["jti"]


async def test_requested_subset_of_allowed_scopes_is_granted(
    auth: httpx.AsyncClient, verify_token: Any
) -> None:
    response = await request_token(
        auth, "demo-met-custody", "demo-met-custody-secret", scope="care-status:lookup rules:read"
    )

    assert response.status_code == 200
    assert response.json()["scope"] == "care-status:lookup rules:read"
    claims = (await verify_token(response.json()["access_token"])).claims
    assert claims["scope"] == "care-status:lookup rules:read"


async def test_scope_the_client_may_not_have_is_invalid_scope(auth: httpx.AsyncClient) -> None:
    response = await request_token(
        auth,
        "demo-met-custody",
        "demo-met-custody-secret",
        scope="care-status:lookup care-status:write",
    )

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"


async def test_scope_no_client_has_is_invalid_scope(auth: httpx.AsyncClient) -> None:
    response = await request_token(
        auth, "demo-camden", "demo-camden-secret", scope="admin:everything"
    )

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"


async def test_wrong_secret_by_basic_is_401_invalid_client(auth: httpx.AsyncClient) -> None:
    response = await request_token(auth, "demo-camden", "not-the-secret")

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert response.headers["www-authenticate"].startswith("Basic ")
    assert "access_token" not in response.json()


async def test_wrong_secret_by_post_is_401_invalid_client(auth: httpx.AsyncClient) -> None:
    response = await auth.post(
        "/oauth/token",
        data={**CLIENT_CREDENTIALS, "client_id": "demo-camden", "client_secret": "nope"},
    )

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


@pytest.mark.parametrize("use_basic", [True, False], ids=["basic", "post"])
async def test_unknown_client_is_401_invalid_client(
    auth: httpx.AsyncClient, use_basic: bool
) -> None:
    credentials = {"client_id": "demo-nobody", "client_secret": "demo-nobody-secret"}
    if use_basic:
        response = await auth.post(
            "/oauth/token", data=CLIENT_CREDENTIALS, auth=("demo-nobody", "demo-nobody-secret")
        )
    else:
        response = await auth.post("/oauth/token", data={**CLIENT_CREDENTIALS, **credentials})

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


async def test_no_client_credentials_is_401_invalid_client(auth: httpx.AsyncClient) -> None:
    response = await auth.post("/oauth/token", data=CLIENT_CREDENTIALS)

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


async def test_a_client_without_redirect_uris_has_no_authorization_code_grant(
    auth: httpx.AsyncClient,
) -> None:
    response = await auth.post(
        "/oauth/token",
        data={"grant_type": "authorization_code", "code": "x"},
        auth=("demo-camden", "demo-camden-secret"),
    )

    assert response.status_code == 400
    assert response.json()["error"] == "unauthorized_client"


@pytest.mark.parametrize("grant_type", ["password", "refresh_token", ""])
async def test_other_grant_type_is_unsupported_grant_type(
    auth: httpx.AsyncClient, grant_type: str
) -> None:
    response = await auth.post(
        "/oauth/token",
        data={"grant_type": grant_type},
        auth=("demo-camden", "demo-camden-secret"),
    )

    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


async def test_json_body_is_invalid_request(auth: httpx.AsyncClient) -> None:
    response = await auth.post(
        "/oauth/token", json=CLIENT_CREDENTIALS, auth=("demo-camden", "demo-camden-secret")
    )

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


async def test_repeated_parameter_is_invalid_request(auth: httpx.AsyncClient) -> None:
    response = await auth.post(
        "/oauth/token",
        content=b"grant_type=client_credentials&scope=rules:read&scope=reports:read",
        headers={"content-type": "application/x-www-form-urlencoded"},
        auth=("demo-camden", "demo-camden-secret"),
    )

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


async def test_platform_services_token_carries_the_platform_org(
    auth: httpx.AsyncClient, verify_token: Any
) -> None:
    token = await mint_token(auth, "platform-services", "events:publish")

    claims = (await verify_token(token)).claims
    assert claims["org"] == "platform"
    assert claims["scope"] == "events:publish"


async def test_platform_services_secret_comes_from_the_setting(auth: httpx.AsyncClient) -> None:
    response = await request_token(auth, "platform-services", "platform-services-secret")

    assert response.status_code == 200
    assert response.json()["scope"] == (
        "events:publish care-status:lookup care-status:read care-status:facts"
    )


def test_demo_secret_reads_the_clients_file() -> None:
    assert demo_secret("demo-yot-derbyshire") == "demo-yot-derbyshire-secret"
    assert demo_secret("platform-services") == "platform-services-secret"
