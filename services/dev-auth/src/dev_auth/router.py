"""HTTP routes of the development authorization server: token, discovery, keys, health."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

from authlib.oauth2.rfc6749 import OAuth2Error
from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from dev_auth.clients import (
    AUTHORIZATION_CODE,
    GRANT_TYPE,
    TOKEN_ENDPOINT_AUTH_METHODS,
    ClientRegistry,
)
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
from dev_auth.signin import (
    REQUEST_PARAMETERS,
    RedirectableError,
    UnanswerableRequest,
    parse_request,
    problem_page,
    redirect_with_code,
    sign_in_page,
)

TOKEN_PATH = "/oauth/token"  # noqa: S105 - a URL path
AUTHORIZE_PATH = "/oauth/authorize"
#: The sign-in page is a small form; anything larger is not one.
MAX_SIGN_IN_FORM_BYTES = 8192
_PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
}


def _sign_in_headers(redirect_uri: str) -> dict[str, str]:
    # Browsers apply form-action to the redirect that follows the form too: the client's
    # (checked) redirect URI is allowed, nothing else.
    parts = urlsplit(redirect_uri)
    origin = f"{parts.scheme}://{parts.netloc}"
    return {
        **_PAGE_HEADERS,
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
        f"form-action 'self' {origin}; frame-ancestors 'none'",
    }


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

logger = logging.getLogger(__name__)

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
    signs_in = bool(state.server.people)
    return DiscoveryDocument(
        issuer=state.settings.issuer,
        token_endpoint=f"{base_url}{TOKEN_PATH}",
        jwks_uri=f"{base_url}{JWKS_PATH}",
        grant_types_supported=[GRANT_TYPE, AUTHORIZATION_CODE] if signs_in else [GRANT_TYPE],
        token_endpoint_auth_methods_supported=list(TOKEN_ENDPOINT_AUTH_METHODS),
        scopes_supported=state.clients.scopes_supported,
        id_token_signing_alg_values_supported=[ALGORITHM],
        authorization_endpoint=f"{base_url}{AUTHORIZE_PATH}" if signs_in else None,
        response_types_supported=["code"] if signs_in else [],
        subject_types_supported=["public"] if signs_in else [],
        code_challenge_methods_supported=["S256"] if signs_in else [],
        authorization_response_iss_parameter_supported=signs_in,
    )


@router.get(
    AUTHORIZE_PATH,
    tags=["oauth"],
    summary="The sign-in page (authorization code with PKCE; development only)",
    response_class=HTMLResponse,
    response_model=None,
    responses={302: {"description": "An error sent back to the client"}, 400: {}, 404: {}},
)
def show_sign_in(request: Request, state: State) -> HTMLResponse | RedirectResponse:
    if not state.server.people:
        return HTMLResponse(problem_page("No one signs in here."), 404, headers=_PAGE_HEADERS)
    return _authorize(dict(request.query_params), state, sign_in=False)


@router.post(
    AUTHORIZE_PATH,
    tags=["oauth"],
    summary="Sign in as a demo person: back to the client with a code",
    response_class=HTMLResponse,
    response_model=None,
    responses={303: {"description": "Back to the client with a code"}, 400: {}, 404: {}},
)
async def sign_in(request: Request, state: State) -> HTMLResponse | RedirectResponse:
    if not state.server.people:
        return HTMLResponse(problem_page("No one signs in here."), 404, headers=_PAGE_HEADERS)
    body = await request.body()
    if len(body) > MAX_SIGN_IN_FORM_BYTES:
        return HTMLResponse(problem_page("The form is too large."), 400, headers=_PAGE_HEADERS)
    form = {
        name: values[0]
        for name, values in parse_qs(body.decode("utf-8", "replace")).items()
        if name in (*REQUEST_PARAMETERS, "username")
    }
    return _authorize(form, state, sign_in=True)


def _authorize(
    params: dict[str, str], state: State, *, sign_in: bool
) -> HTMLResponse | RedirectResponse:
    try:
        authorization = parse_request(params, state.clients)
    except UnanswerableRequest as problem:
        return HTMLResponse(problem_page(str(problem)), 400, headers=_PAGE_HEADERS)
    except RedirectableError as error:
        return RedirectResponse(error.location, status_code=302)
    people = state.server.people
    headers = _sign_in_headers(authorization.redirect_uri)
    if not sign_in:
        return HTMLResponse(sign_in_page(authorization, people), headers=headers)
    person = people.get(params.get("username", ""))
    if person is None:
        return HTMLResponse(sign_in_page(authorization, people), 400, headers=headers)
    code = state.server.codes.issue(
        client_id=authorization.client_id,
        redirect_uri=authorization.redirect_uri,
        scope=" ".join(dict.fromkeys(["openid", *person.scopes])),
        username=person.username,
        code_challenge=authorization.code_challenge,
        code_challenge_method=authorization.code_challenge_method,
        nonce=authorization.nonce,
    )
    logger.info("person signed in username=%s client_id=%s", person.username, code.client_id)
    return RedirectResponse(
        redirect_with_code(authorization, code.code, state.settings.issuer), status_code=303
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
