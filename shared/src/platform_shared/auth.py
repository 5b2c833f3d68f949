"""Bearer-token verification against the issuer's JWKS, and scope dependencies.

A token passes only with a valid asymmetric signature from a key the issuer publishes,
the expected `iss` and `aud`, and `exp`/`nbf` within a small leeway. `alg: none` and
HMAC algorithms are never accepted (an HMAC "signed" with a public key would otherwise
verify). Keys are cached; a token naming an unknown `kid` makes the cache refresh once
(rate limited), so a rotated key is picked up without a restart; and the cache is
refetched every ten minutes, so a key the issuer withdrew stops verifying.

A token that verified is remembered until its `exp` (plus the leeway), so a client that
sends the same token with every request costs one signature check, not one per request.
Fetching the keys again forgets every remembered token, and a remembered token is checked
again in full once the keys are older than their maximum age.

Any OpenID Connect provider can issue the tokens (docs/operations.md, "The identity
provider"): the keys and the token endpoint may come from the issuer's discovery
document (`OidcDiscovery`), and `ClaimMapping` says where a provider puts the scopes
(Keycloak: `scope`; Entra ID: `roles` for application permissions, `scp` for delegated
ones), how its app roles map to the platform's scopes, and which claim, or which table of
client ids, gives the caller's organisation (Entra ID has no `org` claim).
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

import httpx
from fastapi import Depends, Request
from fastapi.openapi.models import OAuthFlowClientCredentials, OAuthFlows
from fastapi.security import OAuth2, SecurityScopes
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from platform_shared.problems import Forbidden, Unauthorized
from platform_shared.ratelimit import enforce_rate_limit

logger = logging.getLogger("platform.auth")

#: Asymmetric algorithms only: never `none`, never HS* (public-key confusion).
ACCEPTED_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "ES256", "ES384")

#: How many verified tokens a verifier remembers (the oldest is forgotten first).
VERIFIED_TOKENS_KEPT = 4096

#: Every scope of the platform, with what it allows (shown in the OpenAPI document).
SCOPES: dict[str, str] = {
    "care-status:lookup": "Ask lookups; minimal answers (police, courts, YOT, prisons)",
    "care-status:read": "Read records of children the organisation is responsible for",
    "care-status:write": "Create and change records of the organisation's children",
    "incidents:write": "Record incidents and police contact",
    "incidents:read": "Read incidents the organisation recorded or is responsible for",
    "reports:read": "Monitoring figures for the organisation's area",
    "notifications:read": "The organisation's own inbox",
    "notifications:ack": "Acknowledge the organisation's notifications",
    "endpoints:manage": "Register the organisation's webhook and email endpoints",
    "events:publish": "Post events to notify-api (the platform's own services)",
    "care-status:facts": "Status facts of a person_ref for an event (the platform's own services)",
    "rules:read": "List the rules in force",
}


@dataclass(frozen=True)
class ClaimMapping:
    """Where a provider's tokens carry the caller's scopes, client id and organisation.

    - `scope_claims`: the claims read for scopes, all of them, each a space-separated
      string (`scope`, `scp`) or a list of strings (`roles`).
    - `role_scopes`: a value found there (an Entra app role such as `CareStatus.Read`)
      that names platform scopes; a value not in the table is taken as a scope itself.
    - `client_id_claims`: the first of these present is the client id (`azp`, `appid`).
    - `org_claim`: the claim holding the organisation code; `client_orgs`: the
      organisation of each client id, for providers that cannot add a claim. The claim
      wins where both give one; a token with neither is refused.
    - `sandbox_claim`: the claim that makes the caller a sandbox client (docs/sandbox.md):
      `true` (the JSON boolean, or the string `"true"`) puts every record it makes and
      reads apart from live data. Absent or anything else: a live client.
    """

    scope_claims: tuple[str, ...] = ("scope",)
    role_scopes: Mapping[str, Sequence[str]] = field(default_factory=dict)
    client_id_claims: tuple[str, ...] = ("client_id", "azp", "appid", "sub")
    org_claim: str | None = "org"
    client_orgs: Mapping[str, str] = field(default_factory=dict)
    sandbox_claim: str = "sandbox"

    def sandbox(self, claims: Mapping[str, Any]) -> bool:
        value = claims.get(self.sandbox_claim)
        return value is True or value == "true"

    def scopes(self, claims: Mapping[str, Any]) -> frozenset[str]:
        found: set[str] = set()
        for name in self.scope_claims:
            value = claims.get(name)
            if isinstance(value, str):
                values = value.split()
            elif isinstance(value, list):
                values = [item for item in value if isinstance(item, str)]
            else:
                continue
            for item in values:
                found.update(self.role_scopes.get(item, (item,)))
        return frozenset(found)

    def client_id(self, claims: Mapping[str, Any]) -> str | None:
        for name in self.client_id_claims:
            value = claims.get(name)
            if isinstance(value, str) and value:
                return value
        return None

    def org(self, claims: Mapping[str, Any], client_id: str) -> str | None:
        if self.org_claim is not None:
            value = claims.get(self.org_claim)
            if isinstance(value, str) and value:
                return value
        return self.client_orgs.get(client_id)


class OidcDiscovery:
    """The issuer's OpenID Connect discovery document, fetched once and kept.

    The document must name the configured issuer exactly (OpenID Connect Discovery 1.0,
    section 4.3): otherwise a misconfigured URL could hand the platform another issuer's
    keys. Until a fetch succeeds, every use tries again.
    """

    def __init__(self, issuer: str, *, http: httpx.AsyncClient | None = None) -> None:
        self.issuer = issuer
        self.url = f"{issuer.rstrip('/')}/.well-known/openid-configuration"
        self._http = http
        self._document: dict[str, Any] | None = None
        self._lock = asyncio.Lock()

    @property
    def document(self) -> dict[str, Any] | None:
        """The document, if it has been fetched (for what cannot wait: the OpenAPI one)."""
        return self._document

    async def metadata(self) -> dict[str, Any]:
        async with self._lock:
            if self._document is None:
                self._document = await self._fetch()
            return self._document

    async def _fetch(self) -> dict[str, Any]:
        client = self._http or httpx.AsyncClient(timeout=5.0)
        try:
            response = await client.get(self.url)
            response.raise_for_status()
            document = response.json()
        finally:
            if self._http is None:
                await client.aclose()
        if not isinstance(document, dict) or document.get("issuer") != self.issuer:
            raise ValueError("the discovery document names another issuer")
        for name in ("jwks_uri", "token_endpoint"):
            if not isinstance(document.get(name), str):
                raise ValueError(f"the discovery document has no {name}")
        return document

    async def jwks_uri(self) -> str:
        return str((await self.metadata())["jwks_uri"])

    async def token_endpoint(self) -> str:
        return str((await self.metadata())["token_endpoint"])


#: What a sandbox client's organisation code is prefixed with: its records live under
#: this twin of its organisation, apart from the live one's (docs/sandbox.md).
SANDBOX_PREFIX = "sandbox:"


def sandbox_org(org: str) -> str:
    """The sandbox twin of organisation `org` (itself when it is one already)."""
    return org if org.startswith(SANDBOX_PREFIX) else f"{SANDBOX_PREFIX}{org}"


@dataclass(frozen=True)
class Principal:
    """Who is calling: the client, its organisation and the scopes its token grants.

    A sandbox client's `org` is its organisation's sandbox twin (`sandbox:E09000007`):
    every query bounded to the caller's organisation is thereby bounded to sandbox data,
    in the one place the caller is made, and live data is never its organisation's.
    """

    client_id: str
    org: str
    scopes: frozenset[str]
    token_id: str | None = None
    #: A sandbox client (docs/sandbox.md): sees and makes only sandbox records.
    sandbox: bool = False

    def has(self, scope: str) -> bool:
        return scope in self.scopes


class TokenVerifier:
    """Verifies bearer JWTs against one issuer's JWKS."""

    def __init__(
        self,
        *,
        issuer: str,
        audience: str,
        jwks_url: str,
        leeway_seconds: int = 30,
        http: httpx.AsyncClient | None = None,
        min_refresh_interval: float = 2.0,
        max_age_seconds: float = 600.0,
        claims: ClaimMapping | None = None,
        discovery: OidcDiscovery | None = None,
    ) -> None:
        self.issuer = issuer
        self.audience = audience
        #: Used when there is no discovery; with one, its `jwks_uri` is.
        self.jwks_url = jwks_url
        self.claims = claims or ClaimMapping()
        self.discovery = discovery
        self.leeway_seconds = leeway_seconds
        self._http = http
        self._keys: KeySet | None = None
        self._kids: set[str] = set()
        self._fetched_at = 0.0
        self._min_refresh_interval = min_refresh_interval
        self._max_age = max_age_seconds
        self._lock = asyncio.Lock()
        #: token -> (its principal, the epoch second it stops being accepted)
        self._verified: dict[str, tuple[Principal, float]] = {}

    async def _fetch_keys(self) -> None:
        client = self._http or httpx.AsyncClient(timeout=5.0)
        try:
            url = await self.discovery.jwks_uri() if self.discovery else self.jwks_url
            response = await client.get(url)
            response.raise_for_status()
            document = response.json()
        finally:
            if self._http is None:
                await client.aclose()
        self._keys = KeySet.import_key_set(document)
        self._kids = {str(key.get("kid")) for key in document.get("keys", [])}
        self._fetched_at = time.monotonic()
        self._verified.clear()  # a key may have been withdrawn: check every token again

    async def _key_set_for(self, kid: str | None) -> KeySet:
        fresh = time.monotonic() - self._fetched_at < self._max_age
        known = self._keys is not None and (kid is None or kid in self._kids)
        if known and fresh:
            assert self._keys is not None
            return self._keys
        last_fetch = self._fetched_at
        if self._keys is not None and kid not in self._kids:
            # A key newer than the last fetch (a rotation): wait out the refresh interval
            # rather than refuse the token. Waiting outside the lock, every such request
            # waits at most one interval, and only the first to take the lock after it
            # fetches, so the keys are still fetched at most once per interval however
            # many tokens name an unknown key (D2).
            wait = self._min_refresh_interval - (time.monotonic() - last_fetch)
            if wait > 0:
                await asyncio.sleep(wait)
        async with self._lock:
            expired = time.monotonic() - self._fetched_at >= self._max_age
            not_fetched_since = self._fetched_at == last_fetch
            if self._keys is None or expired or (kid not in self._kids and not_fetched_since):
                try:
                    await self._fetch_keys()
                except (httpx.HTTPError, ValueError) as error:
                    logger.warning("jwks unavailable", extra={"error": type(error).__name__})
                    if self._keys is None:
                        raise Unauthorized(
                            "The token issuer's keys cannot be fetched",
                            headers=_challenge("invalid_token", "issuer keys unavailable"),
                        ) from error
            assert self._keys is not None
            return self._keys

    async def verify(self, token: str) -> Principal:
        remembered = self._verified.get(token)
        if remembered is not None:
            principal, accepted_until = remembered
            keys_fresh = time.monotonic() - self._fetched_at < self._max_age
            if keys_fresh and time.time() <= accepted_until:
                return principal
            del self._verified[token]
        principal, expires = await self._verify_signed(token)
        if len(self._verified) >= VERIFIED_TOKENS_KEPT:
            del self._verified[next(iter(self._verified))]
        self._verified[token] = (principal, expires + self.leeway_seconds)
        return principal

    async def _verify_signed(self, token: str) -> tuple[Principal, float]:
        """The caller of a token whose signature and claims check out, and its `exp`."""
        header = _unverified_header(token)
        algorithm = header.get("alg")
        if algorithm not in ACCEPTED_ALGORITHMS:
            raise _invalid_token("algorithm not accepted")
        kid = header.get("kid")
        keys = await self._key_set_for(str(kid) if kid is not None else None)
        if kid is not None and str(kid) not in self._kids:
            raise _invalid_token("unknown signing key")
        try:
            decoded = jwt.decode(token, keys, algorithms=list(ACCEPTED_ALGORITHMS))
            registry = jwt.JWTClaimsRegistry(
                leeway=self.leeway_seconds,
                iss={"essential": True, "value": self.issuer},
                aud={"essential": True, "value": self.audience},
                exp={"essential": True},
            )
            registry.validate(decoded.claims)
        except JoseError as error:
            raise _invalid_token(error.error or "invalid token") from error
        except ValueError as error:
            raise _invalid_token("malformed token") from error
        claims = decoded.claims
        client_id = self.claims.client_id(claims)
        org = self.claims.org(claims, client_id) if client_id is not None else None
        if org is None or client_id is None:
            raise _invalid_token("token lacks org or client_id")
        scopes = self.claims.scopes(claims)
        jti = claims.get("jti")
        expires = claims.get("exp")
        if not isinstance(expires, int | float) or isinstance(expires, bool):
            raise _invalid_token("malformed exp")
        sandbox = self.claims.sandbox(claims)
        principal = Principal(
            client_id=client_id,
            org=sandbox_org(org) if sandbox else org,
            scopes=scopes,
            token_id=jti if isinstance(jti, str) else None,
            sandbox=sandbox,
        )
        return principal, float(expires)


