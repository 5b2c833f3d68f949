"""The `incident-api` command.

incident-api serve      # the API under uvicorn (INCIDENTS_HOST, INCIDENTS_PORT)
incident-api migrate    # alembic upgrade head on INCIDENTS_DATABASE_URL
incident-api relay      # the outbox relay as its own process, enriching events with facts
"""

from __future__ import annotations

import asyncio

from incidents.enrichment import FactsEnricher
from incidents.main import MIGRATIONS, care_status_client, create_app
from incidents.settings import Settings
from platform_shared.cli import Worker, relay_worker, run_service_cli
from platform_shared.db import create_engine, create_session_factory
from platform_shared.settings import ServiceSettings


def enriching_relay(settings: ServiceSettings) -> Worker:
    """The shared relay worker with incident-api's prepare hook (facts before sending)."""
    assert isinstance(settings, Settings)

    async def run(stop: asyncio.Event) -> None:
        engine = create_engine(settings.database_url)
        factory = create_session_factory(engine)
        enricher = FactsEnricher(care_status_client(settings), lambda: factory)
        try:
            await relay_worker(settings, enricher.prepare, service="incident-api")(stop)
        finally:
            await engine.dispose()

    return run


def main() -> None:
    run_service_cli(
        name="incident-api",
        settings_factory=Settings,
        # create_app itself (not a wrapper): `serve --workers N` imports it by name and
        # calls it with no argument in each worker process.
        app_factory=create_app,  # type: ignore[arg-type]
        migrations=MIGRATIONS,
        workers={"relay": enriching_relay},
    )
