"""Bearer-token verification: real tokens pass; forged, stale or misdirected ones are 401.

Valid tokens come from the real development authorization server. The forged ones are
made here on purpose, signed with the server's own key where the point is that a good
signature is not enough.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from dev_auth.keys import KeyStore
from dev_auth.main import create_app as create_auth_app
from dev_auth.settings import DevAuthSettings
from dev_auth.testing import mint_token
from platform_shared.auth import TokenVerifier
from platform_shared.problems import Unauthorized
from platform_shared.testing import InProcessService

ISSUER = "http://127.0.0.1:8000"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": "care-platform",
        "iat": now,
        "exp": now + 600,
        "jti": "forged",
        "client_id": "demo-camden",
        "sub": "demo-camden",
        "scope": "rules:read",
        "org": "E09000007",
    }
    claims.update(overrides)
    return claims


def _signing_key(key_dir: Path) -> RSAKey:
    return KeyStore(key_dir, token_lifetime_seconds=3600).signing_key().private_key


def _sign(key: RSAKey, claims: dict[str, Any]) -> str:
    return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)


async def _whoami(service: InProcessService, token: str | None) -> httpx.Response:
    client = await service.as_client(None)
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return await client.get("/v1/whoami", headers=headers)


def _assert_invalid_token(response: httpx.Response) -> None:
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer ")
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


async def test_token_from_the_authorization_server_passes(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.get("/v1/whoami")

    assert response.status_code == 200
    assert response.json() == {"org": "E09000007", "client_id": "demo-camden"}


async def test_no_token_is_401_with_a_challenge(service: InProcessService) -> None:
    response = await _whoami(service, None)

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer ")


async def test_missing_scope_is_403(service: InProcessService, auth: Any) -> None:
    token = await auth.token("demo-camden", "care-status:read")

    response = await _whoami(service, token)

    assert response.status_code == 403
    assert "rules:read" in response.json()["detail"]
    assert 'error="insufficient_scope"' in response.headers["www-authenticate"]


async def test_expired_token_is_401(service: InProcessService, auth_key_dir: Path) -> None:
    past = int(time.time()) - 3600
    token = _sign(_signing_key(auth_key_dir), _claims(iat=past - 600, exp=past))

    _assert_invalid_token(await _whoami(service, token))


async def test_not_yet_valid_token_is_401(service: InProcessService, auth_key_dir: Path) -> None:
    future = int(time.time()) + 3600
    token = _sign(_signing_key(auth_key_dir), _claims(nbf=future, exp=future + 600))

    _assert_invalid_token(await _whoami(service, token))


async def test_token_within_clock_leeway_passes(
    service: InProcessService, auth_key_dir: Path
) -> None:
    token = _sign(_signing_key(auth_key_dir), _claims(exp=int(time.time()) - 5))

    response = await _whoami(service, token)

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("setting", "value"),
    [("issuer", "http://other-issuer.example"), ("audience", "another-api")],
    ids=["wrong-issuer", "wrong-audience"],
)
async def test_token_from_a_differently_configured_server_is_401(
    service: InProcessService, auth_settings: DevAuthSettings, setting: str, value: str
) -> None:
    # Same signing key, so only the claim is wrong.
    other = create_auth_app(auth_settings.model_copy(update={setting: value}))
    async with (
        other.router.lifespan_context(other),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=other), base_url=ISSUER) as http,
    ):
        token = await mint_token(http, "demo-camden")

    _assert_invalid_token(await _whoami(service, token))


async def test_token_signed_by_an_unknown_key_is_401(service: InProcessService) -> None:
    stranger = RSAKey.generate_key(2048, auto_kid=True)

    _assert_invalid_token(await _whoami(service, _sign(stranger, _claims())))


async def test_tampered_payload_is_401(service: InProcessService, auth: Any) -> None:
    header, _payload, signature = (await auth.token("demo-camden")).split(".")
    forged_payload = _b64(json.dumps(_claims(org="E10000007")).encode())

    _assert_invalid_token(await _whoami(service, f"{header}.{forged_payload}.{signature}"))


async def test_alg_none_is_401(service: InProcessService, auth_key_dir: Path) -> None:
    kid = _signing_key(auth_key_dir).kid
    header = _b64(json.dumps({"alg": "none", "kid": kid}).encode())
    payload = _b64(json.dumps(_claims()).encode())

    _assert_invalid_token(await _whoami(service, f"{header}.{payload}."))


async def test_hmac_signed_with_the_public_key_is_401(
    service: InProcessService, auth: Any, auth_key_dir: Path
) -> None:
    jwks = (await auth.http.get("/jwks.json")).json()
    public = RSAKey.import_key(jwks["keys"][0])
    header = _b64(json.dumps({"alg": "HS256", "kid": public.kid}).encode())
    payload = _b64(json.dumps(_claims()).encode())
    secret = public.as_pem(private=False)
    signature = _b64(hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest())

    _assert_invalid_token(await _whoami(service, f"{header}.{payload}.{signature}"))


async def test_garbage_token_is_401(service: InProcessService) -> None:
    _assert_invalid_token(await _whoami(service, "not-a-jwt"))


async def test_rotated_key_is_picked_up_from_jwks_without_restart(
    auth: Any, auth_key_dir: Path
) -> None:
    verifier = TokenVerifier(
        issuer=ISSUER,
        audience="care-platform",
        jwks_url=f"{ISSUER}/jwks.json",
        http=auth.http,
        min_refresh_interval=0,
    )
    before = await verifier.verify(await mint_token(auth.http, "demo-camden"))

    KeyStore(auth_key_dir, token_lifetime_seconds=3600).rotate()
    after = await verifier.verify(await mint_token(auth.http, "demo-derbyshire"))

    assert before.org == "E09000007"
    assert after.org == "E10000007"


async def test_a_key_rotated_just_after_a_fetch_is_accepted_once_the_interval_has_passed(
    auth: Any, auth_key_dir: Path
) -> None:
    verifier = TokenVerifier(
        issuer=ISSUER,
        audience="care-platform",
        jwks_url=f"{ISSUER}/jwks.json",
        http=auth.http,
        min_refresh_interval=0.5,
    )
    await verifier.verify(await mint_token(auth.http, "demo-camden"))

    KeyStore(auth_key_dir, token_lifetime_seconds=3600).rotate()
    after = await verifier.verify(await mint_token(auth.http, "demo-derbyshire"))

    assert after.org == "E10000007"


async def test_tokens_of_unknown_keys_fetch_the_keys_at_most_once_per_interval(
    auth: Any,
) -> None:
    fetches = 0

    async def count(request: httpx.Request) -> None:
        nonlocal fetches
        fetches += request.url.path == "/jwks.json"

    http = httpx.AsyncClient(
        transport=auth.http._transport, base_url=ISSUER, event_hooks={"request": [count]}
    )
    verifier = TokenVerifier(
        issuer=ISSUER,
        audience="care-platform",
        jwks_url=f"{ISSUER}/jwks.json",
        http=http,
        min_refresh_interval=0.5,
    )
    await verifier.verify(await mint_token(auth.http, "demo-camden"))
    stranger = RSAKey.generate_key(2048, auto_kid=True)
    forged = _sign(stranger, _claims())

    outcomes = await asyncio.gather(
        *(verifier.verify(forged) for _ in range(5)), return_exceptions=True
    )

    assert all(isinstance(outcome, Unauthorized) for outcome in outcomes)
    assert fetches == 2
    await http.aclose()
