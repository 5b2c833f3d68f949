"""Ordered, gap-detectable push (issue 17): each endpoint's deliveries are a numbered stream
pushed in order, and every inbox sequence the endpoint will not get is accounted for."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from notify.delivery.worker import DeliveryWorker
from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, seeded_worker
from platform_shared.testing import InProcessService, serve_over_http

from .delivery_ops import drain

ORDER_WAIT = 300.0


@dataclass
class StreamReceiver:
    """Verifies every push; answers 503 to the notifications in `refused`, else 200."""

    secret: str | None = None
    refused: set[str] = field(default_factory=set)
    accepted: list[dict[str, Any]] = field(default_factory=list)
    attempts: list[str] = field(default_factory=list)

    @property
    def app(self) -> Starlette:
        return Starlette(routes=[Route("/hooks", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        assert self.secret is not None
        payload = Webhook(self.secret).verify(await request.body(), dict(request.headers))
        notification_id = payload["data"].get("id", "")
        self.attempts.append(notification_id)
        if notification_id in self.refused:
            return JSONResponse({}, status_code=503)
        self.accepted.append({"id": request.headers["webhook-id"], **payload})
        return JSONResponse({})

    def streams(self) -> list[dict[str, Any]]:
        return [message["stream"] for message in self.accepted]


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[StreamReceiver, str]]:
    hooks = StreamReceiver()
    async with serve_over_http(hooks.app) as url:
        yield hooks, f"{url}/hooks"


def worker_of(service: InProcessService, settings: Settings, clock: Clock) -> DeliveryWorker:
    return seeded_worker(
        service.session_factory,
        settings,
        clock,
        delivery_timeout_seconds=0.5,
        delivery_order_wait_seconds=ORDER_WAIT,
    )


async def post_event(
    service: InProcessService, clock: Clock, event_type: str, data: dict[str, Any]
) -> None:
    platform = await service.as_client("platform-services")
    response = await platform.post("/v1/events", json=cloud_event(event_type, data, time=clock.now))
    assert response.status_code in (200, 201, 202), response.text


async def incident(service: InProcessService, clock: Clock) -> str:
    platform = await service.as_client("platform-services")
    event = cloud_event("incident.recorded", incident_data("behaviour", clock.now), time=clock.now)
    response = await platform.post("/v1/events", json=event)
    notification_id: str = response.json()["notifications"][0]["id"]
    return notification_id


async def register(
    service: InProcessService, hooks: StreamReceiver, url: str, **filters: Any
) -> str:
    camden = await service.as_client("demo-camden")
    response = await camden.post(
        "/v1/endpoints", json={"channel": "webhook", "url": url, **filters}
    )
    assert response.status_code == 201, response.text
    hooks.secret = response.json()["secret"]
    endpoint_id: str = response.json()["id"]
    return endpoint_id


async def inbox_sequences(service: InProcessService) -> dict[int, dict[str, Any]]:
    camden = await service.as_client("demo-camden")
    items: dict[int, dict[str, Any]] = {}
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 100}
        if cursor:
            params["cursor"] = cursor
        page = (await camden.get("/v1/notifications", params=params)).json()
        for item in page["items"]:
            items[item["sequence"]] = item
        cursor = page.get("next_cursor")
        if not cursor:
            return items


def unexplained(streams: list[dict[str, Any]], start: int, last: int) -> set[int]:
    """The receiver's check: inbox sequences in (start, last] neither received, nor
    announced as skipped, nor announced as an undelivered earlier delivery."""
    accounted: set[int] = set()
    for stream in streams:
        accounted.add(stream["sequence"])
        accounted.update(skipped["sequence"] for skipped in stream["skipped"])
        accounted.update(entry["sequence"] for entry in stream["undelivered"])
    return set(range(start + 1, last + 1)) - accounted


async def test_every_inbox_sequence_is_received_or_announced_with_its_reason(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    receiver: tuple[StreamReceiver, str],
) -> None:
    service = clocked_service
    hooks, url = receiver
    camden = await service.as_client("demo-camden")
    before = await incident(service, clock)
    rule = (await camden.get(f"/v1/notifications/{before}")).json()["rule"]
    start = max(await inbox_sequences(service))
    await register(service, hooks, url, rules=[rule])

    await incident(service, clock)
    withheld = {
        **incident_data("arrest", clock.now),
        "status": "care_leaver",
        "care_leaver_category": "former_relevant",
        "notify_personal_adviser_consent": "refused",
    }
    await post_event(service, clock, "arrest.recorded", withheld)
    closed_first = await incident(service, clock)
    await camden.post(f"/v1/notifications/{closed_first}/acknowledge")
    await incident(service, clock)
    worker = worker_of(service, settings, clock)
    await drain(worker)
    await worker.aclose()

    inbox = await inbox_sequences(service)
    streams = hooks.streams()
    assert [s["endpoint_sequence"] for s in streams] == [1, 3]  # 2 was acknowledged first
    assert [s["sequence"] for s in streams] == sorted(s["sequence"] for s in streams)
    assert streams[0]["previous_sequence"] == start
    assert streams[1]["previous_sequence"] == inbox_of(inbox, closed_first)
    [cancelled] = streams[1]["undelivered"]
    assert cancelled["endpoint_sequence"] == 2 and cancelled["status"] == "cancelled"
    assert cancelled["sequence"] == inbox_of(inbox, closed_first)
    reasons = {s["sequence"]: s["reason"] for stream in streams for s in stream["skipped"]}
    for sequence, reason in reasons.items():
        item = inbox[sequence]
        assert reason == ("withheld" if item["status"] == "withheld" else "filtered"), item
    assert "withheld" in reasons.values()
    assert all(stream["skipped_complete"] for stream in streams)
    assert unexplained(streams, start, max(inbox)) == set()


def inbox_of(inbox: dict[int, dict[str, Any]], notification_id: str) -> int:
    return next(sequence for sequence, item in inbox.items() if item["id"] == notification_id)


async def test_a_later_delivery_waits_behind_a_retrying_one_and_follows_it(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    receiver: tuple[StreamReceiver, str],
) -> None:
    service = clocked_service
    hooks, url = receiver
    await register(service, hooks, url)
    worker = worker_of(service, settings, clock)
    first = await incident(service, clock)
    hooks.refused = {first}
    await drain(worker)  # refused: retried later
    second = await incident(service, clock)
    await drain(worker)

    waited = list(hooks.attempts)
    hooks.refused.clear()
    clock.now += timedelta(seconds=ORDER_WAIT / 2)  # the first's retry, inside the wait
    await drain(worker)
    await worker.aclose()

    assert waited == [first]  # the second was not pushed while the first was retrying
    assert [m["data"]["id"] for m in hooks.accepted] == [first, second]
    assert [s["endpoint_sequence"] for s in hooks.streams()] == [1, 2]
    assert all(s["undelivered"] == [] for s in hooks.streams())
    # The first delivery kept its webhook-id over its two attempts.
    assert hooks.attempts == [first, first, second]


async def test_after_the_order_wait_a_later_delivery_overtakes_and_says_so(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    receiver: tuple[StreamReceiver, str],
) -> None:
    service = clocked_service
    hooks, url = receiver
    await register(service, hooks, url)
    worker = worker_of(service, settings, clock)
    stuck = await incident(service, clock)
    hooks.refused = {stuck}
    await drain(worker)
    overtaking = await incident(service, clock)
    await drain(worker)
    assert hooks.accepted == []

    clock.now += timedelta(seconds=ORDER_WAIT + 1)
    await drain(worker)
    overtook = list(hooks.accepted)
    hooks.refused.clear()
    clock.now += timedelta(hours=2)
    await drain(worker)
    await worker.aclose()

    [message] = overtook
    assert message["data"]["id"] == overtaking
    [behind] = message["stream"]["undelivered"]
    assert behind["endpoint_sequence"] == 1 and behind["status"] == "pending"
    assert "out of order" in behind["reason"]
    # The overtaken one still comes, with its own number.
    assert [(m["data"]["id"], m["stream"]["endpoint_sequence"]) for m in hooks.accepted] == [
        (overtaking, 2),
        (stuck, 1),
    ]


async def test_a_backfilled_endpoint_stream_starts_before_its_first_notification(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    receiver: tuple[StreamReceiver, str],
) -> None:
    service = clocked_service
    hooks, url = receiver
    camden = await service.as_client("demo-camden")
    made = [await incident(service, clock) for _ in range(3)]
    await camden.post(f"/v1/notifications/{made[1]}/acknowledge")
    inbox = await inbox_sequences(service)
    await register(service, hooks, url, since=(clock.now - timedelta(minutes=1)).isoformat())
    worker = worker_of(service, settings, clock)
    await drain(worker)
    await worker.aclose()

    streams = hooks.streams()
    assert [m["data"]["id"] for m in hooks.accepted] == [made[0], made[2]]
    assert [s["endpoint_sequence"] for s in streams] == [1, 2]
    assert streams[0]["previous_sequence"] == min(inbox) - 1
    assert {s["reason"] for s in streams[1]["skipped"]} == {"closed_before_registration"}
    assert unexplained(streams, min(inbox) - 1, max(inbox)) == set()


@pytest.mark.parametrize(
    ("field", "value"), [("heartbeat_seconds", 59), ("heartbeat_seconds", 86_401)]
)
async def test_a_heartbeat_out_of_range_is_refused_naming_the_field(
    service: InProcessService, field: str, value: int
) -> None:
    camden = await service.as_client("demo-camden")
    url = "http://127.0.0.1:9/hooks"
    refused = await camden.post(
        "/v1/endpoints", json={"channel": "webhook", "url": url, field: value}
    )
    made = await camden.post("/v1/endpoints", json={"channel": "webhook", "url": url})
    patched = await camden.patch(f"/v1/endpoints/{made.json()['id']}", json={field: value})
    email = await camden.post(
        "/v1/endpoints", json={"channel": "email", "address": "duty@camden.example", field: 60}
    )
    shown = await camden.get(f"/v1/endpoints/{made.json()['id']}")

    for response in (refused, patched, email):
        assert response.status_code == 422, response.text
        # The field named (`body.heartbeat_seconds`; at registration under the channel's
        # variant, `body.webhook.heartbeat_seconds`).
        named = [error["field"] for error in response.json()["errors"]]
        assert any(name.startswith("body.") and name.endswith(field) for name in named), named
    assert shown.json()["heartbeat_seconds"] is None  # nothing changed


async def test_an_idle_endpoint_is_sent_its_high_water_mark_signed(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    receiver: tuple[StreamReceiver, str],
) -> None:
    service = clocked_service
    hooks, url = receiver
    camden = await service.as_client("demo-camden")
    endpoint_id = await register(service, hooks, url)
    patched = await camden.patch(f"/v1/endpoints/{endpoint_id}", json={"heartbeat_seconds": 60})
    delivered = await incident(service, clock)
    worker = worker_of(service, settings, clock)
    await drain(worker)
    # A withheld notification after it: the heartbeat says it is not for the endpoint.
    withheld = {
        **incident_data("arrest", clock.now),
        "status": "care_leaver",
        "care_leaver_category": "former_relevant",
        "notify_personal_adviser_consent": "refused",
    }
    await post_event(service, clock, "arrest.recorded", withheld)
    await worker.sweep()  # not idle yet
    early = len(hooks.accepted)
    clock.now += timedelta(seconds=61)
    await worker.sweep()
    await worker.sweep()  # just sent: not again
    await worker.aclose()

    assert patched.status_code == 200 and patched.json()["heartbeat_seconds"] == 60
    assert early == 1
    [pushed, heartbeat] = hooks.accepted
    assert pushed["data"]["id"] == delivered
    assert heartbeat["type"] == "endpoint.heartbeat"
    assert heartbeat["id"].startswith("heartbeat_")
    inbox = await inbox_sequences(service)
    assert heartbeat["data"] == {
        "endpoint_id": endpoint_id,
        "endpoint_sequence": 1,
        "skipped_after": pushed["stream"]["sequence"],
        "inbox_sequence": max(inbox),
    }
    assert max(inbox) > pushed["stream"]["sequence"]