def _unverified_header(token: str) -> dict[str, Any]:
    try:
        encoded = token.split(".")[0]
        padded = encoded + "=" * (-len(encoded) % 4)
        header = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, IndexError) as error:
        raise _invalid_token("malformed token") from error
    if not isinstance(header, dict):
        raise _invalid_token("malformed token")
    return header


def _challenge(error: str, description: str, scope: str | None = None) -> dict[str, str]:
    value = f'Bearer realm="care-platform", error="{error}", error_description="{description}"'
    if scope:
        value += f', scope="{scope}"'
    return {"WWW-Authenticate": value}


def _invalid_token(description: str) -> Unauthorized:
    return Unauthorized(
        "The bearer token is not valid", headers=_challenge("invalid_token", description)
    )


def oauth2_scheme(token_url: str) -> OAuth2:
    """The client-credentials security scheme shown in every service's OpenAPI document."""
    flows = OAuthFlows(
        clientCredentials=OAuthFlowClientCredentials(tokenUrl=token_url, scopes=SCOPES)
    )
    return OAuth2(flows=flows, scheme_name="oauth2", auto_error=False)


# The token URL in the document is informative; every service serves its real one there.
_scheme = oauth2_scheme("/oauth/token")


async def authorize(
    request: Request, authorization: str | None, scopes: Sequence[str]
) -> Principal:
    """The caller of `request`, when its bearer token is valid and grants every scope."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise Unauthorized(
            "A bearer token is required", headers=_challenge("invalid_request", "no bearer token")
        )
    # One verification per request, however many dependencies ask for the caller.
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is None:
        verifier: TokenVerifier = request.app.state.token_verifier
        principal = await verifier.verify(authorization[7:].strip())
        request.state.principal = principal
        enforce_rate_limit(request, principal.client_id, scopes)
    if principal.sandbox and not getattr(request.app.state, "serves_sandbox", False):
        # This service keeps no sandbox records apart yet (docs/sandbox.md): a sandbox
        # client must neither read nor change its live ones.
        raise Forbidden("Sandbox clients are not served by this service; use notify-api")
    missing = [scope for scope in scopes if not principal.has(scope)]
    if missing:
        raise Forbidden(
            f"The token lacks the scope {' '.join(missing)}",
            headers=_challenge("insufficient_scope", "missing scope", " ".join(missing)),
        )
    return principal


async def require_scopes(
    security_scopes: SecurityScopes,
    request: Request,
    authorization: Annotated[str | None, Depends(_scheme)],
) -> Principal:
    """The caller, when its token is valid and grants every scope the operation needs."""
    return await authorize(request, authorization, security_scopes.scopes)


class ClientCredentials:
    """Client-credentials tokens for this service's own calls, cached until near expiry."""

    def __init__(
        self,
        *,
        token_url: str,
        client_id: str,
        client_secret: str,
        scope: str | None = None,
        http: httpx.AsyncClient | None = None,
        discovery: OidcDiscovery | None = None,
    ) -> None:
        #: Used when there is no discovery; with one, its `token_endpoint` is.
        self.token_url = token_url
        self.discovery = discovery
        self.client_id = client_id
        self._secret = client_secret
        self.scope = scope
        self._http = http
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    def forget(self) -> None:
        """Drop the cached token (after a 401, say), so the next call fetches a new one."""
        self._token = None

    async def token(self) -> str:
        async with self._lock:
            if self._token and time.monotonic() < self._expires_at - 60:
                return self._token
            form = {"grant_type": "client_credentials"}
            if self.scope:
                form["scope"] = self.scope
            client = self._http or httpx.AsyncClient(timeout=10.0)
            try:
                url = await self.discovery.token_endpoint() if self.discovery else self.token_url
                response = await client.post(url, data=form, auth=(self.client_id, self._secret))
                response.raise_for_status()
                body = response.json()
            finally:
                if self._http is None:
                    await client.aclose()
            self._token = str(body["access_token"])
            self._expires_at = time.monotonic() + float(body.get("expires_in", 300))
            return self._token
