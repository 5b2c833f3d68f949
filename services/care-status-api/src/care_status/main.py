"""The app factory of care-status-api: the shared service app with this service's routers."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI

from care_status import models  # noqa: F401 - every table registered before the app starts
from care_status.access_log.router import router as access_log_router
from care_status.auth import Scope
from care_status.children.router import router as children_router
from care_status.imports.metrics import install as install_import_metrics
from care_status.imports.router import UPLOAD_PATH
from care_status.imports.router import router as imports_router
from care_status.imports.worker import run_worker
from care_status.leaving_care.router import router as leaving_care_router
from care_status.legal_statuses.router import router as legal_statuses_router
from care_status.lookups.router import lookup_route
from care_status.lookups.router import router as lookups_router
from care_status.placements.router import router as placements_router
from care_status.refusals import install_refusal_handlers
from care_status.settings import Settings
from care_status.status_facts.router import router as status_facts_router
from platform_shared.app import create_service_app
from platform_shared.calendar import utc_now
from platform_shared.dead_letters import dead_letter_router
from platform_shared.settings import ServiceSettings
from platform_shared.web.clock import Clock

#: The Alembic scripts of this service (services/care-status-api/migrations).
MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"

DESCRIPTION = """The system of record for care status, and lookups for custody.

Local authorities keep the records of the children they are responsible for (legal
statuses, placements, leaving care, personal adviser, consents). Police, courts, YOTs and
prisons ask lookups and get the minimum: looked after or care leaver under 25, the
responsible authority, whether the child is placed out of area, and the route by which
the authority is told. Every lookup and every read of a record is audited.
"""


async def _import_in_process(app: FastAPI, stop: asyncio.Event) -> None:
    settings = app.state.settings
    await run_worker(
        app.state.session_factory,
        stop,
        clock=app.state.clock,
        lease=timedelta(seconds=settings.import_lease_seconds),
        poll_seconds=settings.import_poll_seconds,
    )


def create_app(settings: ServiceSettings | None = None, *, clock: Clock = utc_now) -> FastAPI:
    """The care-status-api app; with no argument, settings come from `CARE_STATUS_*`."""
    settings = settings or Settings()
    import_in_process = getattr(settings, "import_in_process", False)
    app = create_service_app(
        title="care-status-api",
        description=DESCRIPTION,
        settings=settings,
        migrations=MIGRATIONS,
        routers=[
            children_router,
            access_log_router,
            legal_statuses_router,
            placements_router,
            leaving_care_router,
            lookups_router,
            status_facts_router,
            imports_router,
            dead_letter_router(Scope.READ, Scope.WRITE),
        ],
        direct_routes=[lookup_route],
        background=[_import_in_process] if import_in_process else [],
        clock=clock,
        form_paths=frozenset({UPLOAD_PATH}),
        form_max_body_bytes=getattr(settings, "import_max_bytes", None),
    )
    install_refusal_handlers(app)
    app.state.scrapes.append(install_import_metrics(app.state.metrics.registry))
    return app
