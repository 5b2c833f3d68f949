"""Scale-out on one PostgreSQL: two processes of each service, three delivery workers.

Journey 1 is driven through alternating replicas (any replica serves any request: they
are stateless), and 1,000 notifications are delivered with exactly-once receipt as the
receiver sees it (dedup on `webhook-id`).
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from journeys import (
    DERBYSHIRE,
    delivered_ids,
    placement_event,
    register_webhook,
    unique_family_name,
)
from platform_harness import Platform, eventually, running_platform
from webhook_receiver import WebhookReceiver

from platform_shared.testing import free_port, postgres_unavailable_reason, serve_over_http

pytestmark = [pytest.mark.system]

EVENTS = 1000


@pytest.fixture(scope="module")
def replicated(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Platform, dict[str, list[str]]]]:
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with running_platform(
        "postgresql", tmp_path_factory.mktemp("platform-scale"), delivery_workers=3
    ) as platform:
        replicas = {
            service: [platform.url(service), platform.start_replica(service, free_port())]
            for service in ("care-status-api", "incident-api", "notify-api")
        }
        yield platform, replicas


class Alternating:
    """Sends each request to the next replica in turn, with one client's token."""

    def __init__(self, platform: Platform, urls: list[str], client_id: str) -> None:
        headers = {"Authorization": f"Bearer {platform.token(client_id)}"}
        self.clients = [httpx.AsyncClient(base_url=u, headers=headers, timeout=30) for u in urls]
        self._next = itertools.cycle(self.clients)
        self.used: set[str] = set()

    def pick(self) -> httpx.AsyncClient:
        client = next(self._next)
        self.used.add(str(client.base_url))
        return client

    async def aclose(self) -> None:
        for client in self.clients:
            await client.aclose()


async def test_journey_through_alternating_replicas_and_three_workers(
    replicated: tuple[Platform, dict[str, list[str]]],
) -> None:
    platform, replicas = replicated
    camden = Alternating(platform, replicas["care-status-api"], "demo-camden")
    derbyshire = Alternating(platform, replicas["notify-api"], "demo-derbyshire")
    receiver = WebhookReceiver()
    try:
        async with serve_over_http(receiver.app) as receiver_url:
            endpoint = await register_webhook(derbyshire.pick(), receiver, receiver_url)
            child = (
                await camden.pick().post(
                    "/v1/children",
                    json={
                        "given_name": "Amelia",
                        "family_name": unique_family_name("Scale"),
                        "date_of_birth": "2011-03-15",
                    },
                )
            ).json()
            assert (
                await camden.pick().post(
                    f"/v1/children/{child['id']}/legal-statuses",
                    json={"basis": "care_order_s31", "start_date": "2025-01-10"},
                )
            ).status_code == 201
            assert (
                await camden.pick().post(
                    f"/v1/children/{child['id']}/placements",
                    json={
                        "placement_type": "foster",
                        "area_authority": DERBYSHIRE,
                        "start_date": "2026-12-22",
                        "emergency": True,
                    },
                )
            ).status_code == 201

            async def arrived() -> dict[str, object] | None:
                page = (
                    await derbyshire.pick().get(
                        "/v1/notifications",
                        params={"rule": "placement-out-of-area", "limit": "200"},
                    )
                ).json()
                mine = [
                    n for n in page["items"] if n["subject"]["person_ref"] == child["person_ref"]
                ]
                return mine[0] if mine else None

            notification = await eventually(arrived, timeout=60)
            assert datetime.fromisoformat(str(notification["due_at"])) == datetime(
                2026, 12, 31, 23, 59, 59, tzinfo=UTC
            )
            ack = await derbyshire.pick().post(
                f"/v1/notifications/{notification['id']}/acknowledge"
            )
            assert ack.status_code == 200
            await derbyshire.pick().delete(f"/v1/endpoints/{endpoint['id']}")
            assert len(camden.used) == 2 and len(derbyshire.used) == 2
    finally:
        await camden.aclose()
        await derbyshire.aclose()


async def test_thousand_notifications_delivered_exactly_once_by_three_workers(
    replicated: tuple[Platform, dict[str, list[str]]],
) -> None:
    platform, replicas = replicated
    publisher = Alternating(platform, replicas["notify-api"], "platform-services")
    inbox = Alternating(platform, replicas["notify-api"], "demo-derbyshire")
    receiver = WebhookReceiver()
    try:
        async with serve_over_http(receiver.app) as receiver_url:
            await register_webhook(inbox.pick(), receiver, receiver_url)
            already = len(await delivered_ids(inbox.pick()))
            semaphore = asyncio.Semaphore(16)

            async def publish(number: int) -> None:
                async with semaphore:
                    response = await publisher.pick().post(
                        "/v1/events",
                        json=placement_event(number),
                        headers={"Content-Type": "application/cloudevents+json"},
                    )
                    assert response.status_code in (200, 201, 202), response.text

            await asyncio.gather(*(publish(n) for n in range(EVENTS)))

            async def all_received() -> bool | None:
                rule_payloads = [
                    p for p in receiver.payloads.values() if p["type"] == "notification.rule"
                ]
                return True if len(rule_payloads) >= EVENTS else None

            await eventually(all_received, timeout=180, interval=0.5)
            # Let any duplicate that a race would cause arrive before counting.
            await asyncio.sleep(2)
            delivered = await delivered_ids(inbox.pick())
    finally:
        await publisher.aclose()
        await inbox.aclose()

    assert receiver.bad_signatures == 0
    assert receiver.repeats() == 0
    # The rule's own notifications: ladder steps of the aged duties have their own type.
    rule_payloads = [p for p in receiver.payloads.values() if p["type"] == "notification.rule"]
    assert len({p["data"]["id"] for p in rule_payloads}) == EVENTS
    assert len(delivered) - already == EVENTS
