"""Webhook delivery to a real HTTP receiver: signed, retried on schedule, recorded."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from notify.delivery.worker import DeliveryWorker
from notify.main import create_app
from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, seeded_worker
from platform_shared.calendar import utc_now
from platform_shared.testing import (
    InProcessService,
    free_port,
    serve_in_process,
    serve_over_http,
)

from .conftest import make_settings

T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


def _start() -> datetime:
    """The worker's clock starts just after the deliveries were made (at the real time)."""
    return utc_now().replace(microsecond=0) + timedelta(seconds=1)


@dataclass
class Receiver:
    """A webhook receiver that answers from a script, then 200; it verifies signatures."""

    script: list[Any] = field(default_factory=list)
    secret: str | None = None
    received: list[dict[str, Any]] = field(default_factory=list)
    hits: int = 0

    @property
    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/hooks", self.hook, methods=["POST"]),
                Route("/elsewhere", self.hook, methods=["POST"]),
            ]
        )

    async def hook(self, request: Request) -> Response:
        self.hits += 1
        body = await request.body()
        step = self.script.pop(0) if self.script else 200
        if step == "sleep":
            await asyncio.sleep(2)
            return Response(status_code=200)
        if isinstance(step, Response):
            return step
        if step == 200:
            assert self.secret is not None
            payload = Webhook(self.secret).verify(body, dict(request.headers))
            self.received.append({"id": request.headers["webhook-id"], "payload": payload})
        return JSONResponse({}, status_code=step)


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    hooks = Receiver()
    async with serve_over_http(hooks.app) as url:
        yield hooks, url


def _worker(
    service: InProcessService, settings: Settings, clock: Clock, **overrides: Any
) -> DeliveryWorker:
    return seeded_worker(
        service.session_factory, settings, clock, **{"delivery_timeout_seconds": 0.5, **overrides}
    )


async def _register(service: InProcessService, url: str, client: str = "demo-camden") -> str:
    camden = await service.as_client(client)
    response = await camden.post("/v1/endpoints", json={"channel": "webhook", "url": url})
    assert response.status_code == 201, response.text
    secret: str = response.json()["secret"]
    return secret


async def _incident(service: InProcessService) -> str:
    platform = await service.as_client("platform-services")
    event = cloud_event("incident.recorded", incident_data("behaviour", T0), time=T0)
    response = await platform.post("/v1/events", json=event)
    notification_id: str = response.json()["notifications"][0]["id"]
    return notification_id


async def _detail(service: InProcessService, notification_id: str) -> dict[str, Any]:
    camden = await service.as_client("demo-camden")
    detail: dict[str, Any] = (await camden.get(f"/v1/notifications/{notification_id}")).json()
    return detail


