"""Health, readiness and metrics, as an orchestrator and Prometheus use them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from platform_shared.app import create_service_app
from platform_shared.db import create_engine
from platform_shared.migrations import schema_state
from platform_shared.testing import DatabaseFactories, InProcessService, serve_in_process

from .conftest import MIGRATIONS, make_settings


async def test_ready_when_database_is_at_head(service: InProcessService) -> None:
    anonymous = await service.as_client(None)

    ready = await anonymous.get("/readyz")
    alive = await anonymous.get("/healthz")

    assert alive.json() == {"status": "ok", "checks": {}}
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "migrations": "ok"}


async def test_metrics_count_requests_by_route_template(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")
    await camden.get("/v1/whoami")

    metrics = await camden.get("/metrics")

    assert metrics.status_code == 200
    assert 'http_requests_total{method="GET",route="/v1/whoami",status="200"} 1.0' in metrics.text


async def test_not_ready_when_migrations_are_behind(
    database_factories: DatabaseFactories, backend: str, auth: Any, tmp_path: Path
) -> None:
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
    else:
        url = await database_factories.get(MIGRATIONS, backend).acreate()
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DELETE FROM alembic_version"))
        await engine.dispose()
    app = create_service_app(
        title="shared-tests",
        description="test app",
        settings=make_settings(url),
        migrations=MIGRATIONS,
        routers=[],
    )
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        anonymous = await running.as_client(None)

        ready = await anonymous.get("/readyz")

    assert ready.status_code == 503
    assert ready.json()["status"] == "unavailable"
    assert ready.json()["checks"]["migrations"] != "ok"


def test_schema_ahead_of_this_release_counts_as_ready() -> None:
    # During a rolling deployment the migration job of the next release runs first.
    assert schema_state(MIGRATIONS, "0004_outbox_traceparent") == "ok"
    assert schema_state(MIGRATIONS, "a-revision-of-a-newer-release") == "ok"
    assert schema_state(MIGRATIONS, None).startswith("not migrated")
