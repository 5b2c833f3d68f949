"""The app factory of the portal: assets, security headers, sessions, pages, error pages."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from portal.apis import ApiError, Apis, NotFound, NotSignedIn
from portal.children.router import router as children_router
from portal.custody.router import router as custody_router
from portal.duties.router import router as duties_router
from portal.endpoints.router import router as endpoints_router
from portal.figures.router import router as figures_router
from portal.home import router as home_router
from portal.imports.router import router as imports_router
from portal.inbox.router import router as inbox_router
from portal.incidents.router import router as incidents_router
from portal.records.router import router as records_router
from portal.rules.router import router as rules_router
from portal.sessions import SessionStore
from portal.settings import PortalSettings
from portal.signin.oidc import OidcClient
from portal.signin.router import router as signin_router
from portal.web import (
    TEMPLATES,
    FormExpired,
    NotAllowed,
    Portal,
    SignInRequired,
    current_session,
    set_session_cookie,
)

logger = logging.getLogger(__name__)

#: No inline script or style, nothing from elsewhere; forms post here only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
STATIC = Path(__file__).parent / "static"


class MissingAssets(RuntimeError):
    """GOV.UK Frontend is not installed: `make install` runs npm ci."""


def create_app(
    settings: PortalSettings | None = None, transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    settings = settings if settings is not None else PortalSettings()
    govuk = settings.node_modules / "govuk-frontend" / "dist" / "govuk"
    moj = settings.node_modules / "@ministryofjustice" / "frontend" / "moj"
    if not (govuk / "govuk-frontend.min.css").exists() or not moj.exists():
        raise MissingAssets(
            f"GOV.UK Frontend and MOJ Frontend are not in {settings.node_modules}: run make install"
        )
    apis = Apis(settings, transport)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await apis.aclose()

    app = FastAPI(
        title="Staff portal", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    app.state.portal = Portal(
        settings=settings,
        sessions=SessionStore(
            lifetime_seconds=settings.session_minutes * 60,
            idle_seconds=settings.idle_minutes * 60,
        ),
        apis=apis,
        features={},
    )
    app.state.oidc = OidcClient(settings, transport)
    app.mount("/assets", StaticFiles(directory=govuk / "assets"), name="govuk-assets")
    app.mount("/govuk", StaticFiles(directory=govuk), name="govuk")
    app.mount("/moj", StaticFiles(directory=moj), name="moj")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in (
        home_router,
        signin_router,
        custody_router,
        children_router,
        records_router,
        incidents_router,
        imports_router,
        inbox_router,
        duties_router,
        figures_router,
        endpoints_router,
        rules_router,
    ):
        app.include_router(router)
    _install_error_pages(app)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith(("/assets/", "/govuk/", "/moj/", "/static/")):
            # Pages hold personal data: never kept by the browser or a proxy.
            response.headers["Cache-Control"] = "no-store"
        return response

    return app


def _error_page(request: Request, template: str, status: int) -> HTMLResponse:
    portal: Portal = request.app.state.portal
    session = current_session(request, portal)
    response = TEMPLATES.TemplateResponse(
        request,
        template,
        {"session": session, "person": session.person, "flash": None},
        status_code=status,
    )
    set_session_cookie(response, session, portal.settings)
    return response


def _install_error_pages(app: FastAPI) -> None:
    async def sign_in_required(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SignInRequired)
        if request.method != "GET":
            # A form sent after the session ended: nothing is saved, and the page says so
            # (a redirect to the provider would be a form's redirect off-site, which the
            # CSP's form-action refuses).
            return _error_page(request, "errors/session_ended.html", 401)
        return RedirectResponse(f"/sign-in?next={_quote(exc.next_path)}", status_code=303)

    async def api_signed_out(request: Request, exc: Exception) -> Response:
        # The token expired or was refused: the session is over, the person signs in again.
        portal: Portal = request.app.state.portal
        session = current_session(request, portal)
        portal.sessions.end(session.id)
        return _error_page(request, "errors/session_ended.html", 401)

    async def form_expired(request: Request, exc: Exception) -> Response:
        return _error_page(request, "errors/form_expired.html", 400)

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error_page(request, "errors/not_found.html", 404)

    async def not_allowed(request: Request, exc: Exception) -> Response:
        return _error_page(request, "errors/not_allowed.html", 403)

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        logger.warning("an API refused a page's request status=%s", exc.status)
        return _error_page(request, "errors/unavailable.html", 502)

    async def unavailable(request: Request, exc: Exception) -> Response:
        logger.warning("an API could not be reached: %s", type(exc).__name__)
        return _error_page(request, "errors/unavailable.html", 503)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404:
            return _error_page(request, "errors/not_found.html", 404)
        if exc.status_code == 405:
            return _error_page(request, "errors/not_found.html", 405)
        return _error_page(request, "errors/unavailable.html", exc.status_code)

    async def unexpected(request: Request, exc: Exception) -> Response:
        logger.error("unexpected error on a page: %s", type(exc).__name__)
        return _error_page(request, "errors/unavailable.html", 500)

    app.add_exception_handler(SignInRequired, sign_in_required)
    app.add_exception_handler(NotSignedIn, api_signed_out)
    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(FormExpired, form_expired)
    app.add_exception_handler(NotAllowed, not_allowed)
    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(httpx.HTTPError, unavailable)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)


def _quote(path: str) -> str:
    return quote(path, safe="")