async def test_webhook_is_signed_and_carries_the_notification(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.secret = await _register(service, f"{url}/hooks")
    notification_id = await _incident(service)
    worker = _worker(service, settings, Clock(_start()))

    await worker.deliver_due()
    await worker.aclose()

    [message] = hooks.received
    detail = await _detail(service, notification_id)
    assert message["id"] == detail["deliveries"][0]["id"]
    assert message["payload"]["type"] == "notification.rule"
    assert message["payload"]["data"]["id"] == notification_id
    assert message["payload"]["data"]["subject"]["person_ref"] == "pr_0001"
    assert detail["status"] == "delivered"
    assert detail["deliveries"][0]["status"] == "delivered"
    assert detail["deliveries"][0]["attempts"][0]["status_code"] == 200


async def test_failing_receiver_is_retried_on_schedule_until_it_recovers(
    service: InProcessService, settings: Settings
) -> None:
    port = free_port()
    hooks = Receiver(script=[503, "sleep"])
    hooks.secret = await _register(service, f"http://127.0.0.1:{port}/hooks")
    notification_id = await _incident(service)
    start = _start()
    clock = Clock(start)
    worker = _worker(service, settings, clock)

    async with serve_over_http(hooks.app, port=port):
        assert await worker.deliver_due() == 1  # 503
        clock.now = start + timedelta(seconds=4)
        assert await worker.deliver_due() == 0  # not yet due
        clock.now = start + timedelta(seconds=5)
        assert await worker.deliver_due() == 1  # times out
    clock.now = start + timedelta(seconds=35)
    assert await worker.deliver_due() == 1  # connection refused: nobody listens
    async with serve_over_http(hooks.app, port=port):
        clock.now = start + timedelta(seconds=154)
        assert await worker.deliver_due() == 0
        clock.now = start + timedelta(seconds=155)
        assert await worker.deliver_due() == 1  # recovered
    await worker.aclose()

    delivery = (await _detail(service, notification_id))["deliveries"][0]
    attempts = delivery["attempts"]
    assert [(a["status_code"], a["outcome"]) for a in attempts] == [
        (503, "retry"),
        (None, "retry"),
        (None, "retry"),
        (200, "delivered"),
    ]
    assert "timeout" in attempts[1]["error"]
    assert "Connect" in attempts[2]["error"]
    offsets = [datetime.fromisoformat(a["attempted_at"]) - start for a in attempts]
    assert offsets == [timedelta(seconds=s) for s in (0, 5, 35, 155)]  # 5 s, 30 s, 2 min
    assert delivery["status"] == "delivered"
    assert len(hooks.received) == 1


async def test_retry_after_of_a_429_is_honoured(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.script = [Response(status_code=429, headers={"Retry-After": "90"})]
    hooks.secret = await _register(service, f"{url}/hooks")
    notification_id = await _incident(service)
    start = _start()
    clock = Clock(start)
    worker = _worker(service, settings, clock)

    await worker.deliver_due()
    clock.now = start + timedelta(seconds=89)
    early = await worker.deliver_due()
    clock.now = start + timedelta(seconds=90)
    on_time = await worker.deliver_due()
    await worker.aclose()

    assert (early, on_time) == (0, 1)
    assert (await _detail(service, notification_id))["status"] == "delivered"


async def test_a_redirect_is_a_failure_and_is_not_followed(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.script = [Response(status_code=307, headers={"Location": f"{url}/elsewhere"})]
    hooks.secret = await _register(service, f"{url}/hooks")
    notification_id = await _incident(service)
    worker = _worker(service, settings, Clock(_start()))

    await worker.deliver_due()
    await worker.aclose()

    [attempt] = (await _detail(service, notification_id))["deliveries"][0]["attempts"]
    assert attempt["status_code"] == 307
    assert attempt["outcome"] == "retry"
    assert attempt["error"] == "redirect not followed"
    assert hooks.hits == 1


async def test_delivery_fails_for_good_after_the_three_day_cut_off(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.script = [500] * 100
    hooks.secret = await _register(service, f"{url}/hooks")
    notification_id = await _incident(service)
    start = _start()
    clock = Clock(start)
    worker = _worker(service, settings, clock)

    await worker.deliver_due()
    clock.now = start + timedelta(days=3)
    await worker.deliver_due()
    await worker.aclose()

    detail = await _detail(service, notification_id)
    delivery = detail["deliveries"][0]
    assert delivery["status"] == "failed"
    assert delivery["ended_reason"] == "not accepted before the cut-off"
    assert [a["outcome"] for a in delivery["attempts"]] == ["retry", "failed"]
    assert detail["status"] == "pending"  # the inbox item stays; only the push ended


async def test_a_410_disables_the_endpoint_and_tells_the_organisation(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.script = [410]
    hooks.secret = await _register(service, f"{url}/hooks")
    await _incident(service)
    worker = _worker(service, settings, Clock(_start()))
    camden = await service.as_client("demo-camden")

    await worker.deliver_due()
    await _incident(service)
    claimed_after = await worker.deliver_due()
    await worker.aclose()

    [endpoint] = (await camden.get("/v1/endpoints")).json()["items"]
    assert endpoint["enabled"] is False
    assert "410" in endpoint["disabled_reason"]
    notices = (await camden.get("/v1/notifications", params={"role": "platform"})).json()
    assert [n["rule"] for n in notices["items"]] == ["endpoint-disabled"]
    assert notices["items"][0]["subject"]["endpoint_id"] == endpoint["id"]
    assert claimed_after == 0


async def test_an_acknowledged_notification_is_not_pushed(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.secret = await _register(service, f"{url}/hooks")
    notification_id = await _incident(service)
    camden = await service.as_client("demo-camden")
    await camden.post(f"/v1/notifications/{notification_id}/acknowledge")
    worker = _worker(service, settings, Clock(_start()))

    claimed = await worker.deliver_due()
    await worker.aclose()

    assert claimed == 0
    assert hooks.hits == 0
    delivery = (await _detail(service, notification_id))["deliveries"][0]
    assert (delivery["status"], delivery["ended_reason"]) == ("cancelled", "acknowledged")


async def test_after_a_secret_rotation_both_secrets_sign(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    old_secret = await _register(service, f"{url}/hooks")
    camden = await service.as_client("demo-camden")
    [endpoint] = (await camden.get("/v1/endpoints")).json()["items"]
    rotated = await camden.post(f"/v1/endpoints/{endpoint['id']}/secret")
    hooks.secret = old_secret
    await _incident(service)
    worker = _worker(service, settings, Clock(_start()))

    await worker.deliver_due()
    await worker.aclose()

    assert len(hooks.received) == 1  # verified with the old secret
    assert rotated.json()["secret"] != old_secret


async def test_only_the_recipient_organisations_endpoints_are_pushed_to(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.secret = await _register(service, f"{url}/hooks", client="demo-derbyshire")
    await _incident(service)  # for Camden only
    worker = _worker(service, settings, Clock(_start()))

    claimed = await worker.deliver_due()
    await worker.aclose()

    assert claimed == 0
    assert hooks.hits == 0


async def test_the_worker_can_run_inside_the_api_process(
    database_url: str, auth: Any, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    settings = make_settings(database_url, deliver_in_process=True, delivery_poll_seconds=0.05)
    app = create_app(settings)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as service:
        hooks.secret = await _register(service, f"{url}/hooks")
        await _incident(service)
        for _ in range(100):
            if hooks.received:
                break
            await asyncio.sleep(0.05)

    assert len(hooks.received) == 1
