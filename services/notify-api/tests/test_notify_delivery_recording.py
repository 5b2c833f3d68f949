"""Recording pushes: each attempt's outcome is its own, only the lease holder records.

A police contact of a looked-after Camden child placed in Derbyshire is one notification
to each of three organisations, each with its own webhook, so one claim holds three
deliveries (on PostgreSQL; SQLite claims one at a time) whose pushes are recorded
together. The receiver can hold a push in flight until the test lets it answer.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from notify.delivery.worker import DeliveryWorker
from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, seeded_worker
from platform_shared.calendar import utc_now
from platform_shared.testing import InProcessService, serve_over_http

T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
#: Client id of each recipient organisation, and the name of its webhook at the receiver.
RECIPIENTS = {
    "E09000007": ("demo-camden", "camden"),
    "yot-E09000007": ("demo-yot-camden", "yot-camden"),
    "yot-E10000007": ("demo-yot-derbyshire", "yot-derbyshire"),
}


@dataclass
class Receiver:
    """Verifies every push; answers `answers[name]` (204 by default); can hold pushes."""

    secrets: dict[str, str] = field(default_factory=dict)
    answers: dict[str, int] = field(default_factory=dict)
    #: While set, the first push to each of these webhooks waits for `release`.
    hold_first: set[str] = field(default_factory=set)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    #: (webhook name, webhook-id, notification id) of every push, in arrival order.
    pushes: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def app(self) -> Starlette:
        return Starlette(routes=[Route("/hooks/{name}", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        name = request.path_params["name"]
        payload = Webhook(self.secrets[name]).verify(await request.body(), dict(request.headers))
        first = all(pushed[0] != name for pushed in self.pushes)
        self.pushes.append((name, request.headers["webhook-id"], payload["data"]["id"]))
        if first and name in self.hold_first:
            await self.release.wait()
        return Response(status_code=self.answers.get(name, 204))

    async def arrivals(self, count: int) -> None:
        for _ in range(500):
            if len(self.pushes) >= count:
                return
            await asyncio.sleep(0.01)
        raise AssertionError(f"{len(self.pushes)} pushes arrived, expected {count}")


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    hooks = Receiver()
    async with serve_over_http(hooks.app) as url:
        yield hooks, url


def _worker(
    service: InProcessService, settings: Settings, clock: Clock, **overrides: Any
) -> DeliveryWorker:
    return seeded_worker(
        service.session_factory,
        settings,
        clock,
        **{"delivery_timeout_seconds": 5.0, "delivery_lease_seconds": 15.0, **overrides},
    )


def _start() -> datetime:
    """The workers' clock starts just after the deliveries were made (at the real time)."""
    return utc_now().replace(microsecond=0) + timedelta(seconds=1)


async def _register(
    service: InProcessService, hooks: Receiver, url: str, only: str | None = None
) -> None:
    for client_id, name in RECIPIENTS.values():
        if only is not None and name != only:
            continue
        client = await service.as_client(client_id)
        response = await client.post(
            "/v1/endpoints", json={"channel": "webhook", "url": f"{url}/hooks/{name}"}
        )
        assert response.status_code == 201, response.text
        hooks.secrets[name] = response.json()["secret"]


async def _police_contact(service: InProcessService) -> dict[str, str]:
    """One event, three notifications: the notification id by webhook name."""
    data = incident_data(
        "police_contact",
        T0,
        setting="community",
        recorded_by="police-metropolitan",
        recorded_by_kind="police",
        police_involved=True,
    )
    platform = await service.as_client("platform-services")
    response = await platform.post(
        "/v1/events", json=cloud_event("police_contact.recorded", data, time=T0)
    )
    assert response.status_code == 201, response.text
    return {RECIPIENTS[n["recipient"]["org"]][1]: n["id"] for n in response.json()["notifications"]}


