"""The app factory every service builds on: errors, auth, health, metrics, lifespan.

`create_service_app` wires what is the same everywhere; a service passes its routers,
its migrations folder and, if it has background work, tasks to run beside the API.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import APIRouter, Depends, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.responses import Response

from platform_shared.auth import ClientCredentials, OidcDiscovery, TokenVerifier
from platform_shared.calendar import utc_now
from platform_shared.db import create_engine, create_session_factory
from platform_shared.direct import DirectRoute
from platform_shared.idempotency import IdempotentReplay, replay_handler
from platform_shared.migrations import current_revision, schema_state, upgrade_to_head
from platform_shared.observability import (
    BodyGuardMiddleware,
    Metrics,
    RequestContextMiddleware,
    configure_logging,
)
from platform_shared.outbox import (
    WAKE_RELAY,
    OutboxRelay,
    Prepare,
    count_dead_letters,
    outbox_figures,
)
from platform_shared.problems import document_problem_media_type, install_problem_handlers
from platform_shared.ratelimit import RateLimitHeadersMiddleware, rate_limiter_of
from platform_shared.settings import ServiceSettings
from platform_shared.tracing import instrument_app, tracer_of, tracer_provider
from platform_shared.web.clock import Clock
from platform_shared.web.input_guard import InputGuardMiddleware
from platform_shared.web.query import refuse_unknown_query_parameters

logger = logging.getLogger("platform.app")

#: Where the Swagger UI and ReDoc scripts, styles and icon are served.
DOCS_ASSETS = "/docs/assets"

#: Work a service runs beside its API until the app stops (e.g. the outbox relay).
BackgroundTask = Callable[[FastAPI, asyncio.Event], Awaitable[None]]
#: A service's own figures read at each `/metrics` scrape (session, now): it sets gauges
#: it registered on `app.state.metrics.registry`.
Scrape = Callable[[Any, Any], Awaitable[None]]


class Health(BaseModel):
    status: str
    checks: dict[str, str] = {}


def operation_id(route: APIRoute) -> str:
    """`children.create_child`, not `create_child_v1_children_post`, for generated clients."""
    tag = route.tags[0] if route.tags else "default"
    return f"{tag}.{route.name}"


def create_service_app(
    *,
    title: str,
    description: str,
    settings: ServiceSettings,
    migrations: Path,
    routers: Sequence[APIRouter],
    direct_routes: Sequence[DirectRoute[Any]] = (),
    background: Sequence[BackgroundTask] = (),
    relay_prepare: Prepare | None = None,
    version: str = "1.0.0",
    clock: Clock = utc_now,
    form_paths: frozenset[str] = frozenset(),
    form_max_body_bytes: int | None = None,
) -> FastAPI:
    configure_logging(title, settings.log_level)
    metrics = Metrics()
    # Swagger UI and ReDoc from the assets the fastapi-offline package ships, not a CDN:
    # a closed council network reaches the service but not the internet.
    app = FastAPIOffline(
        title=title,
        description=description,
        version=version,
        lifespan=_lifespan(settings, migrations, background, relay_prepare),
        generate_unique_id_function=operation_id,
        static_url=DOCS_ASSETS,
        dependencies=[Depends(refuse_unknown_query_parameters)],
    )
    app.state.settings = settings
    app.state.oidc_discovery = settings.discovery()
    app.state.metrics = metrics
    app.state.scrapes = []
    app.state.clock = clock
    app.state.rate_limiter = rate_limiter_of(settings)
    app.state.tracer_provider = tracer_provider(title, settings)
    app.state.tracer = tracer_of(app.state.tracer_provider)
    install_problem_handlers(app)
    app.add_exception_handler(IdempotentReplay, replay_handler)
    # Inside the body guard, so the body it reads is bounded; outside every route, the
    # direct ones included.
    app.add_middleware(InputGuardMiddleware)
    app.add_middleware(
        BodyGuardMiddleware,
        max_body_bytes=settings.max_body_bytes,
        form_paths=form_paths,
        form_max_body_bytes=form_max_body_bytes,
    )
    app.add_middleware(RequestContextMiddleware, metrics=metrics)
    app.add_middleware(RateLimitHeadersMiddleware)
    _add_health_routes(app, migrations, metrics)
    # First in the route list: the hottest operations are matched before any other.
    app.router.routes[:0] = direct_routes
    for router in routers:
        app.include_router(router)
    app.openapi = lambda: _openapi_document(app)  # type: ignore[method-assign]
    if app.state.tracer_provider is not None:
        instrument_app(app, app.state.tracer_provider)
    return app


Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def _lifespan(
    settings: ServiceSettings,
    migrations: Path,
    background: Sequence[BackgroundTask],
    relay_prepare: Prepare | None,
) -> Lifespan:
    """Start-up and shutdown: the database, the token verifier, the relay, the tasks."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.migrate_on_start and settings.is_development:
            await upgrade_to_head(migrations, settings.database_url)
        engine = _open_database(app, settings)
        await _discover(app.state.oidc_discovery)
        relay = _outbox_relay(app, settings, relay_prepare)
        stop = asyncio.Event()
        tasks: list[asyncio.Task[None]] = []
        if settings.relay_in_process:
            # Every session of this app wakes the relay after a commit that added events.
            app.state.session_factory.configure(info={WAKE_RELAY: relay.wake})
            tasks.append(asyncio.create_task(relay.run(stop), name="outbox-relay"))
        for work in background:
            tasks.append(asyncio.ensure_future(work(app, stop)))
        # What the imports and the start-up made lives as long as the process. Left to the
        # collector, every full collection walks it all (~140,000 objects: ~120 ms on the
        # benchmark host, every request in flight paused; docs/performance.md); frozen, a
        # collection walks only what requests made. Unfrozen at shutdown, so a process
        # that starts many apps (the tests) can still collect the ones that stopped.
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            stop.set()
            await _wait_for(tasks)
            await relay.aclose()
            await engine.dispose()
            if app.state.tracer_provider is not None:
                app.state.tracer_provider.shutdown()

    return lifespan


