"""Tokens as Keycloak and Entra ID issue them, verified through OIDC discovery.

A test provider is served over real HTTP: its discovery document, its JWKS (a key made
here) and a token endpoint. The tokens carry the claims each provider puts in an access
token of the client-credentials grant (and, for Entra, of a delegated one), so what is
checked is the claim mapping a deployment configures (docs/operations.md, "Identity
providers").
"""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from fastapi import FastAPI, Request
from joserfc import jwt
from joserfc.jwk import RSAKey

from platform_shared.app import create_service_app
from platform_shared.auth import ClientCredentials
from platform_shared.testing import free_port, serve_over_http

from .conftest import MIGRATIONS, build_router, make_settings

TENANT = "8f0c3f4e-2b8e-4d2a-9a55-0d6f1d7a6c11"
ENTRA_APP = "api://care-platform"
MET_CLIENT = "3b2c1a90-5f1e-4c3d-8e7a-6b5c4d3e2f10"  # an Entra client (application) id


@dataclass
class Provider:
    issuer: str
    key: RSAKey
    discovery_issuer: str
    token_requests: list[dict[str, str]]

    def sign(self, claims: dict[str, Any]) -> str:
        now = int(time.time())
        body = {"iss": self.issuer, "iat": now, "nbf": now, "exp": now + 600, **claims}
        return jwt.encode({"alg": "RS256", "kid": self.key.kid, "typ": "JWT"}, body, self.key)


def _provider_app(provider: Provider, path: str) -> FastAPI:
    app = FastAPI()

    @app.get(f"{path}/.well-known/openid-configuration")
    async def discovery() -> dict[str, Any]:
        return {
            "issuer": provider.discovery_issuer,
            "jwks_uri": f"{provider.issuer}/keys",
            "token_endpoint": f"{provider.issuer}/token",
            "grant_types_supported": ["client_credentials"],
        }

    @app.get(f"{path}/keys")
    async def keys() -> dict[str, Any]:
        return {"keys": [provider.key.as_dict(private=False)]}

    @app.post(f"{path}/token")
    async def token(request: Request) -> dict[str, Any]:
        form = dict(parse_qsl((await request.body()).decode()))
        provider.token_requests.append(
            {"grant_type": form.get("grant_type", ""), "scope": form.get("scope", "")}
        )
        return {"access_token": "issued", "token_type": "Bearer", "expires_in": 3599}

    return app


@asynccontextmanager
async def serve_provider(path: str, *, names_other_issuer: bool = False) -> AsyncIterator[Provider]:
    port = free_port()
    issuer = f"http://127.0.0.1:{port}{path}"
    key = RSAKey.generate_key(2048, parameters={"kid": uuid.uuid4().hex, "use": "sig"})
    discovery_issuer = "https://elsewhere.example" if names_other_issuer else issuer
    provider = Provider(issuer, key, discovery_issuer, [])
    async with serve_over_http(_provider_app(provider, path), port=port):
        yield provider


@asynccontextmanager
async def service_for(
    tmp_path: Path, provider: Provider, **claim_settings: Any
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'service.db'}",
        oauth_issuer=provider.issuer,
        oauth_discovery=True,
        **claim_settings,
    )
    app = create_service_app(
        title="shared-tests",
        description="test app",
        settings=settings,
        migrations=MIGRATIONS,
        routers=[build_router()],
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service.test") as http:
            yield app, http


def _whoami(token: str) -> dict[str, Any]:
    return {"url": "/v1/whoami", "headers": {"Authorization": f"Bearer {token}"}}


# Keycloak 26: a confidential client with service accounts on, a hardcoded-claim mapper
# `org` and an audience mapper `care-platform`; client scopes named after the platform's.
def _keycloak_claims(**overrides: Any) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "jti": str(uuid.uuid4()),
        "aud": ["care-platform", "account"],
        "sub": str(uuid.uuid4()),
        "typ": "Bearer",
        "azp": "met-custody",
        "client_id": "met-custody",
        "acr": "1",
        "realm_access": {"roles": ["offline_access", "default-roles-care"]},
        "scope": "profile email rules:read care-status:lookup",
        "clientHost": "10.0.0.7",
        "email_verified": False,
        "preferred_username": "service-account-met-custody",
        "org": "police-metropolitan",
    }
    claims.update(overrides)
    return claims


