"""The app factory of the development authorization server.

`create_app` reads the clients file, refuses demo secrets outside development, makes sure a
signing key exists and wires authlib's authorization server into FastAPI.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from dev_auth.clients import load_clients, refuse_demo_secrets_outside_development
from dev_auth.keys import KeyStore
from dev_auth.people import Person, load_people
from dev_auth.router import DevAuthState, router
from dev_auth.schemas import TokenRequestForm
from dev_auth.server import DevAuthorizationServer
from dev_auth.settings import DevAuthSettings
from dev_auth.tokens import AccessTokenGenerator

logger = logging.getLogger(__name__)


def create_app(settings: DevAuthSettings | None = None) -> FastAPI:
    """Build the server; raise if its configuration is unsafe or unreadable."""
    settings = settings if settings is not None else DevAuthSettings()
    clients = load_clients(settings.clients_file, settings)
    refuse_demo_secrets_outside_development(clients, settings)
    key_store = KeyStore(settings.key_dir, token_lifetime_seconds=settings.token_lifetime_seconds)
    signing_kid = key_store.ensure_signing_key()
    token_generator = AccessTokenGenerator(
        key_store,
        issuer=settings.issuer,
        audience=settings.audience,
        lifetime_seconds=settings.token_lifetime_seconds,
    )

    app = FastAPI(
        title="Development authorization server",
        summary="OAuth 2.0 client credentials for the embedded default; not for production.",
        version="1",
        generate_unique_id_function=_operation_id,
    )
    # People sign in on the development server only; elsewhere a real OIDC provider does.
    people: dict[str, Person] = (
        load_people(settings.people_file)
        if settings.is_development and settings.people_file.exists()
        else {}
    )
    app.state.dev_auth = DevAuthState(
        settings=settings,
        clients=clients,
        key_store=key_store,
        server=DevAuthorizationServer(clients, token_generator, people),
    )
    # Swagger UI's "Authorize" posts to the token endpoint from the browser, from the
    # origin of the service's /docs: without CORS the browser hides the answer.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type", "X-Requested-With"],
    )
    app.include_router(router)
    app.openapi = lambda: _openapi_with_token_form(app)  # type: ignore[method-assign]
    logger.info(
        "dev-auth ready issuer=%s environment=%s clients=%d signing_kid=%s",
        settings.issuer,
        settings.environment,
        len(clients),
        signing_kid,
    )
    return app


def _operation_id(route: APIRoute) -> str:
    """Readable operation ids for generated clients: `oauth.issue_token`."""
    return f"{route.tags[0]}.{route.name}" if route.tags else route.name


def _openapi_with_token_form(app: FastAPI) -> dict[str, Any]:
    # The token endpoint reads its form itself (RFC 6749 errors, no multipart dependency),
    # so its request schema is added to the components by hand.
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            routes=app.routes,
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["TokenRequestForm"] = TokenRequestForm.model_json_schema()
        app.openapi_schema = schema
    return app.openapi_schema
