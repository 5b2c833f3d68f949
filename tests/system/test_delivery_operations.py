"""Delivery operations over real processes (issue 17): a receiver down, then `recover`;
a 410, then a re-enable; an endpoint registered with `since` gets what came before.

The platform runs with a 10-second delivery cut-off, so that a delivery to a receiver
that is down ends `failed` within the test (the default is 3 days), and one delivery in
flight per worker, so that what is claimed in sequence order arrives in that order.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from journeys import placement_event, register_webhook
from platform_harness import Platform, eventually, free_base_port
from webhook_receiver import WebhookReceiver

from platform_shared.testing import free_port, postgres_unavailable_reason, serve_over_http

pytestmark = [pytest.mark.system]

RULE = "placement-out-of-area"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def platform(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Platform]:
    backend = str(request.param)
    if backend == "postgresql":
        reason = postgres_unavailable_reason()
        if reason:
            pytest.skip(reason)
    running = Platform(
        backend=backend,
        var_dir=tmp_path_factory.mktemp(f"platform-ops-{backend}"),
        base_port=free_base_port(),
    )
    try:
        running.prepare()
        running.env["NOTIFY_DELIVERY_CUTOFF_HOURS"] = str(10 / 3600)
        running.start_all(worker_env={"NOTIFY_DELIVERY_BATCH_SIZE": "1"})
        yield running
    finally:
        running.stop_everything()


async def _publish(publisher: httpx.AsyncClient, count: int) -> list[str]:
    """`count` placements out of area; the person_ref of each (Derbyshire is told)."""
    refs = []
    for _ in range(count):
        event = placement_event(uuid.uuid4().int % 10**12)
        response = await publisher.post("/v1/events", json=event)
        assert response.status_code in (200, 201, 202), response.text
        refs.append(event["subject"])
    return refs


async def _notification(derbyshire: httpx.AsyncClient, person_ref: str) -> dict[str, Any]:
    async def probe() -> dict[str, Any] | None:
        page = await derbyshire.get("/v1/notifications", params={"rule": RULE, "limit": "200"})
        found = [n for n in page.json()["items"] if n["subject"]["person_ref"] == person_ref]
        return found[0] if found else None

    return await eventually(probe, message=f"no notification about {person_ref}")


async def _delivery_to(
    derbyshire: httpx.AsyncClient, notification_id: str, endpoint_id: str, status: str
) -> dict[str, Any]:
    async def probe() -> dict[str, Any] | None:
        detail = (await derbyshire.get(f"/v1/notifications/{notification_id}")).json()
        mine = [d for d in detail["deliveries"] if d["endpoint_id"] == endpoint_id]
        return mine[0] if mine and mine[0]["status"] == status else None

    return await eventually(probe, timeout=60, message=f"no {status} delivery")


async def _arrived(receiver: WebhookReceiver, delivery_ids: set[str]) -> bool | None:
    return True if delivery_ids <= set(receiver.by_webhook_id) else None


def _hour_ago() -> str:
    return (datetime.now(UTC) - timedelta(hours=1)).isoformat()


async def test_a_receiver_down_then_recover_brings_every_failed_delivery_with_its_id(
    platform: Platform,
) -> None:
    port = free_port()
    receiver = WebhookReceiver()
    async with (
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire,
        platform.aclient("notify-api", "platform-services") as publisher,
    ):
        endpoint = await register_webhook(derbyshire, receiver, f"http://127.0.0.1:{port}")
        refs = await _publish(publisher, 3)
        notifications = [await _notification(derbyshire, ref) for ref in refs]
        failed = [
            await _delivery_to(derbyshire, n["id"], endpoint["id"], "failed") for n in notifications
        ]

        async with serve_over_http(receiver.app, port=port):
            recovered = await derbyshire.post(
                f"/v1/endpoints/{endpoint['id']}/recover", json={"since": _hour_ago()}
            )
            delivered = [
                await _delivery_to(derbyshire, n["id"], endpoint["id"], "delivered")
                for n in notifications
            ]
            recovered_ids = set(recovered.json()["deliveries"])
            await eventually(
                lambda: _arrived(receiver, recovered_ids), message="a recovered delivery missing"
            )
        await derbyshire.delete(f"/v1/endpoints/{endpoint['id']}")

    # Nothing reached it while it was down; the rule's own three came on recovery (ladder
    # steps of these aging duties share the rule id and may come too).
    assert len([n for n in receiver.notifications() if n["kind"] == "rule"]) == 3
    assert recovered.status_code == 202, recovered.text
    failed_ids = sorted(d["id"] for d in failed)
    # Every failed delivery of the window is recovered: the rule's own, and any ladder step's.
    assert set(failed_ids) <= recovered_ids
    # Each came with its original webhook-id. A delivery that had not yet ended `failed` when
    # `recover` was asked (a ladder step made meanwhile) comes by its own schedule instead.
    assert recovered_ids <= set(receiver.by_webhook_id)
    assert receiver.repeats() == 0
    for delivery in delivered:
        *scheduled, manual = delivery["attempts"]
        assert {a["trigger"] for a in scheduled} == {"scheduled"}
        assert all(a["status_code"] is None for a in scheduled)
        assert (manual["trigger"], manual["outcome"]) == ("manual", "delivered")


async def test_a_410_then_a_re_enable_delivers_again(platform: Platform) -> None:
    receiver = WebhookReceiver()
    receiver.endpoint_status["gone"] = 410
    async with (
        serve_over_http(receiver.app) as receiver_url,
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire,
        platform.aclient("notify-api", "platform-services") as publisher,
    ):
        endpoint = await register_webhook(derbyshire, receiver, receiver_url, name="gone")
        [first_ref] = await _publish(publisher, 1)
        first = await _notification(derbyshire, first_ref)
        gone = await _delivery_to(derbyshire, first["id"], endpoint["id"], "failed")
        disabled = (await derbyshire.get(f"/v1/endpoints/{endpoint['id']}")).json()
        notices = (
            await derbyshire.get(
                "/v1/notifications", params={"rule": "endpoint-disabled", "limit": "200"}
            )
        ).json()["items"]
        refused_retry = await derbyshire.post(f"/v1/deliveries/{gone['id']}/retry")

        del receiver.endpoint_status["gone"]
        enabled = await derbyshire.patch(f"/v1/endpoints/{endpoint['id']}", json={"enabled": True})
        retried = await derbyshire.post(f"/v1/deliveries/{gone['id']}/retry")
        redelivered = await _delivery_to(derbyshire, first["id"], endpoint["id"], "delivered")
        [second_ref] = await _publish(publisher, 1)
        second = await _notification(derbyshire, second_ref)
        await _delivery_to(derbyshire, second["id"], endpoint["id"], "delivered")
        await derbyshire.delete(f"/v1/endpoints/{endpoint['id']}")

    assert gone["attempts"][-1]["status_code"] == 410
    assert disabled["enabled"] is False
    assert endpoint["id"] in [n["subject"]["endpoint_id"] for n in notices]
    assert refused_retry.status_code == 422  # disabled: re-enable it first
    assert enabled.status_code == 200, enabled.text
    assert enabled.json()["enabled"] is True
    assert retried.status_code == 202, retried.text
    assert redelivered["id"] == gone["id"]
    assert redelivered["attempts"][-1]["trigger"] == "manual"
    by_notification = receiver.webhook_ids_by_notification()
    assert by_notification[("gone", first["id"])] == {gone["id"]}
    assert ("gone", second["id"]) in by_notification


async def test_an_endpoint_registered_with_since_receives_the_earlier_notifications_in_order(
    platform: Platform,
) -> None:
    receiver = WebhookReceiver()
    since = datetime.now(UTC).isoformat()
    async with (
        serve_over_http(receiver.app) as receiver_url,
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire,
        platform.aclient("notify-api", "platform-services") as publisher,
    ):
        refs = await _publish(publisher, 4)
        earlier = [await _notification(derbyshire, ref) for ref in refs]
        response = await derbyshire.post(
            "/v1/endpoints",
            json={
                "channel": "webhook",
                "url": f"{receiver_url}/hooks/late",
                "rules": [RULE],
                "since": since,
            },
        )
        assert response.status_code == 201, response.text
        endpoint = response.json()
        receiver.secrets["late"] = endpoint["secret"]
        for notification in earlier:
            await _delivery_to(derbyshire, notification["id"], endpoint["id"], "delivered")
        await derbyshire.delete(f"/v1/endpoints/{endpoint['id']}")

    assert endpoint["backfilled"] == 4
    arrived = [n["id"] for n in receiver.notifications() if n["kind"] == "rule"]
    assert arrived == [n["id"] for n in sorted(earlier, key=lambda n: n["sequence"])]
    assert receiver.repeats() == 0