async def _detail(service: InProcessService, name: str, notification_id: str) -> dict[str, Any]:
    client_id = next(client for client, webhook in RECIPIENTS.values() if webhook == name)
    client = await service.as_client(client_id)
    detail: dict[str, Any] = (await client.get(f"/v1/notifications/{notification_id}")).json()
    return detail


async def _deliver_all(worker: DeliveryWorker) -> None:
    while await worker.deliver_due():
        pass


async def _deliver_one_event_answering(
    service: InProcessService,
    settings: Settings,
    receiver: tuple[Receiver, str],
    name: str,
    status: int,
) -> dict[str, str]:
    """One event to all three webhooks, `name`'s answering `status`, delivered by one worker."""
    hooks, url = receiver
    await _register(service, hooks, url)
    hooks.answers[name] = status
    notifications = await _police_contact(service)
    worker = _worker(service, settings, Clock(_start()))
    await _deliver_all(worker)
    await worker.aclose()
    return notifications


async def test_a_failing_push_does_not_mark_the_others_claimed_with_it(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    notifications = await _deliver_one_event_answering(
        service, settings, receiver, "yot-camden", 500
    )

    for name in ("camden", "yot-derbyshire"):
        detail = await _detail(service, name, notifications[name])
        [delivery] = detail["deliveries"]
        assert detail["status"] == "delivered"
        assert delivery["status"] == "delivered"
        assert [(a["status_code"], a["outcome"]) for a in delivery["attempts"]] == [
            (204, "delivered")
        ]
    failing = await _detail(service, "yot-camden", notifications["yot-camden"])
    [delivery] = failing["deliveries"]
    assert failing["status"] == "pending"
    assert failing["delivered_at"] is None
    assert delivery["status"] == "pending"
    assert [(a["status_code"], a["outcome"]) for a in delivery["attempts"]] == [(500, "retry")]


async def test_a_410_disables_only_the_endpoint_that_answered_it(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    notifications = await _deliver_one_event_answering(
        service, settings, receiver, "yot-camden", 410
    )

    enabled = {}
    for client_id, name in RECIPIENTS.values():
        client = await service.as_client(client_id)
        [endpoint] = (await client.get("/v1/endpoints")).json()["items"]
        enabled[name] = endpoint["enabled"]
    assert enabled == {"camden": True, "yot-camden": False, "yot-derbyshire": True}
    gone = (await _detail(service, "yot-camden", notifications["yot-camden"]))["deliveries"][0]
    assert (gone["status"], [a["outcome"] for a in gone["attempts"]]) == ("failed", ["failed"])
    for name in ("camden", "yot-derbyshire"):
        detail = await _detail(service, name, notifications[name])
        assert detail["deliveries"][0]["status"] == "delivered"


async def test_an_attempt_whose_lease_ran_out_is_recorded_by_the_new_holder_only(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    await _register(service, hooks, url, only="camden")
    notifications = await _police_contact(service)
    hooks.hold_first = {"camden"}
    start = _start()
    first = _worker(service, settings, Clock(start))
    second = _worker(service, settings, Clock(start + timedelta(seconds=16)))  # lease: 15 s

    held = asyncio.create_task(first.deliver_due())
    await hooks.arrivals(1)
    claimed_again = await second.deliver_due()
    hooks.release.set()
    claimed_first = await held
    await first.aclose()
    await second.aclose()

    assert (claimed_first, claimed_again) == (1, 1)
    [(_, first_id, _), (_, second_id, _)] = hooks.pushes
    assert first_id == second_id  # the same webhook-id: the receiver deduplicates
    [delivery] = (await _detail(service, "camden", notifications["camden"]))["deliveries"]
    assert delivery["status"] == "delivered"
    assert len(delivery["attempts"]) == 1  # the first worker's late outcome is dropped


# PostgreSQL only: SQLite claims one delivery at a time, so there is no group to record.
@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_a_group_records_the_attempts_it_still_holds_and_drops_the_one_taken_over(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    await _register(service, hooks, url)
    notifications = await _police_contact(service)
    hooks.hold_first = {"camden", "yot-camden", "yot-derbyshire"}
    start = _start()
    first = _worker(service, settings, Clock(start))
    second = _worker(service, settings, Clock(start + timedelta(seconds=16)), delivery_batch_size=1)

    held = asyncio.create_task(first.deliver_due())
    await hooks.arrivals(3)
    claimed_again = await second.deliver_due()
    hooks.release.set()
    claimed_first = await held
    await first.aclose()
    await second.aclose()

    assert (claimed_first, claimed_again) == (3, 1)
    pushes = Counter(webhook_id for _name, webhook_id, _id in hooks.pushes)
    assert sorted(pushes.values()) == [1, 1, 2]
    for name, notification_id in notifications.items():
        detail = await _detail(service, name, notification_id)
        [delivery] = detail["deliveries"]
        assert (detail["status"], delivery["status"]) == ("delivered", "delivered")
        assert len(delivery["attempts"]) == 1


async def test_an_acknowledgement_during_the_push_keeps_the_delivery_cancelled(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    await _register(service, hooks, url)
    notifications = await _police_contact(service)
    hooks.hold_first = {"camden", "yot-camden", "yot-derbyshire"}
    worker = _worker(service, settings, Clock(_start()))

    held = asyncio.create_task(worker.deliver_due())
    await hooks.arrivals(1)
    name, _webhook_id, notification_id = hooks.pushes[0]
    client_id = next(client for client, webhook in RECIPIENTS.values() if webhook == name)
    client = await service.as_client(client_id)
    acknowledged = await client.post(f"/v1/notifications/{notification_id}/acknowledge")
    hooks.release.set()
    await held
    await _deliver_all(worker)
    await worker.aclose()

    assert acknowledged.status_code == 200
    detail = await _detail(service, name, notification_id)
    [delivery] = detail["deliveries"]
    assert detail["status"] == "acknowledged"
    assert detail["delivered_at"] is None
    assert (delivery["status"], delivery["ended_reason"]) == ("cancelled", "acknowledged")
    assert [a["outcome"] for a in delivery["attempts"]] == ["delivered"]
    for other, other_id in notifications.items():
        if other != name:
            assert (await _detail(service, other, other_id))["status"] == "delivered"


async def test_the_running_worker_pushes_a_backlog_larger_than_its_pipeline_once_each(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    await _register(service, hooks, url)
    made = [await _police_contact(service) for _ in range(4)]
    worker = _worker(
        service, settings, Clock(_start()), delivery_batch_size=5, delivery_poll_seconds=0.05
    )
    stop = asyncio.Event()

    running = asyncio.create_task(worker.run(stop))
    await hooks.arrivals(12)
    stop.set()
    await asyncio.wait_for(running, timeout=10)
    await worker.aclose()

    assert Counter(Counter(w for _n, w, _id in hooks.pushes).values()) == {1: 12}
    for notifications in made:
        for name, notification_id in notifications.items():
            [delivery] = (await _detail(service, name, notification_id))["deliveries"]
            assert delivery["status"] == "delivered"
            assert len(delivery["attempts"]) == 1


async def test_stopping_the_worker_records_the_pushes_in_flight(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    await _register(service, hooks, url)
    notifications = await _police_contact(service)
    hooks.hold_first = {"camden", "yot-camden", "yot-derbyshire"}
    worker = _worker(service, settings, Clock(_start()), delivery_poll_seconds=0.05)
    stop = asyncio.Event()

    running = asyncio.create_task(worker.run(stop))
    await hooks.arrivals(1)
    stop.set()
    await asyncio.sleep(0.1)
    hooks.release.set()
    await asyncio.wait_for(running, timeout=10)
    await worker.aclose()

    name, webhook_id, notification_id = hooks.pushes[0]
    [delivery] = (await _detail(service, name, notification_id))["deliveries"]
    assert delivery["id"] == webhook_id
    assert delivery["status"] == "delivered"
    assert [a["outcome"] for a in delivery["attempts"]] == ["delivered"]
    assert notification_id in notifications.values()
