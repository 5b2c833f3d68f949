"""Ordered, gap-detectable push over real processes (issue 17).

A receiver that checks the continuity of its endpoint's stream sees no unexplained hole
across withheld and filtered notifications, a delivery it refused once (503) and a
delivery worker killed mid-batch (SIGKILL): every endpoint sequence arrives, first in
order, and every inbox sequence it does not get is announced with its reason.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from platform_harness import Platform, eventually, free_base_port
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from notify.testing import cloud_event, incident_data
from platform_shared.testing import postgres_unavailable_reason, serve_over_http

pytestmark = [pytest.mark.system]

#: Behaviour incidents pushed to the endpoint; each is followed by an arrest of a care
#: leaver who refused consent (withheld) and an arrest of a looked-after child (its
#: notifications are of other rules: filtered out).
PUSHED = 24
#: The endpoint sequence the receiver refuses once.
REFUSED_ONCE = 3
WORKER_ENV = {
    "NOTIFY_DELIVERY_LEASE_SECONDS": "15",
    "NOTIFY_DELIVERY_POLL_SECONDS": "0.05",
    "NOTIFY_DELIVERY_BATCH_SIZE": "4",
}


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
        var_dir=tmp_path_factory.mktemp(f"platform-ordered-{backend}"),
        base_port=free_base_port(),
    )
    try:
        running.prepare()
        running.start_all(delivery_workers=0)
        yield running
    finally:
        running.stop_everything()


class ContinuityReceiver:
    """Verifies every push, refuses one endpoint sequence once, keeps what it accepted."""

    def __init__(self) -> None:
        self.secret = ""
        self.refused: list[str] = []
        #: (webhook-id, payload) of every accepted push, in arrival order (repeats too).
        self.accepted: list[tuple[str, dict[str, Any]]] = []
        self.app = Starlette(routes=[Route("/hooks", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        payload = Webhook(self.secret).verify(await request.body(), dict(request.headers))
        webhook_id = request.headers["webhook-id"]
        stream = payload.get("stream") or {}
        if stream.get("endpoint_sequence") == REFUSED_ONCE and not self.refused:
            self.refused.append(webhook_id)
            return Response(status_code=503)
        self.accepted.append((webhook_id, payload))
        return Response(status_code=204)

    def first_arrivals(self) -> list[dict[str, Any]]:
        """Each delivery once (deduplicated on `webhook-id`), in order of first arrival."""
        seen: set[str] = set()
        first = []
        for webhook_id, payload in self.accepted:
            if webhook_id not in seen:
                seen.add(webhook_id)
                first.append(payload)
        return first


def unexplained(streams: list[dict[str, Any]], start: int, last: int) -> set[int]:
    """Inbox sequences in (start, last] neither received nor announced."""
    accounted: set[int] = set()
    for stream in streams:
        accounted.add(stream["sequence"])
        accounted.update(s["sequence"] for s in stream["skipped"])
        accounted.update(u["sequence"] for u in stream["undelivered"])
    return set(range(start + 1, last + 1)) - accounted


async def _post(publisher: httpx.AsyncClient, event_type: str, data: dict[str, Any]) -> None:
    event = cloud_event(event_type, data, time=datetime.now(UTC))
    response = await publisher.post("/v1/events", json=event)
    assert response.status_code in (200, 201, 202), response.text


async def _inbox(camden: httpx.AsyncClient) -> dict[int, dict[str, Any]]:
    items: dict[int, dict[str, Any]] = {}
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 200}
        if cursor:
            params["cursor"] = cursor
        page = (await camden.get("/v1/notifications", params=params)).json()
        items.update({item["sequence"]: item for item in page["items"]})
        cursor = page.get("next_cursor")
        if not cursor:
            return items


async def test_a_continuity_checking_receiver_sees_no_unexplained_hole(
    platform: Platform,
) -> None:
    receiver = ContinuityReceiver()
    async with (
        serve_over_http(receiver.app) as receiver_url,
        platform.aclient("notify-api", "demo-camden") as camden,
        platform.aclient("notify-api", "platform-services") as publisher,
    ):
        await _post(publisher, "incident.recorded", incident_data("behaviour", datetime.now(UTC)))
        inbox = await _inbox(camden)
        rule = inbox[max(inbox)]["rule"]
        start = max(inbox)
        response = await camden.post(
            "/v1/endpoints",
            json={"channel": "webhook", "url": f"{receiver_url}/hooks", "rules": [rule]},
        )
        assert response.status_code == 201, response.text
        receiver.secret = response.json()["secret"]

        for _ in range(PUSHED):
            now = datetime.now(UTC)
            await _post(publisher, "incident.recorded", incident_data("behaviour", now))
            arrest = {
                **incident_data("arrest", now),
                "status": "care_leaver",
                "care_leaver_category": "former_relevant",
                "notify_personal_adviser_consent": "refused",
            }
            await _post(publisher, "arrest.recorded", arrest)
            await _post(publisher, "arrest.recorded", incident_data("arrest", now))

        is_postgres = platform.backend == "postgresql"
        platform.start("ordered-a", "notify-api", "deliver", extra_env=WORKER_ENV)
        if is_postgres:  # two workers side by side; SQLite takes one writer at a time
            platform.start("ordered-b", "notify-api", "deliver", extra_env=WORKER_ENV)

        async def some_arrived() -> bool | None:
            return True if len(receiver.first_arrivals()) >= PUSHED // 3 else None

        await eventually(some_arrived, timeout=120, interval=0.02)
        platform.kill("ordered-a")
        platform.start("ordered-c", "notify-api", "deliver", extra_env=WORKER_ENV)

        async def all_arrived() -> bool | None:
            return True if len(receiver.first_arrivals()) >= PUSHED else None

        await eventually(all_arrived, timeout=180, interval=0.5)
        await asyncio.sleep(0.5)  # a repeat of the killed worker's last push may follow
        inbox = await _inbox(camden)
        for name in ("ordered-c", "ordered-b") if is_postgres else ("ordered-c",):
            platform.stop(name)

    first = receiver.first_arrivals()
    streams = [payload["stream"] for payload in first]
    # Every endpoint sequence, first in order: the refused one held the later ones back.
    assert [s["endpoint_sequence"] for s in streams] == list(range(1, PUSHED + 1))
    assert [s["sequence"] for s in streams] == sorted(s["sequence"] for s in streams)
    assert all(payload["data"]["rule"] == rule for payload in first)
    # The refused delivery came again under its webhook-id.
    [refused] = receiver.refused
    assert refused in {webhook_id for webhook_id, _ in receiver.accepted}
    # Every inbox sequence it did not get is announced, with its reason.
    assert unexplained(streams, start, max(s["sequence"] for s in streams)) == set()
    reasons = {s["sequence"]: s["reason"] for stream in streams for s in stream["skipped"]}
    for sequence, reason in reasons.items():
        expected = "withheld" if inbox[sequence]["status"] == "withheld" else "filtered"
        assert reason == expected, inbox[sequence]
    assert {"withheld", "filtered"} <= set(reasons.values())
    assert all(stream["undelivered"] == [] for stream in streams)
