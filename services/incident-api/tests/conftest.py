"""incident-api under test: real migrations on both backends, real tokens, and its
neighbours (care-status-api's facts endpoint, notify-api's intake) served over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from dev_auth.main import create_app as create_auth_app
from dev_auth.settings import DevAuthSettings
from incidents.main import create_app
from incidents.settings import Settings
from incidents.testing import CareStatusStandIn, NotifyStandIn
from platform_shared.outbox import OutboxEvent, OutboxRelay
from platform_shared.testing import (
    DatabaseFactories,
    InProcessService,
    serve_in_process,
    serve_over_http,
)

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"

#: A Camden child living in a Derbyshire children's home (out of area).
CAMDEN_CHILD = "child-camden-1"
#: A Derbyshire child in Derbyshire foster care (in area).
DERBYSHIRE_CHILD = "child-derbyshire-1"


@pytest.fixture
async def auth_url(auth_settings: DevAuthSettings) -> AsyncIterator[str]:
    """The development authorization server over real HTTP (same keys as `auth`)."""
    async with serve_over_http(create_auth_app(auth_settings)) as url:
        yield url


@pytest.fixture
async def care_status(auth_url: str) -> AsyncIterator[CareStatusStandIn]:
    stand_in = CareStatusStandIn(f"{auth_url}/jwks.json")
    stand_in.add(CAMDEN_CHILD)
    stand_in.add(
        DERBYSHIRE_CHILD,
        responsible_authority="E10000007",
        area_authority="E10000007",
        placed_out_of_area=False,
        placement_type="foster",
        age=12,
        age_band="10_13",
    )
    await stand_in.start()
    yield stand_in
    await stand_in.stop()


@pytest.fixture
async def notify(auth_url: str) -> AsyncIterator[NotifyStandIn]:
    stand_in = NotifyStandIn(f"{auth_url}/jwks.json")
    await stand_in.start()
    yield stand_in
    await stand_in.stop()


@pytest.fixture
async def database_url(database_factories: DatabaseFactories, backend: str) -> str:
    return await database_factories.get(MIGRATIONS, backend).acreate()


@pytest.fixture
async def service(
    database_url: str,
    auth: Any,
    auth_url: str,
    care_status: CareStatusStandIn,
    notify: NotifyStandIn,
) -> AsyncIterator[InProcessService]:
    settings = Settings(
        _env_file=None,
        database_url=database_url,
        migrate_on_start=False,
        relay_in_process=False,
        care_status_url=care_status.url,
        care_status_timeout_seconds=2.0,
        oauth_token_url=f"{auth_url}/oauth/token",
        notify_url=notify.url,
    )
    app = create_app(settings)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


Client = Callable[[str], Awaitable[httpx.AsyncClient]]


@pytest.fixture
def client(service: InProcessService) -> Client:
    """An HTTP client of incident-api as a demo client (`await client("demo-camden")`)."""
    return service.as_client


def incident_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "person_ref": CAMDEN_CHILD,
        "occurred_at": "2026-06-10T14:00:00+01:00",
        "kind": "behaviour",
        "setting": "placement",
    }
    body.update(overrides)
    return body


@pytest.fixture
def body() -> Callable[..., dict[str, Any]]:
    """`body(kind="arrest")`: a valid incident body with readable defaults."""
    return incident_body


async def outbox_events(service: InProcessService) -> list[OutboxEvent]:
    async with service.session_factory() as session:
        return list(await session.scalars(select(OutboxEvent).order_by(OutboxEvent.created_at)))


@pytest.fixture
def events(service: InProcessService) -> Callable[[], Awaitable[list[OutboxEvent]]]:
    """`await events()`: the outbox rows, oldest first."""
    return lambda: outbox_events(service)


@pytest.fixture
def relay(service: InProcessService) -> OutboxRelay:
    """The app's own outbox relay (with its prepare hook), run a pass at a time."""
    relay: OutboxRelay = service.app.state.outbox_relay
    return relay
