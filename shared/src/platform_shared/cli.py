"""The command line every service shares: `serve`, `migrate`, `relay`, plus its own workers.

care-status-api serve      # the API under uvicorn
care-status-api migrate    # alembic upgrade head on DATABASE_URL
care-status-api relay      # the outbox relay as its own process
"""

from __future__ import annotations

import argparse
import asyncio
import signal
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from platform_shared.auth import ClientCredentials
from platform_shared.db import create_engine, create_session_factory
from platform_shared.migrations import upgrade_to_head
from platform_shared.observability import configure_logging
from platform_shared.outbox import OutboxRelay, Prepare
from platform_shared.settings import ServiceSettings
from platform_shared.tracing import tracer_of, tracer_provider

#: How long uvicorn's supervisor waits for a `serve --workers N` worker to answer its ping
#: before it kills and replaces it (a starting worker answers only after its imports).
WORKER_HEALTHCHECK_SECONDS = 60

#: A worker command: runs until the event is set (SIGINT/SIGTERM set it).
Worker = Callable[[asyncio.Event], Awaitable[None]]


async def run_until_signalled(worker: Worker) -> None:
    """Run `worker` until SIGINT or SIGTERM, then let it finish its current step."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await worker(stop)


def relay_worker(
    settings: ServiceSettings, prepare: Prepare | None = None, *, service: str = "outbox-relay"
) -> Worker:
    """The outbox relay of `service`, as a standalone worker."""

    async def run(stop: asyncio.Event) -> None:
        tracing = tracer_provider(service, settings)
        engine = create_engine(settings.database_url)
        credentials = ClientCredentials(
            token_url=settings.token_url,
            client_id=settings.platform_client_id,
            client_secret=settings.platform_client_secret.get_secret_value(),
            scope=settings.oauth_request_scope,
            discovery=settings.discovery(),
        )
        relay = OutboxRelay(
            create_session_factory(engine),
            events_url=f"{settings.notify_url.rstrip('/')}/v1/events",
            credentials=credentials,
            prepare=prepare,
            batch_size=settings.relay_batch_size,
            concurrency=settings.relay_concurrency,
            post_batch_size=settings.relay_post_batch_size,
            poll_seconds=settings.relay_poll_seconds,
            tracer=tracer_of(tracing),
        )
        try:
            await relay.run(stop)
        finally:
            await relay.aclose()
            await engine.dispose()
            if tracing is not None:
                tracing.shutdown()

    return run


def run_service_cli(
    *,
    name: str,
    settings_factory: Callable[[], ServiceSettings],
    app_factory: Callable[[ServiceSettings], FastAPI],
    migrations: Path,
    workers: Mapping[str, Callable[[ServiceSettings], Worker]] | None = None,
    argv: list[str] | None = None,
) -> None:
    """Parse the command line of service `name` and run the chosen command."""
    commands: dict[str, Callable[[ServiceSettings], Worker]] = {
        "relay": lambda settings: relay_worker(settings, service=name)
    }
    commands.update(workers or {})
    parser = argparse.ArgumentParser(prog=name)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the API")
    serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    sub.add_parser("migrate", help="apply the database migrations")
    for command in commands:
        sub.add_parser(command, help=f"run the {command} worker")
    args = parser.parse_args(argv)
    settings = settings_factory()
    configure_logging(name, settings.log_level)
    if args.command == "migrate":
        asyncio.run(upgrade_to_head(migrations, settings.database_url))
    elif args.command == "serve":
        if args.workers > 1:
            # Each worker process builds its own app from the environment. uvicorn's
            # supervisor kills a worker that does not answer its ping within the healthcheck
            # timeout (default 5 s), and a new worker answers only once its imports are done:
            # on a busy host they alone take longer, and the workers were restarted in a loop.
            uvicorn.run(
                f"{app_factory.__module__}:{app_factory.__name__}",
                factory=True,
                host=settings.host,
                port=settings.port,
                workers=args.workers,
                log_config=None,
                timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
            )
        else:
            uvicorn.run(
                app_factory(settings), host=settings.host, port=settings.port, log_config=None
            )
    else:
        asyncio.run(run_until_signalled(commands[args.command](settings)))