def _open_database(app: FastAPI, settings: ServiceSettings) -> AsyncEngine:
    """The engine, the session factory, the token verifier and the platform's credentials."""
    engine = create_engine(settings.database_url, pool_size=settings.database_pool_size)
    app.state.engine = engine
    app.state.session_factory = create_session_factory(engine)
    discovery: OidcDiscovery | None = app.state.oidc_discovery
    app.state.token_verifier = TokenVerifier(
        issuer=settings.oauth_issuer,
        audience=settings.oauth_audience,
        jwks_url=settings.jwks_url,
        leeway_seconds=settings.oauth_leeway_seconds,
        claims=settings.claim_mapping(),
        discovery=discovery,
    )
    app.state.platform_credentials = ClientCredentials(
        token_url=settings.token_url,
        client_id=settings.platform_client_id,
        client_secret=settings.platform_client_secret.get_secret_value(),
        scope=settings.oauth_request_scope,
        discovery=discovery,
    )
    return engine


async def _discover(discovery: OidcDiscovery | None) -> None:
    """Fetch the issuer's metadata now, so the OpenAPI document can name its token URL.

    An issuer down at start-up does not stop the service: the keys are fetched again on
    the first token, and the document names the configured token URL meanwhile.
    """
    if discovery is None:
        return
    try:
        await discovery.metadata()
    except (httpx.HTTPError, ValueError) as error:
        logger.warning("oidc discovery failed", extra={"error": type(error).__name__})


def _outbox_relay(app: FastAPI, settings: ServiceSettings, prepare: Prepare | None) -> OutboxRelay:
    relay = OutboxRelay(
        app.state.session_factory,
        events_url=f"{settings.notify_url.rstrip('/')}/v1/events",
        credentials=app.state.platform_credentials,
        prepare=prepare,
        batch_size=settings.relay_batch_size,
        concurrency=settings.relay_concurrency,
        post_batch_size=settings.relay_post_batch_size,
        poll_seconds=settings.relay_poll_seconds,
        tracer=app.state.tracer,
    )
    app.state.outbox_relay = relay
    return relay


