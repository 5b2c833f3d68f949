"""The three services in-process on a fresh migrated database, for the contract and
security tests of `tests/` (the system tests under `tests/system/` start real processes).

`Services.get(name)` starts a service on first use as an `InProcessService` (lifespan
started, tokens verified against the in-process development authorization server);
`serve_http` puts one on a loopback port for clients that speak real HTTP (schemathesis).
incident-api gets stand-ins of care-status-api's facts and notify-api's intake.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager, AsyncExitStack
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

from care_status.main import MIGRATIONS as CARE_STATUS_MIGRATIONS
from care_status.main import create_app as create_care_status_app
from care_status.settings import Settings as CareStatusSettings
from dev_auth.main import create_app as create_auth_app
from dev_auth.settings import DevAuthSettings
from incidents.main import MIGRATIONS as INCIDENTS_MIGRATIONS
from incidents.main import create_app as create_incident_app
from incidents.settings import Settings as IncidentSettings
from incidents.testing import CareStatusStandIn, NotifyStandIn
from notify.main import MIGRATIONS as NOTIFY_MIGRATIONS
from notify.main import create_app as create_notify_app
from notify.settings import Settings as NotifySettings
from platform_shared.testing import (
    DatabaseFactories,
    InProcessService,
    serve_in_process,
    serve_over_http,
)

SERVICE_NAMES = ("care-status-api", "incident-api", "notify-api")

#: person_refs care-status-api's stand-in knows (for incident-api): a Camden child placed
#: in Derbyshire, and a Derbyshire child in area.
CAMDEN_CHILD = "p_CamdenChild00000000001"
DERBYSHIRE_CHILD = "p_DerbyshireChild0000001"


@dataclass
class Services:
    """Starts each service on first use, on the test's backend; stops them all at the end."""

    backend: str
    auth: Any
    auth_settings: DevAuthSettings
    database_factories: DatabaseFactories
    stack: AsyncExitStack

    def __post_init__(self) -> None:
        self._running: dict[str, InProcessService] = {}
        self._auth_url: str | None = None

    async def _database(self, migrations: Any) -> str:
        return await self.database_factories.get(migrations, self.backend).acreate()

    async def auth_url(self) -> str:
        """The development authorization server over real HTTP (same keys as `auth`)."""
        if self._auth_url is None:
            self._auth_url = await self.stack.enter_async_context(
                serve_over_http(create_auth_app(self.auth_settings))
            )
        return self._auth_url

    async def _app(self, name: str) -> FastAPI:
        common: dict[str, Any] = {
            "_env_file": None,
            "migrate_on_start": False,
            "relay_in_process": False,
        }
        if name == "care-status-api":
            database = await self._database(CARE_STATUS_MIGRATIONS)
            return create_care_status_app(CareStatusSettings(database_url=database, **common))
        if name == "notify-api":
            database = await self._database(NOTIFY_MIGRATIONS)
            settings = NotifySettings(
                database_url=database,
                deliver_in_process=False,
                environment="development",
                **common,
            )
            return create_notify_app(settings)
        database = await self._database(INCIDENTS_MIGRATIONS)
        auth_url = await self.auth_url()
        care_status = CareStatusStandIn(f"{auth_url}/jwks.json")
        care_status.add(CAMDEN_CHILD)
        care_status.add(
            DERBYSHIRE_CHILD,
            responsible_authority="E10000007",
            area_authority="E10000007",
            placed_out_of_area=False,
            placement_type="foster",
        )
        notify = NotifyStandIn(f"{auth_url}/jwks.json")
        for stand_in in (care_status, notify):
            await stand_in.start()
            self.stack.push_async_callback(stand_in.stop)
        settings = IncidentSettings(
            database_url=database,
            care_status_url=care_status.url,
            care_status_timeout_seconds=2.0,
            oauth_token_url=f"{auth_url}/oauth/token",
            notify_url=notify.url,
            **common,
        )
        return create_incident_app(settings)

    async def get(self, name: str) -> InProcessService:
        if name not in self._running:
            app = await self._app(name)
            self._running[name] = await self.stack.enter_async_context(
                serve_in_process(app, tokens=self.auth.token, issuer_http=self.auth.http)
            )
        return self._running[name]

    def serve_http(self, service: InProcessService) -> AbstractAsyncContextManager[str]:
        """`service` (already started) on a loopback port; yields its base URL."""
        return serve_over_http(_WithoutLifespan(service.app))


class _WithoutLifespan:
    """An ASGI app whose lifespan already ran elsewhere: a second server must not rerun it."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
