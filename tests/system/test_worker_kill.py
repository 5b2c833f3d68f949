"""A delivery worker killed mid-batch (SIGKILL), two workers on PostgreSQL.

No notification is lost, and none that a worker recorded as delivered is pushed again:
the receiver deduplicates on `webhook-id`; the only repeats allowed are the deliveries
the killed worker had in flight (pushed, not yet recorded), which is at-least-once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
from journeys import delivered_ids, placement_event, register_webhook
from platform_harness import Platform, eventually, running_platform
from webhook_receiver import WebhookReceiver

from platform_shared.testing import postgres_unavailable_reason, serve_over_http

pytestmark = [pytest.mark.system]

EVENTS = 1000
#: Pushes a worker keeps in flight (`NOTIFY_DELIVERY_BATCH_SIZE`): what a kill can repeat.
IN_FLIGHT = 20


@pytest.fixture(scope="module")
def postgres_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with running_platform(
        "postgresql", tmp_path_factory.mktemp("platform-kill"), delivery_workers=0
    ) as running:
        yield running


async def test_killed_worker_loses_nothing_and_repeats_nothing_it_recorded(
    postgres_platform: Platform,
) -> None:
    platform = postgres_platform
    receiver = WebhookReceiver()
    worker_env = {
        "NOTIFY_DELIVERY_LEASE_SECONDS": "15",
        "NOTIFY_DELIVERY_POLL_SECONDS": "0.05",
        "NOTIFY_DELIVERY_BATCH_SIZE": str(IN_FLIGHT),
    }
    async with (
        serve_over_http(receiver.app) as receiver_url,
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire,
        platform.aclient("notify-api", "platform-services") as publisher,
    ):
        await register_webhook(derbyshire, receiver, receiver_url)
        semaphore = asyncio.Semaphore(16)

        async def publish(number: int) -> None:
            event = placement_event(number)
            async with semaphore:
                # As the outbox relay does: an event whose connection dropped is posted again,
                # the same event (the intake takes an event id once; a repeat is not stored).
                for attempt in range(3):
                    try:
                        response = await publisher.post(
                            "/v1/events",
                            json=event,
                            headers={"Content-Type": "application/cloudevents+json"},
                        )
                        break
                    except httpx.TransportError:
                        if attempt == 2:
                            raise
                assert response.status_code in (200, 201, 202), response.text

        await asyncio.gather(*(publish(n) for n in range(EVENTS)))

        platform.start("worker-a", "notify-api", "deliver", extra_env=worker_env)
        platform.start("worker-b", "notify-api", "deliver", extra_env=worker_env)

        async def some_delivered() -> bool | None:
            return True if len(receiver.by_webhook_id) >= EVENTS // 4 else None

        await eventually(some_delivered, timeout=120, interval=0.02)
        platform.kill("worker-a")
        recorded_before_kill = await delivered_ids(derbyshire)

        async def all_delivered() -> bool | None:
            return True if len(await delivered_ids(derbyshire)) == EVENTS else None

        await eventually(all_delivered, timeout=180, interval=1)

    # The rule's own notifications (a ladder step of an aged duty has its own type).
    received = {
        payload["data"]["id"]
        for payload in receiver.payloads.values()
        if payload["type"] == "notification.rule"
    }
    repeated = {
        receiver.payloads[webhook_id]["data"]["id"]
        for webhook_id, count in receiver.by_webhook_id.items()
        if count > 1
    }
    assert receiver.bad_signatures == 0
    assert len(received) == EVENTS
    assert repeated.isdisjoint(recorded_before_kill)
    assert len(repeated) <= IN_FLIGHT, "at most the killed worker's pushes in flight"
