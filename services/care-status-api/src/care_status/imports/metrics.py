"""The imports' progress in `/metrics`, read from the database at each scrape: the import
worker serves no port, and every replica shows the same figures (a dashboard takes `max`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from care_status.imports import repository
from care_status.imports.models import ImportStatus

#: Every metric this module exposes (the dashboard and alert test reads them).
NAMES = (
    "care_status_imports",
    "care_status_import_rows",
    "care_status_import_rows_done",
    "care_status_import_oldest_queued_age_seconds",
)
STATUSES = (
    ImportStatus.QUEUED,
    ImportStatus.VALIDATING,
    ImportStatus.LOADING,
    ImportStatus.DONE,
    ImportStatus.FAILED,
)

Scrape = Callable[[AsyncSession, datetime], Awaitable[None]]


def install(registry: CollectorRegistry) -> Scrape:
    """Register the gauges; the scrape that refreshes them."""
    imports = Gauge(
        "care_status_imports", "SSDA903 imports by status", ["status"], registry=registry
    )
    rows = Gauge(
        "care_status_import_rows",
        "Rows of the SSDA903 imports under way (queued, validating, loading)",
        registry=registry,
    )
    rows_done = Gauge(
        "care_status_import_rows_done",
        "Rows loaded of the SSDA903 imports under way: progress is done / rows",
        registry=registry,
    )
    oldest_queued = Gauge(
        "care_status_import_oldest_queued_age_seconds",
        "How long the oldest queued SSDA903 import has waited for a worker",
        registry=registry,
    )
    for status in STATUSES:
        imports.labels(status).set(0)

    async def refresh(session: AsyncSession, now: datetime) -> None:
        by_status, total, done, age = await repository.progress_figures(session, now)
        for status in STATUSES:
            imports.labels(status).set(by_status.get(status, 0))
        rows.set(total)
        rows_done.set(done)
        oldest_queued.set(age)

    return refresh
