"""Fixtures of the care-status-api tests: the app on a fresh migrated database, real tokens.

The clock is fixed at 2026-11-27 12:00 UTC so that boundary dates stay literal in tests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from care_status.main import MIGRATIONS, create_app
from care_status.settings import Settings
from platform_shared.testing import DatabaseFactories, InProcessService, serve_in_process

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.fixture
async def database_url(database_factories: DatabaseFactories, backend: str) -> str:
    return await database_factories.get(MIGRATIONS, backend).acreate()


@pytest.fixture
async def service(database_url: str, auth: Any) -> AsyncIterator[InProcessService]:
    settings = Settings(
        _env_file=None,
        database_url=database_url,
        migrate_on_start=False,
        relay_in_process=False,
    )
    app = create_app(settings, clock=lambda: NOW)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running
