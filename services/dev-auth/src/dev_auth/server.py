# mypy: allow-subclassing-any, allow-untyped-decorators
# (authlib ships without type hints; its classes are `Any` to mypy.)
"""The OAuth 2.0 authorization server: authlib's `AuthorizationServer` for one grant.

Only the client-credentials grant (RFC 6749 §4.4), with `client_secret_basic` or
`client_secret_post` client authentication. Tokens are self-contained JWTs, so nothing is
stored. The server is framework-neutral: it takes a `TokenRequest` already read from the wire
and answers an `OAuthResponse` that the router turns into HTTP.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

from authlib.oauth2.rfc6749 import (
    AuthorizationCodeGrant,
    AuthorizationServer,
    ClientCredentialsGrant,
    InvalidClientError,
    InvalidRequestError,
    OAuth2Error,
    OAuth2Payload,
    OAuth2Request,
)
from authlib.oauth2.rfc6749.authenticate_client import authenticate_client_secret_post
from authlib.oauth2.rfc6749.hooks import hooked
from authlib.oauth2.rfc7636 import CodeChallenge
from joserfc import jwt

from dev_auth.clients import TOKEN_ENDPOINT_AUTH_METHODS, ClientRegistry, ConfigClient
from dev_auth.keys import ALGORITHM
from dev_auth.people import AuthorizationCode, CodeStore, Person
from dev_auth.tokens import AccessTokenGenerator

logger = logging.getLogger(__name__)

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
#: A token request is a handful of short parameters.
MAX_TOKEN_REQUEST_BYTES = 8192


@dataclass(frozen=True)
class OAuthResponse:
    """What the server answers: status, JSON body and headers."""

    status_code: int
    body: dict[str, Any]
    headers: list[tuple[str, str]]


class _FormPayload(OAuth2Payload):
    def __init__(self, form: Mapping[str, list[str]]) -> None:
        self._datalist: defaultdict[str, list[str]] = defaultdict(list, form)
        self._data = {name: values[0] for name, values in form.items() if values}

    @property
    def data(self) -> dict[str, str]:
        return self._data

    @property
    def datalist(self) -> defaultdict[str, list[str]]:
        return self._datalist


class TokenRequest(OAuth2Request):
    """A token endpoint request, parsed from its `application/x-www-form-urlencoded` body."""

    def __init__(
        self,
        method: str,
        uri: str,
        headers: Mapping[str, str],
        form: Mapping[str, list[str]],
        *,
        allow_insecure_transport: bool = False,
    ) -> None:
        # authlib refuses plain HTTP; the development server runs on loopback or a compose
        # network without TLS, so there it is checked as if TLS ended in front of it.
        checked_uri = _as_https(uri) if allow_insecure_transport else uri
        super().__init__(method, checked_uri, headers=headers)
        self.uri = uri
        self.payload = _FormPayload(form)

    @property
    def form(self) -> dict[str, str]:
        data: dict[str, str] = self.payload.data
        return data

    @property
    def args(self) -> dict[str, str]:
        return {}

    @classmethod
    def from_http(
        cls,
        method: str,
        uri: str,
        headers: Mapping[str, str],
        body: bytes,
        *,
        allow_insecure_transport: bool = False,
    ) -> TokenRequest:
        """Parse a token request, or raise `InvalidRequestError` (RFC 6749 §3.2, §5.2)."""
        media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type != FORM_CONTENT_TYPE:
            raise InvalidRequestError(f"The request body must be {FORM_CONTENT_TYPE}.")
        if len(body) > MAX_TOKEN_REQUEST_BYTES:
            raise InvalidRequestError("The request body is too large.")
        try:
            form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise InvalidRequestError("The request body is not UTF-8.") from None
        if repeated := sorted(name for name, values in form.items() if len(values) > 1):
            raise InvalidRequestError(f"Parameters sent more than once: {', '.join(repeated)}.")
        return cls(method, uri, headers, form, allow_insecure_transport=allow_insecure_transport)


class ClientCredentials(ClientCredentialsGrant):
    """The client-credentials grant, with both secret-based client authentications."""

    TOKEN_ENDPOINT_AUTH_METHODS = list(TOKEN_ENDPOINT_AUTH_METHODS)

    @hooked
    def create_token_response(self) -> tuple[int, dict[str, Any], list[tuple[str, str]]]:
        # authlib's version logs the issued token at debug level; tokens never reach a log.
        token = self.generate_token(scope=self.request.payload.scope, include_refresh_token=False)
        self.save_token(token)
        return 200, token, self.TOKEN_RESPONSE_HEADER


class PersonCodeGrant(AuthorizationCodeGrant):
    """The authorization code grant (RFC 6749 §4.1) with PKCE, for people of the portal.

    The authorization endpoint is the router's sign-in page, which issues codes into the
    server's `CodeStore`; this grant exchanges them at the token endpoint, once each, and
    adds an OpenID Connect ID token (`id_token`) naming the person.
    """

    TOKEN_ENDPOINT_AUTH_METHODS = list(TOKEN_ENDPOINT_AUTH_METHODS)

    def query_authorization_code(self, code: str, client: ConfigClient) -> AuthorizationCode | None:
        server: DevAuthorizationServer = self.server
        return server.codes.find(code, client.client_id)

    def delete_authorization_code(self, authorization_code: AuthorizationCode) -> None:
        server: DevAuthorizationServer = self.server
        server.codes.delete(authorization_code)

    def authenticate_user(self, authorization_code: AuthorizationCode) -> Person | None:
        server: DevAuthorizationServer = self.server
        return server.people.get(authorization_code.username)

    @hooked
    def create_token_response(self) -> tuple[int, dict[str, Any], list[tuple[str, str]]]:
        client: ConfigClient = self.request.client
        code: AuthorizationCode = self.request.authorization_code
        person = self.authenticate_user(code)
        if person is None:
            raise InvalidRequestError("The person of this code is no longer known.")
        self.request.user = person
        # Deleted before the token is made: a code is good for one exchange only.
        self.delete_authorization_code(code)
        token = self.generate_token(
            user=person, scope=code.get_scope(), include_refresh_token=False
        )
        server: DevAuthorizationServer = self.server
        token["id_token"] = server.id_token(client, person, code)
        return 200, token, self.TOKEN_RESPONSE_HEADER


class _PkceChallenge(CodeChallenge):
    def get_authorization_code_challenge(self, authorization_code: AuthorizationCode) -> str:
        return authorization_code.code_challenge

    def get_authorization_code_challenge_method(self, authorization_code: AuthorizationCode) -> str:
        return authorization_code.code_challenge_method


class DevAuthorizationServer(AuthorizationServer):
    """The token endpoint of the development authorization server."""

    def __init__(
        self,
        clients: ClientRegistry,
        token_generator: AccessTokenGenerator,
        people: Mapping[str, Person] | None = None,
    ) -> None:
        super().__init__(scopes_supported=clients.scopes_supported)
        self._clients = clients
        self._token_generator = token_generator
        self.people: Mapping[str, Person] = people or {}
        self.codes = CodeStore()
        self.register_grant(ClientCredentials)
        self.register_grant(PersonCodeGrant, [_PkceChallenge(required=True)])
        self.register_token_generator("default", token_generator)
        self.register_client_auth_method("client_secret_post", _authenticate_client_secret_post)

    def id_token(self, client: ConfigClient, person: Person, code: AuthorizationCode) -> str:
        """An OpenID Connect ID token (Core §2) for `client`, signed like access tokens."""
        generator = self._token_generator
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": generator.issuer,
            "sub": person.username,
            "aud": client.client_id,
            "iat": now,
            "exp": now + generator.lifetime_seconds,
            "auth_time": code.auth_time,
            "name": person.name,
            "org": person.org,
            "role": person.role,
        }
        if code.nonce:
            claims["nonce"] = code.nonce
        key = generator.get_jwks().keys[0]
        return jwt.encode({"alg": ALGORITHM, "kid": key.kid}, claims, key)

    def query_client(self, client_id: str) -> ConfigClient | None:
        return self._clients.get(client_id)

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        """Nothing to store: the JWT carries everything a service needs to verify it."""

    def create_oauth2_request(self, request: TokenRequest) -> TokenRequest:
        if not isinstance(request, TokenRequest):
            raise TypeError("the server takes a TokenRequest")
        return request

    def handle_response(
        self, status: int, body: dict[str, Any], headers: list[tuple[str, str]]
    ) -> OAuthResponse:
        return OAuthResponse(status_code=status, body=body, headers=list(headers))

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        client = kwargs.get("client")
        if name == "after_authenticate_client" and isinstance(client, ConfigClient):
            logger.info("client authenticated client_id=%s", client.client_id)

    def issue_token(self, request: TokenRequest) -> OAuthResponse:
        """Answer a token request: a token, or an RFC 6749 §5.2 error."""
        response: OAuthResponse = self.create_token_response(request)
        return response

    def reject(self, error: OAuth2Error) -> OAuthResponse:
        """Answer a request that could not even be read as a token request."""
        response: OAuthResponse = self.handle_error_response(None, error)
        return response


def _authenticate_client_secret_post(
    query_client: Any, request: OAuth2Request
) -> ConfigClient | None:
    # authlib answers 400 for an unknown client_id sent in the body, 401 for a wrong secret;
    # both are the same failure, so both fall through to its single 401 invalid_client.
    try:
        client: ConfigClient | None = authenticate_client_secret_post(query_client, request)
    except InvalidClientError:
        return None
    return client


def _as_https(uri: str) -> str:
    return urlunsplit(urlsplit(uri)._replace(scheme="https"))
