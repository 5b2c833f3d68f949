"""The notify-api command line.

notify-api serve      # the API
notify-api migrate    # apply the migrations to NOTIFY_DATABASE_URL
notify-api deliver    # the delivery worker and sweeper (run as many as you like)
notify-api relay      # the shared outbox relay (notify-api itself sends no events)
"""

from __future__ import annotations

import asyncio
import sys

from notify.delivery.worker import DeliveryWorker
from notify.main import MIGRATIONS, create_app, load_rules
from notify.rules.catalogue import RuleFileError
from notify.settings import Settings
from platform_shared.cli import Worker, run_service_cli
from platform_shared.db import create_engine, create_session_factory
from platform_shared.settings import ServiceSettings


def deliver_worker(settings: ServiceSettings) -> Worker:
    """The delivery worker as its own process: claims, pushes, retries and sweeps."""
    assert isinstance(settings, Settings)
    catalogue = load_rules(settings)

    async def run(stop: asyncio.Event) -> None:
        engine = create_engine(settings.database_url)
        worker = DeliveryWorker(
            create_session_factory(engine), settings=settings, catalogue=catalogue
        )
        try:
            await worker.run(stop)
        finally:
            await worker.aclose()
            await engine.dispose()

    return run


def main(argv: list[str] | None = None) -> None:
    try:
        load_rules(Settings())
        run_service_cli(
            name="notify-api",
            settings_factory=Settings,
            app_factory=create_app,  # type: ignore[arg-type]
            migrations=MIGRATIONS,
            workers={"deliver": deliver_worker},
            argv=argv,
        )
    except RuleFileError as error:
        sys.exit(f"notify-api: the rules cannot be loaded: {error}")


if __name__ == "__main__":
    main()