# Entra ID, v2.0 access token for an application permission (app role): `roles`, no `scp`,
# no `org`; `azp` is the calling client's application id.
def _entra_app_claims(**overrides: Any) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "aud": ENTRA_APP,
        "azp": MET_CLIENT,
        "azpacr": "1",
        "idp": f"https://sts.windows.net/{TENANT}/",
        "idtyp": "app",
        "oid": str(uuid.uuid4()),
        "rh": "0.AXsA...",
        "roles": ["Rules.Read", "CareStatus.Lookup"],
        "sub": str(uuid.uuid4()),
        "tid": TENANT,
        "uti": "x1y2z3",
        "ver": "2.0",
    }
    claims.update(overrides)
    return claims


ENTRA_SETTINGS: dict[str, Any] = {
    "oauth_audience": ENTRA_APP,
    "oauth_scope_claims": ["roles", "scp"],
    "oauth_role_scopes": {
        "Rules.Read": ["rules:read"],
        "CareStatus.Lookup": ["care-status:lookup"],
    },
    "oauth_org_claim": "",
    "oauth_client_orgs": {MET_CLIENT: "police-metropolitan"},
    "oauth_request_scope": f"{ENTRA_APP}/.default",
}


async def test_keycloak_token_passes_with_the_default_mapping(tmp_path: Path) -> None:
    async with (
        serve_provider("/realms/care") as keycloak,
        service_for(tmp_path, keycloak) as (_, http),
    ):
        response = await http.get(**_whoami(keycloak.sign(_keycloak_claims())))

    assert response.status_code == 200, response.text
    assert response.json() == {"org": "police-metropolitan", "client_id": "met-custody"}


async def test_keycloak_token_without_the_scope_is_403(tmp_path: Path) -> None:
    token_claims = _keycloak_claims(scope="profile email care-status:lookup")
    async with (
        serve_provider("/realms/care") as keycloak,
        service_for(tmp_path, keycloak) as (_, http),
    ):
        response = await http.get(**_whoami(keycloak.sign(token_claims)))

    assert response.status_code == 403
    assert "rules:read" in response.json()["detail"]


async def test_keycloak_token_for_another_audience_is_401(tmp_path: Path) -> None:
    async with (
        serve_provider("/realms/care") as keycloak,
        service_for(tmp_path, keycloak) as (_, http),
    ):
        response = await http.get(**_whoami(keycloak.sign(_keycloak_claims(aud="account"))))

    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


async def test_entra_app_roles_map_to_scopes_and_the_client_table_gives_the_org(
    tmp_path: Path,
) -> None:
    async with (
        serve_provider(f"/{TENANT}/v2.0") as entra,
        service_for(tmp_path, entra, **ENTRA_SETTINGS) as (app, http),
    ):
        response = await http.get(**_whoami(entra.sign(_entra_app_claims())))
        principal = await app.state.token_verifier.verify(entra.sign(_entra_app_claims()))

    assert response.status_code == 200, response.text
    assert response.json() == {"org": "police-metropolitan", "client_id": MET_CLIENT}
    assert principal.scopes == {"rules:read", "care-status:lookup"}


async def test_entra_delegated_scp_maps_to_scopes(tmp_path: Path) -> None:
    delegated = _entra_app_claims(scp="Rules.Read", idtyp="user", name="A Custody Sergeant")
    del delegated["roles"]
    async with (
        serve_provider(f"/{TENANT}/v2.0") as entra,
        service_for(tmp_path, entra, **ENTRA_SETTINGS) as (_, http),
    ):
        response = await http.get(**_whoami(entra.sign(delegated)))

    assert response.status_code == 200, response.text


async def test_entra_role_without_a_mapping_grants_nothing(tmp_path: Path) -> None:
    async with (
        serve_provider(f"/{TENANT}/v2.0") as entra,
        service_for(tmp_path, entra, **ENTRA_SETTINGS) as (_, http),
    ):
        token = entra.sign(_entra_app_claims(roles=["Incidents.Write"]))
        response = await http.get(**_whoami(token))

    assert response.status_code == 403


