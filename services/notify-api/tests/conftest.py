"""Fixtures of the notify-api tests: the service on a fresh database of each backend."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from notify.main import MIGRATIONS, create_app
from notify.settings import Settings
from notify.testing import Clock
from platform_shared.testing import (
    DatabaseFactories,
    InProcessService,
    serve_in_process,
    serve_over_http,
)

from .delivery_ops import Receiver


def make_settings(database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "migrate_on_start": False,
        "relay_in_process": False,
        "deliver_in_process": False,
        "environment": "development",
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
async def database_url(database_factories: DatabaseFactories, backend: str) -> str:
    return await database_factories.get(MIGRATIONS, backend).acreate()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
async def service(settings: Settings, auth: Any) -> AsyncIterator[InProcessService]:
    app = create_app(settings)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


@pytest.fixture
def clock() -> Clock:
    """The app's "now", set by hand; starts Tuesday 22 December 2026 09:00 UTC."""
    return Clock(datetime(2026, 12, 22, 9, 0, tzinfo=UTC))


@pytest.fixture
async def clocked_service(
    settings: Settings, auth: Any, clock: Clock
) -> AsyncIterator[InProcessService]:
    """The service on `clock`, for rules judged against "today" (visits made)."""
    app = create_app(settings, clock=clock)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


@pytest.fixture
async def status_receiver() -> AsyncIterator[tuple[Receiver, str]]:
    """A webhook receiver answering the status a test sets (`delivery_ops.Receiver`)."""
    hooks = Receiver()
    async with serve_over_http(hooks.app) as url:
        yield hooks, f"{url}/hooks"
