# mypy: allow-subclassing-any
# (authlib ships without type hints; its classes are `Any` to mypy.)
"""JWT access tokens (RFC 9068 profile) signed with the newest key of the key store.

Claims: `iss`, `aud`, `exp`, `iat`, `jti`, `client_id`, `sub` (the client, as no resource
owner takes part in the client-credentials grant; the person, in the authorization code
grant), `scope` and `org`, the caller's organisation, which the services use as the tenancy
boundary. A person's token has `client_id` `<client>:<username>` (see `get_extra_claims`).
"""

from __future__ import annotations

from typing import Any

from authlib.oauth2.rfc9068 import JWTBearerTokenGenerator
from joserfc.jwk import KeySet

from dev_auth.clients import ConfigClient
from dev_auth.keys import ALGORITHM, KeyStore
from dev_auth.people import Person


class AccessTokenGenerator(JWTBearerTokenGenerator):
    """authlib's JWT access-token generator, with our keys, audience and `org` claim."""

    def __init__(
        self, key_store: KeyStore, *, issuer: str, audience: str, lifetime_seconds: int
    ) -> None:
        super().__init__(issuer=issuer, alg=ALGORITHM, expires_generator=lifetime_seconds)
        self._key_store = key_store
        self._audience = audience
        self.lifetime_seconds = lifetime_seconds

    def get_jwks(self) -> KeySet:
        # A set of one: joserfc then writes that key's `kid` into the JWT header.
        return KeySet([self._key_store.signing_key().private_key])

    def get_audiences(self, client: ConfigClient, user: object, scope: str) -> str:
        return self._audience

    def get_extra_claims(
        self, client: ConfigClient, grant_type: str, user: object, scope: str
    ) -> dict[str, Any]:
        if isinstance(user, Person):
            # Every service audits the token's client_id: a person's token names the
            # person (and the client they signed in to), so the audit does too.
            return {"org": user.org, "client_id": f"{client.client_id}:{user.username}"}
        if client.sandbox:
            return {"org": client.org, "sandbox": True}
        return {"org": client.org}
