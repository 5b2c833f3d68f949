"""The notify-api command line.

notify-api serve      # the API
notify-api migrate    # apply the migrations to NOTIFY_DATABASE_URL
notify-api deliver    # the delivery worker and sweeper (run as many as you like)
notify-api relay      # the shared outbox relay (notify-api itself sends no events)
notify-api rewrap-secrets  # wrap every webhook secret's data key under the current KEK
notify-api proofs verify   # check the notification log against its checkpoints (docs/proofs.md)
"""

from __future__ import annotations

import asyncio
import logging
import sys

from notify.delivery.worker import DeliveryWorker
from notify.endpoints.service import rewrap_secrets
from notify.main import MIGRATIONS, create_app, load_rules
from notify.proofs.cli import proofs_command
from notify.rules.catalogue import RuleFileError
from notify.settings import Settings
from platform_shared.cli import Worker, run_service_cli
from platform_shared.db import create_engine, create_session_factory
from platform_shared.settings import ServiceSettings
from platform_shared.tracing import tracer_of, tracer_provider


def deliver_worker(settings: ServiceSettings) -> Worker:
    """The delivery worker as its own process: claims, pushes, retries and sweeps."""
    assert isinstance(settings, Settings)
    catalogue = load_rules(settings)

    async def run(stop: asyncio.Event) -> None:
        engine = create_engine(settings.database_url)
        # Its own process and Deployment, so its own name in a trace.
        tracing = tracer_provider("notify-deliver", settings)
        worker = DeliveryWorker(
            create_session_factory(engine),
            settings=settings,
            catalogue=catalogue,
            tracer=tracer_of(tracing),
        )
        try:
            await worker.run(stop)
        finally:
            await worker.aclose()
            await engine.dispose()
            if tracing is not None:
                tracing.shutdown()

    return run


def rewrap_secrets_command(settings: ServiceSettings) -> Worker:
    """Re-wrap the webhook secrets at rest under the current key-encryption key, then end."""
    assert isinstance(settings, Settings)
    keyring = settings.webhook_keyring()

    async def run(_stop: asyncio.Event) -> None:
        engine = create_engine(settings.database_url)
        try:
            async with create_session_factory(engine)() as session, session.begin():
                changed = await rewrap_secrets(session, keyring)
            logging.getLogger("notify.cli").info(
                "webhook secrets re-wrapped", extra={"rewrapped": changed, "kek": keyring.current}
            )
        finally:
            await engine.dispose()

    return run


def main(argv: list[str] | None = None) -> None:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["proofs"]:
        sys.exit(proofs_command(arguments[1:]))
    try:
        load_rules(Settings())
        run_service_cli(
            name="notify-api",
            settings_factory=Settings,
            app_factory=create_app,  # type: ignore[arg-type]
            migrations=MIGRATIONS,
            workers={"deliver": deliver_worker, "rewrap-secrets": rewrap_secrets_command},
            argv=argv,
        )
    except RuleFileError as error:
        sys.exit(f"notify-api: the rules cannot be loaded: {error}")


if __name__ == "__main__":
    main()
