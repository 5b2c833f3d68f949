"""OpenID Connect sign-in (authorization code with PKCE) with authlib's httpx client.

Any OIDC provider will do; in development it is services/dev-auth. The provider's metadata
comes from its discovery document, read on the first sign-in and kept.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.integrations.httpx_client import AsyncOAuth2Client
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from portal.sessions import Person
from portal.settings import PortalSettings


class SignInFailed(Exception):
    """The provider's answer could not be trusted or used: the person starts again."""


@dataclass(frozen=True)
class SignedIn:
    person: Person
    access_token: str
    scopes: frozenset[str]
    expires_at: float


@dataclass(frozen=True)
class Started:
    url: str
    state: str
    nonce: str
    code_verifier: str


class OidcClient:
    def __init__(self, settings: PortalSettings, transport: httpx.AsyncBaseTransport | None = None):
        self._settings = settings
        self._transport = transport
        self._metadata: dict[str, Any] | None = None

    def _client(self) -> AsyncOAuth2Client:
        return AsyncOAuth2Client(
            client_id=self._settings.client_id,
            client_secret=self._settings.client_secret.get_secret_value(),
            scope="openid",
            redirect_uri=self._settings.redirect_uri,
            code_challenge_method="S256",
            transport=self._transport,
            timeout=self._settings.api_timeout_seconds,
        )

    async def metadata(self) -> dict[str, Any]:
        if self._metadata is None:
            url = f"{self._settings.oauth_issuer.rstrip('/')}/.well-known/openid-configuration"
            async with httpx.AsyncClient(transport=self._transport, timeout=10) as client:
                response = await client.get(url)
                response.raise_for_status()
                self._metadata = response.json()
        return self._metadata

    async def start(self) -> Started:
        metadata = await self.metadata()
        state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
        async with self._client() as client:
            url, _ = client.create_authorization_url(
                metadata["authorization_endpoint"],
                state=state,
                nonce=nonce,
                code_verifier=verifier,
            )
        return Started(url=url, state=state, nonce=nonce, code_verifier=verifier)

    async def finish(self, *, code: str, nonce: str, code_verifier: str) -> SignedIn:
        metadata = await self.metadata()
        try:
            async with self._client() as client:
                token = await client.fetch_token(
                    metadata["token_endpoint"], code=code, code_verifier=code_verifier
                )
                keys = KeySet.import_key_set((await client.get(metadata["jwks_uri"])).json())
        except (httpx.HTTPError, ValueError, KeyError) as error:
            raise SignInFailed("the provider refused the code") from error
        except Exception as error:  # authlib raises its own OAuthError for RFC 6749 errors
            raise SignInFailed(f"the provider refused the code: {type(error).__name__}") from error
        try:
            claims = jwt.decode(str(token["id_token"]), keys, algorithms=["RS256"]).claims
            jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": metadata["issuer"]},
                aud={"essential": True, "value": self._settings.client_id},
                exp={"essential": True},
                nonce={"essential": True, "value": nonce},
                sub={"essential": True},
                org={"essential": True},
            ).validate(claims)
        except (JoseError, KeyError, ValueError) as error:
            raise SignInFailed("the ID token is not valid") from error
        person = Person(
            username=str(claims["sub"]),
            name=str(claims.get("name") or claims["sub"]),
            org=str(claims["org"]),
            role=str(claims.get("role") or ""),
        )
        expires_in = float(token.get("expires_in") or 3600)
        return SignedIn(
            person=person,
            access_token=str(token["access_token"]),
            scopes=frozenset(str(token.get("scope", "")).split()),
            expires_at=time.time() + expires_in,
        )
