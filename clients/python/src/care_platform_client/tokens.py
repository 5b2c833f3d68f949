"""Client-credentials tokens for every call: fetched when needed, cached, refreshed.

`ClientCredentials` is an `httpx.Auth`: the client that uses it asks the token endpoint
for a token on its first call, sends that token with every call until `leeway_seconds`
before it expires, then asks again. A call answered 401 (the token was revoked, or the
service's clock is ahead) is sent once more with a new token. Works with both
`httpx.Client` and `httpx.AsyncClient`: the token request goes through the same client.
"""

from __future__ import annotations

import time
from collections.abc import Generator

import httpx


class TokenError(Exception):
    """The token endpoint refused the client or answered something that is not a token."""


class ClientCredentials(httpx.Auth):
    """OAuth 2.0 client credentials (RFC 6749 4.4), sent as HTTP Basic (client_secret_basic)."""

    requires_response_body = True

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        scope: str | None = None,
        leeway_seconds: float = 60.0,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._secret = client_secret
        self.scope = scope
        self.leeway_seconds = leeway_seconds
        self._token: str | None = None
        self._expires_at = 0.0
        #: How many tokens have been fetched (a cached token is not fetched again).
        self.fetched = 0

    def forget(self) -> None:
        """Drop the cached token: the next call fetches a new one."""
        self._token = None

    @property
    def token(self) -> str | None:
        """The cached token, if it is still usable."""
        if self._token and time.monotonic() < self._expires_at - self.leeway_seconds:
            return self._token
        return None

    def _token_request(self) -> httpx.Request:
        form = {"grant_type": "client_credentials"}
        if self.scope:
            form["scope"] = self.scope
        basic = httpx.BasicAuth(self.client_id, self._secret)
        request = httpx.Request("POST", self.token_url, data=form)
        return next(basic.auth_flow(request))

    def _store(self, response: httpx.Response) -> str:
        if response.status_code != 200:
            raise TokenError(f"the token endpoint answered {response.status_code}")
        try:
            body = response.json()
            token = str(body["access_token"])
            lifetime = float(body.get("expires_in", 300))
        except (ValueError, KeyError, TypeError) as error:
            raise TokenError("the token endpoint answered no access_token") from error
        self._token = token
        self._expires_at = time.monotonic() + lifetime
        self.fetched += 1
        return token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self.token
        fetched_now = token is None
        if token is None:
            token = self._store((yield self._token_request()))
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401 and not fetched_now:
            token = self._store((yield self._token_request()))
            request.headers["Authorization"] = f"Bearer {token}"
            yield request
