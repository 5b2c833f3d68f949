"""Helpers of the delivery operations tests (issue 17): a receiver answering a status a
test sets, and the steps those tests share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from notify.delivery.worker import DeliveryWorker
from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, seeded_worker
from platform_shared.testing import InProcessService


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


def worker_of(service: InProcessService, settings: Settings, clock: Clock) -> DeliveryWorker:
    # No order wait: these tests play each delivery's own retry schedule side by side
    # (ordered push is `test_notify_ordered_push.py`'s).
    return seeded_worker(
        service.session_factory,
        settings,
        clock,
        delivery_timeout_seconds=0.5,
        delivery_order_wait_seconds=0,
    )


async def register(service: InProcessService, hooks: Receiver, url: str) -> str:
    camden = await service.as_client("demo-camden")
    response = await camden.post("/v1/endpoints", json={"channel": "webhook", "url": url})
    assert response.status_code == 201, response.text
    hooks.secret = response.json()["secret"]
    endpoint_id: str = response.json()["id"]
    return endpoint_id


async def incident(service: InProcessService, at: datetime) -> str:
    platform = await service.as_client("platform-services")
    event = cloud_event("incident.recorded", incident_data("behaviour", at), time=at)
    response = await platform.post("/v1/events", json=event)
    notification_id: str = response.json()["notifications"][0]["id"]
    return notification_id


async def delivery_of(service: InProcessService, notification_id: str) -> dict[str, Any]:
    camden = await service.as_client("demo-camden")
    detail = (await camden.get(f"/v1/notifications/{notification_id}")).json()
    delivery: dict[str, Any] = detail["deliveries"][0]
    return delivery


async def drain(worker: DeliveryWorker) -> None:
    """Push everything due now (one at a time on SQLite)."""
    while await worker.deliver_due():
        pass


async def failed_for_good(
    service: InProcessService, settings: Settings, clock: Clock, hooks: Receiver, count: int
) -> tuple[DeliveryWorker, list[str]]:
    """`count` notifications whose pushes were refused until the 3-day cut-off passed."""
    made = [await incident(service, clock.now) for _ in range(count)]
    worker = worker_of(service, settings, clock)
    hooks.status = 503
    await drain(worker)
    clock.now += timedelta(days=3, minutes=1)
    await drain(worker)
    for notification_id in made:
        assert (await delivery_of(service, notification_id))["status"] == "failed"
    clock.now += timedelta(minutes=1)
    return worker, made
