"""Health, readiness and metrics, as an orchestrator and Prometheus use them."""

from __future__ import annotations

from platform_shared.testing import InProcessService


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
