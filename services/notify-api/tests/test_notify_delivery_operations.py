"""Recover and retry (issue 17): failed deliveries pushed again with their `webhook-id`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from notify.delivery.worker import DeliveryWorker
from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, seeded_worker
from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService, serve_over_http

T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


@dataclass
class Receiver:
    """Answers `status` (a test changes it); verifies and keeps what it accepted."""

    status: int = 200
    secret: str | None = None
    received: list[dict[str, Any]] = field(default_factory=list)
    hits: int = 0

    @property
    def app(self) -> Starlette:
        return Starlette(routes=[Route("/hooks", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        self.hits += 1
        body = await request.body()
        if self.status != 200:
            return JSONResponse({}, status_code=self.status)
        assert self.secret is not None
        payload = Webhook(self.secret).verify(body, dict(request.headers))
        self.received.append({"id": request.headers["webhook-id"], "payload": payload})
        return JSONResponse({})


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    hooks = Receiver()
    async with serve_over_http(hooks.app) as url:
        yield hooks, f"{url}/hooks"


def _worker(service: InProcessService, settings: Settings, clock: Clock) -> DeliveryWorker:
    return seeded_worker(service.session_factory, settings, clock, delivery_timeout_seconds=0.5)


async def _register(service: InProcessService, hooks: Receiver, url: str) -> str:
    camden = await service.as_client("demo-camden")
    response = await camden.post("/v1/endpoints", json={"channel": "webhook", "url": url})
    assert response.status_code == 201, response.text
    hooks.secret = response.json()["secret"]
    endpoint_id: str = response.json()["id"]
    return endpoint_id


async def _incident(service: InProcessService, at: datetime) -> str:
    platform = await service.as_client("platform-services")
    event = cloud_event("incident.recorded", incident_data("behaviour", at), time=at)
    response = await platform.post("/v1/events", json=event)
    notification_id: str = response.json()["notifications"][0]["id"]
    return notification_id


async def _delivery(service: InProcessService, notification_id: str) -> dict[str, Any]:
    camden = await service.as_client("demo-camden")
    detail = (await camden.get(f"/v1/notifications/{notification_id}")).json()
    delivery: dict[str, Any] = detail["deliveries"][0]
    return delivery


async def _drain(worker: DeliveryWorker) -> None:
    """Push everything due now (one at a time on SQLite)."""
    while await worker.deliver_due():
        pass


async def _failed_for_good(
    service: InProcessService, settings: Settings, clock: Clock, hooks: Receiver, count: int
) -> tuple[DeliveryWorker, list[str]]:
    """`count` notifications whose pushes were refused until the 3-day cut-off passed."""
    made = [await _incident(service, clock.now) for _ in range(count)]
    worker = _worker(service, settings, clock)
    hooks.status = 503
    await _drain(worker)
    clock.now += timedelta(days=3, minutes=1)
    await _drain(worker)
    for notification_id in made:
        assert (await _delivery(service, notification_id))["status"] == "failed"
    clock.now += timedelta(minutes=1)
    return worker, made


async def test_recover_pushes_every_failed_delivery_again_with_its_webhook_id(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = receiver
    endpoint_id = await _register(service, hooks, url)
    worker, made = await _failed_for_good(service, settings, clock, hooks, 2)
    failed_ids = [(await _delivery(service, n))["id"] for n in made]
    camden = await service.as_client("demo-camden")
    hooks.status = 200

    recovered = await camden.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={"since": (clock.now - timedelta(days=1)).isoformat()},
    )
    again = await camden.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={"since": (clock.now - timedelta(days=1)).isoformat()},
    )
    await _drain(worker)
    await worker.aclose()

    assert recovered.status_code == 202, recovered.text
    assert sorted(recovered.json()["deliveries"]) == sorted(failed_ids)
    assert again.json()["deliveries"] == []  # pending already: nothing new
    assert sorted(message["id"] for message in hooks.received) == sorted(failed_ids)
    for notification_id in made:
        delivery = await _delivery(service, notification_id)
        assert delivery["status"] == "delivered"
        assert [(a["trigger"], a["outcome"]) for a in delivery["attempts"]] == [
            ("scheduled", "retry"),
            ("scheduled", "failed"),
            ("manual", "delivered"),
        ]
    async with service.session_factory() as session:
        audited = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.action == "endpoint.recover"))
        )
    assert [entry.subject_id for entry in audited] == [endpoint_id, endpoint_id]
    assert audited[0].details is not None and audited[0].details["recovered"] == 2


async def test_recover_leaves_deliveries_outside_the_window_and_of_closed_notifications(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = receiver
    endpoint_id = await _register(service, hooks, url)
    worker, [acknowledged, open_one] = await _failed_for_good(service, settings, clock, hooks, 2)
    await worker.aclose()
    camden = await service.as_client("demo-camden")
    await camden.post(f"/v1/notifications/{acknowledged}/acknowledge")
    ended_at = clock.now - timedelta(minutes=1)

    too_late = await camden.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={"since": (ended_at + timedelta(seconds=1)).isoformat()},
    )
    clock.now += timedelta(hours=1)
    in_window = await camden.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={
            "since": (ended_at - timedelta(hours=1)).isoformat(),
            "until": (ended_at + timedelta(seconds=1)).isoformat(),
        },
    )

    assert too_late.json()["deliveries"] == []
    assert in_window.json()["deliveries"] == [(await _delivery(service, open_one))["id"]]
    assert in_window.json()["skipped_closed"] == 1
    assert (await _delivery(service, acknowledged))["status"] == "failed"


@pytest.mark.parametrize(
    ("window", "field"),
    [
        ({"since": "2026-12-01T09:00:00Z", "until": "2026-12-15T09:00:01Z"}, "body.until"),
        ({"since": "2026-12-01T09:00:00Z"}, "body.since"),
        ({"since": "2026-12-20T09:00:00Z", "until": "2026-12-20T08:00:00Z"}, "body.until"),
        ({"since": "2026-12-23T09:00:00Z"}, "body.since"),
        ({"since": "2026-12-20T09:00:00"}, "body.since"),
    ],
)
async def test_a_bad_recover_window_is_refused_naming_the_field(
    clocked_service: InProcessService,
    receiver: tuple[Receiver, str],
    window: dict[str, str],
    field: str,
) -> None:
    hooks, url = receiver
    endpoint_id = await _register(clocked_service, hooks, url)
    camden = await clocked_service.as_client("demo-camden")

    response = await camden.post(f"/v1/endpoints/{endpoint_id}/recover", json=window)

    assert response.status_code == 422, response.text
    assert field in [error["field"] for error in response.json()["errors"]]
    async with clocked_service.session_factory() as session:
        audited = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "endpoint.recover")
        )
    assert audited is None


async def test_retry_pushes_one_failed_delivery_once_and_is_idempotent(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = receiver
    await _register(service, hooks, url)
    worker, [notification_id] = await _failed_for_good(service, settings, clock, hooks, 1)
    delivery_id = (await _delivery(service, notification_id))["id"]
    camden = await service.as_client("demo-camden")

    first = await camden.post(f"/v1/deliveries/{delivery_id}/retry")
    second = await camden.post(f"/v1/deliveries/{delivery_id}/retry")
    keyed = await camden.post(
        f"/v1/deliveries/{delivery_id}/retry", headers={"Idempotency-Key": "retry-1"}
    )
    await _drain(worker)  # still 503: one manual attempt, then failed again
    refused = await _delivery(service, notification_id)
    clock.now += timedelta(minutes=1)
    hooks.status = 200
    third = await camden.post(f"/v1/deliveries/{delivery_id}/retry")
    await _drain(worker)
    replayed = await camden.post(
        f"/v1/deliveries/{delivery_id}/retry", headers={"Idempotency-Key": "retry-1"}
    )
    after_delivery = await camden.post(f"/v1/deliveries/{delivery_id}/retry")
    await worker.aclose()

    assert (first.status_code, second.status_code, third.status_code) == (202, 202, 202)
    assert first.json() == second.json() == keyed.json()
    assert first.json()["next_trigger"] == "manual"
    assert refused["status"] == "failed"
    assert refused["ended_reason"] == "the manual attempt was not accepted"
    assert [a["trigger"] for a in refused["attempts"]] == ["scheduled", "scheduled", "manual"]
    delivered = await _delivery(service, notification_id)
    assert delivered["status"] == "delivered"
    assert [a["trigger"] for a in delivered["attempts"][-2:]] == ["manual", "manual"]
    assert [m["id"] for m in hooks.received] == [delivery_id]
    assert replayed.status_code == 202
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert after_delivery.status_code == 409
    async with service.session_factory() as session:
        audited = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.action == "delivery.retry"))
        )
    assert len(audited) == 2  # the two retries that changed something


async def test_another_organisations_delivery_is_not_found(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    receiver: tuple[Receiver, str],
) -> None:
    hooks, url = receiver
    endpoint_id = await _register(clocked_service, hooks, url)
    worker, [notification_id] = await _failed_for_good(clocked_service, settings, clock, hooks, 1)
    await worker.aclose()
    delivery_id = (await _delivery(clocked_service, notification_id))["id"]
    derbyshire = await clocked_service.as_client("demo-derbyshire")

    retry = await derbyshire.post(f"/v1/deliveries/{delivery_id}/retry")
    recover = await derbyshire.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={"since": (clock.now - timedelta(days=1)).isoformat()},
    )

    assert (retry.status_code, recover.status_code) == (404, 404)
    assert (await _delivery(clocked_service, notification_id))["status"] == "failed"