async def _wait_for(tasks: Sequence[asyncio.Task[None]]) -> None:
    """Each background task gets 10 s to finish after the stop signal, then is cancelled."""
    for running in tasks:
        try:
            await asyncio.wait_for(running, timeout=10)
        except (TimeoutError, asyncio.CancelledError):
            running.cancel()


def _add_health_routes(app: FastAPI, migrations: Path, metrics: Metrics) -> None:
    @app.get("/healthz", tags=["health"], response_model=Health)
    async def healthz() -> Health:
        """The process is alive."""
        return Health(status="ok")

    @app.get(
        "/readyz",
        tags=["health"],
        response_model=Health,
        responses={503: {"model": Health, "description": "Not ready"}},
    )
    async def readyz() -> Any:
        """The database answers and its schema is at the head migration."""
        checks: dict[str, str] = {}
        try:
            async with app.state.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
            checks["database"] = "ok"
            revision = await current_revision(app.state.engine)
            checks["migrations"] = schema_state(migrations, revision)
        except Exception as error:  # any failure means "not ready", and says which
            checks.setdefault("database", f"unavailable: {type(error).__name__}")
        ready = all(value == "ok" for value in checks.values()) and "migrations" in checks
        body = Health(status="ok" if ready else "unavailable", checks=checks)
        return JSONResponse(body.model_dump(), status_code=200 if ready else 503)

    @app.get("/metrics", tags=["health"], response_class=Response)
    async def prometheus_metrics() -> Response:
        """Prometheus text format."""
        try:
            async with app.state.session_factory() as session:
                metrics.dead_letters.set(await count_dead_letters(session))
                outbox = await outbox_figures(session, app.state.clock())
                metrics.outbox_pending.set(outbox.pending)
                metrics.outbox_lag.set(outbox.oldest_pending_age)
                metrics.outbox_failing.set(outbox.failing)
                for scrape in app.state.scrapes:
                    await scrape(session, app.state.clock())
        except Exception:  # the figures are left as they were; /readyz says why
            metrics.scrape_errors.inc()
            logger.warning("figures not read for /metrics")
        return metrics.render()


def _openapi_document(app: FastAPI) -> dict[str, Any]:
    """FastAPI's own document, with each direct route described by its declaration."""
    if app.openapi_schema is None:
        routes = [
            route.documentation(operation_id) if isinstance(route, DirectRoute) else route
            for route in app.routes
        ]
        document = get_openapi(
            title=app.title,
            version=app.version,
            openapi_version=app.openapi_version,
            summary=app.summary,
            description=app.description,
            terms_of_service=app.terms_of_service,
            contact=app.contact,
            license_info=app.license_info,
            routes=routes,
            webhooks=app.webhooks.routes,
            tags=app.openapi_tags,
            servers=app.servers,
            separate_input_output_schemas=app.separate_input_output_schemas,
            external_docs=app.openapi_external_docs,
        )
        settings: ServiceSettings = app.state.settings
        document["servers"] = [{"url": _server_url(settings), "description": app.title}]
        flows = document.get("components", {}).get("securitySchemes", {}).get("oauth2", {})
        for flow in flows.get("flows", {}).values():
            flow["tokenUrl"] = public_token_url(settings, app.state.oidc_discovery)
        app.openapi_schema = document_problem_media_type(document)
    return app.openapi_schema


def public_token_url(settings: ServiceSettings, discovery: OidcDiscovery | None) -> str:
    """The absolute token URL a caller (Swagger UI's "Authorize") posts to."""
    if settings.oauth_public_token_url:
        return settings.oauth_public_token_url
    discovered = discovery.document if discovery is not None else None
    if discovered is not None:
        return str(discovered["token_endpoint"])
    return settings.token_url


def _server_url(settings: ServiceSettings) -> str:
    """`public_url`; else `http://<host>:<port>`, unless the host is a wildcard address
    (a container's `0.0.0.0`), which no caller can reach: then the document's own origin."""
    if settings.public_url:
        return settings.public_url.rstrip("/")
    if settings.host in {"0.0.0.0", "::", ""}:  # noqa: S104 - compared, not bound
        return "/"
    return f"http://{settings.host}:{settings.port}"
