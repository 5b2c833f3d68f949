"""Backfill (issue 17): an endpoint registered with `since` gets the earlier open
notifications of its organisation, in sequence order, and nobody else's."""

from __future__ import annotations

from datetime import timedelta

from notify.settings import Settings
from notify.testing import Clock, seeded_worker
from platform_shared.testing import InProcessService

from .delivery_ops import Receiver, drain, incident, worker_of


async def test_an_endpoint_registered_with_since_gets_the_open_notifications_in_order(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    camden = await service.as_client("demo-camden")
    start = clock.now
    clock.now = start - timedelta(hours=1)
    before = await incident(service, clock.now)  # made before `since`
    clock.now = start + timedelta(minutes=1)
    made = [await incident(service, clock.now) for _ in range(3)]
    acknowledged = made.pop(1)
    await camden.post(f"/v1/notifications/{acknowledged}/acknowledge")
    derbyshire = await service.as_client("demo-derbyshire")
    await derbyshire.post(
        "/v1/endpoints", json={"channel": "webhook", "url": url, "since": start.isoformat()}
    )  # Derbyshire's own endpoint: none of Camden's notifications
    clock.now = start + timedelta(minutes=2)

    registered = await camden.post(
        "/v1/endpoints",
        json={"channel": "webhook", "url": url, "since": start.isoformat()},
    )
    hooks.secret = registered.json()["secret"]
    # One push in flight: the order of the dispatch is the order of arrival. With
    # several in flight a receiver orders by `sequence` (docs/delivery-operations.md).
    worker = seeded_worker(
        service.session_factory,
        settings,
        clock,
        delivery_timeout_seconds=0.5,
        delivery_batch_size=1,
    )
    await drain(worker)
    await worker.aclose()

    assert registered.status_code == 201, registered.text
    assert registered.json()["backfilled"] == 2
    assert [m["payload"]["data"]["id"] for m in hooks.received] == made
    sequences = [m["payload"]["data"]["sequence"] for m in hooks.received]
    assert sequences == sorted(sequences)
    assert before not in [m["payload"]["data"]["id"] for m in hooks.received]


async def test_without_since_nothing_earlier_is_delivered_and_a_bad_since_is_refused(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    camden = await service.as_client("demo-camden")
    await incident(service, clock.now)

    future = await camden.post(
        "/v1/endpoints",
        json={
            "channel": "webhook",
            "url": url,
            "since": (clock.now + timedelta(hours=1)).isoformat(),
        },
    )
    too_old = await camden.post(
        "/v1/endpoints",
        json={
            "channel": "webhook",
            "url": url,
            "since": (clock.now - timedelta(days=91)).isoformat(),
        },
    )
    listed_after_refusals = (await camden.get("/v1/endpoints")).json()["items"]
    plain = await camden.post("/v1/endpoints", json={"channel": "webhook", "url": url})
    hooks.secret = plain.json()["secret"]
    worker = worker_of(service, settings, clock)
    await drain(worker)
    await worker.aclose()

    for refused in (future, too_old):
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["field"] == "body.since"
    assert listed_after_refusals == []
    assert plain.json()["backfilled"] == 0
    assert hooks.hits == 0
