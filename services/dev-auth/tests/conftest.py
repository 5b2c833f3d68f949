"""Fixtures of the dev-auth tests: a server on a temporary key directory, and a verifier."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from joserfc import jwt
from joserfc.jwk import KeySet

from dev_auth.main import create_app
from dev_auth.settings import DevAuthSettings

REPO_ROOT = Path(__file__).resolve().parents[3]
CLIENTS_FILE = REPO_ROOT / "deploy" / "dev-auth-clients.yaml"
ISSUER = "http://auth.test"
AUDIENCE = "care-platform"

VerifyToken = Callable[[str], Awaitable[jwt.Token]]


@pytest.fixture
def dev_auth_settings(tmp_path: Path) -> DevAuthSettings:
    return DevAuthSettings(
        _env_file=None,
        environment="development",
        issuer=ISSUER,
        audience=AUDIENCE,
        clients_file=CLIENTS_FILE,
        key_dir=tmp_path / "dev-auth",
    )


@pytest.fixture
def dev_auth_app(dev_auth_settings: DevAuthSettings) -> FastAPI:
    return create_app(dev_auth_settings)


@pytest.fixture
async def auth(dev_auth_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=dev_auth_app)
    async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as client:
        yield client


@pytest.fixture
def verify_token(auth: httpx.AsyncClient) -> VerifyToken:
    """Verify a token as a service would: signature against the served JWKS, iss, aud, exp."""

    async def verify(token: str) -> jwt.Token:
        key_set = KeySet.import_key_set((await auth.get("/jwks.json")).json())
        decoded = jwt.decode(token, key_set, algorithms=["RS256"])
        jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": ISSUER},
            aud={"essential": True, "value": AUDIENCE},
            exp={"essential": True},
            iat={"essential": True},
            jti={"essential": True},
        ).validate(decoded.claims)
        return decoded

    return verify