async def test_entra_client_not_in_the_table_is_401(tmp_path: Path) -> None:
    async with (
        serve_provider(f"/{TENANT}/v2.0") as entra,
        service_for(tmp_path, entra, **ENTRA_SETTINGS) as (_, http),
    ):
        token = entra.sign(_entra_app_claims(azp=str(uuid.uuid4())))
        response = await http.get(**_whoami(token))

    assert response.status_code == 401
    assert "lacks org" in response.headers["www-authenticate"]


async def test_entra_v1_token_names_the_client_in_appid(tmp_path: Path) -> None:
    v1 = _entra_app_claims(appid=MET_CLIENT, ver="1.0")
    del v1["azp"]
    async with (
        serve_provider(f"/{TENANT}/v2.0") as entra,
        service_for(tmp_path, entra, **ENTRA_SETTINGS) as (_, http),
    ):
        response = await http.get(**_whoami(entra.sign(v1)))

    assert response.status_code == 200, response.text
    assert response.json()["client_id"] == MET_CLIENT


async def test_a_discovery_document_naming_another_issuer_is_refused(tmp_path: Path) -> None:
    async with (
        serve_provider("/realms/care", names_other_issuer=True) as keycloak,
        service_for(tmp_path, keycloak) as (_, http),
    ):
        response = await http.get(**_whoami(keycloak.sign(_keycloak_claims())))

    assert response.status_code == 401
    assert "issuer keys unavailable" in response.headers["www-authenticate"]


async def test_the_openapi_document_names_the_discovered_token_endpoint(tmp_path: Path) -> None:
    async with (
        serve_provider(f"/{TENANT}/v2.0") as entra,
        service_for(tmp_path, entra, **ENTRA_SETTINGS) as (_, http),
    ):
        document = (await http.get("/openapi.json")).json()

    flow = document["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]
    assert flow["tokenUrl"] == f"{entra.issuer}/token"


async def test_the_platform_asks_the_discovered_token_endpoint_for_its_own_tokens(
    tmp_path: Path,
) -> None:
    async with (
        serve_provider(f"/{TENANT}/v2.0") as entra,
        service_for(tmp_path, entra, **ENTRA_SETTINGS) as (app, _),
    ):
        credentials: ClientCredentials = app.state.platform_credentials
        token = await credentials.token()

    assert token == "issued"
    assert entra.token_requests == [
        {"grant_type": "client_credentials", "scope": f"{ENTRA_APP}/.default"}
    ]


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"scope": "a b"}, {"a", "b"}),
        ({"roles": ["A.B", "c"], "scp": "d"}, {"a:b", "c", "d"}),
        ({"roles": "not-a-list-of-strings-but-a-string"}, {"not-a-list-of-strings-but-a-string"}),
        ({"roles": [1, None, "c"]}, {"c"}),
        ({}, set()),
    ],
)
def test_scopes_are_read_from_every_configured_claim(
    claims: dict[str, Any], expected: set[str]
) -> None:
    from platform_shared.auth import ClaimMapping

    mapping = ClaimMapping(scope_claims=("scope", "roles", "scp"), role_scopes={"A.B": ("a:b",)})

    assert mapping.scopes(claims) == expected


async def test_a_token_with_the_sandbox_claim_is_its_organisations_sandbox_twin(
    tmp_path: Path,
) -> None:
    """docs/sandbox.md: the claim (named by `oauth_sandbox_claim`) makes the caller's
    organisation `sandbox:<org>`; a service that keeps no sandbox records refuses it."""
    async with (
        serve_provider("/realms/care") as keycloak,
        service_for(tmp_path, keycloak, oauth_sandbox_claim="test_environment") as (app, http),
    ):
        refused = await http.get(**_whoami(keycloak.sign(_keycloak_claims(test_environment=True))))
        app.state.serves_sandbox = True
        sandbox = await http.get(**_whoami(keycloak.sign(_keycloak_claims(test_environment=True))))
        other_claim = await http.get(**_whoami(keycloak.sign(_keycloak_claims(sandbox=True))))
        not_true = await http.get(**_whoami(keycloak.sign(_keycloak_claims(test_environment=1))))

    assert refused.status_code == 403
    assert sandbox.json()["org"] == "sandbox:police-metropolitan"
    assert other_claim.json()["org"] == "police-metropolitan"  # not the configured claim
    assert not_true.json()["org"] == "police-metropolitan"
