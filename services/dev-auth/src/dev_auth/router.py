"""HTTP routes of the development authorization server: token, discovery, keys, health."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from authlib.oauth2.rfc6749 import OAuth2Error
from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from dev_auth.clients import GRANT_TYPE, TOKEN_ENDPOINT_AUTH_METHODS, ClientRegistry
from dev_auth.keys import ALGORITHM, KeyStore, NoSigningKeyError
from dev_auth.schemas import (
    DiscoveryDocument,
    HealthStatus,
    JsonWebKeySet,
    OAuthError,
    TokenResponse,
)
from dev_auth.server import DevAuthorizationServer, OAuthResponse, TokenRequest
from dev_auth.settings import DevAuthSettings

TOKEN_PATH = "/oauth/token"  # noqa: S105 - a URL path
JWKS_PATH = "/jwks.json"

#: The token request form, documented as a named schema (see `main.token_request_schema`).
TOKEN_REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {"$ref": "#/components/schemas/TokenRequestForm"}
            }
        },
    }
}


@dataclass(frozen=True)
class DevAuthState:
    """What the routes need, built once by `create_app` and kept on `app.state.dev_auth`."""

    settings: DevAuthSettings
    clients: ClientRegistry
    key_store: KeyStore
    server: DevAuthorizationServer


def get_state(request: Request) -> DevAuthState:
    state: DevAuthState = request.app.state.dev_auth
    return state


State = Annotated[DevAuthState, Depends(get_state)]

router = APIRouter()


@router.post(
    TOKEN_PATH,
    tags=["oauth"],
    summary="Issue an access token (client credentials grant)",
    description=(
        "RFC 6749 §4.4: `grant_type=client_credentials` and an optional `scope` (a subset "
        "of the client's allowed scopes; all of them when omitted). The client authenticates "
        "with HTTP Basic (`client_secret_basic`) or `client_id` and `client_secret` in the "
        "body (`client_secret_post`)."
    ),
    response_model=TokenResponse,
    responses={
        400: {"model": OAuthError, "description": "invalid_request, invalid_scope, ..."},
        401: {"model": OAuthError, "description": "invalid_client"},
    },
    openapi_extra=TOKEN_REQUEST_BODY,
)
async def issue_token(request: Request, state: State) -> JSONResponse:
    body = await request.body()
    try:
        token_request = TokenRequest.from_http(
            request.method,
            str(request.url),
            request.headers,
            body,
            allow_insecure_transport=state.settings.is_development,
        )
    except OAuth2Error as error:
        return _to_json(state.server.reject(error))
    try:
        answer = await run_in_threadpool(state.server.issue_token, token_request)
    except NoSigningKeyError:
        return JSONResponse(
            {"error": "temporarily_unavailable", "error_description": "No signing key."},
            status_code=503,
            headers={"Cache-Control": "no-store"},
        )
    return _to_json(answer)


@router.get(
    "/.well-known/openid-configuration",
    tags=["discovery"],
    summary="Authorization server metadata",
    response_model=DiscoveryDocument,
)
def get_discovery_document(state: State) -> DiscoveryDocument:
    base_url = state.settings.base_url
    return DiscoveryDocument(
        issuer=state.settings.issuer,
        token_endpoint=f"{base_url}{TOKEN_PATH}",
        jwks_uri=f"{base_url}{JWKS_PATH}",
        grant_types_supported=[GRANT_TYPE],
        token_endpoint_auth_methods_supported=list(TOKEN_ENDPOINT_AUTH_METHODS),
        scopes_supported=state.clients.scopes_supported,
        id_token_signing_alg_values_supported=[ALGORITHM],
    )


@router.get(
    JWKS_PATH,
    tags=["discovery"],
    summary="Public keys that verify the tokens still valid",
    response_model=JsonWebKeySet,
)
def get_jwks(state: State) -> JsonWebKeySet:
    return JsonWebKeySet(**state.key_store.jwks())


@router.get("/healthz", tags=["health"], summary="Process alive", response_model=HealthStatus)
def get_health() -> HealthStatus:
    return HealthStatus(status="ok")


@router.get(
    "/readyz",
    tags=["health"],
    summary="Ready: a signing key is loaded",
    response_model=HealthStatus,
    responses={503: {"model": HealthStatus, "description": "No signing key"}},
)
def get_readiness(state: State) -> HealthStatus | JSONResponse:
    if state.key_store.is_ready():
        return HealthStatus(status="ok")
    return JSONResponse({"status": "unavailable"}, status_code=503)


def _to_json(answer: OAuthResponse) -> JSONResponse:
    headers = {name: value for name, value in answer.headers if name.lower() != "content-type"}
    return JSONResponse(answer.body, status_code=answer.status_code, headers=headers)
