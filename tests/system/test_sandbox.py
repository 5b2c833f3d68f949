"""The sandbox over real processes (issue 17, docs/sandbox.md): a sandbox client's traffic
never appears to a live organisation, and sandbox endpoints simulate outcomes.

The same placement out of area is published twice with one CloudEvent id: by the sandbox
Camden client (a sandbox event) and by the platform (live). Derbyshire's live inbox,
endpoints and receiver see only the live notification; the sandbox Derbyshire client sees
only the sandbox one, on a real receiver of its own and on a simulated `/5xx` endpoint,
whose failed delivery a `recover` brings. Services that keep no sandbox records apart
(care-status-api, incident-api) refuse sandbox tokens, changing nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from journeys import placement_event, register_webhook
from platform_harness import Platform, eventually, free_base_port
from webhook_receiver import WebhookReceiver

from platform_shared.testing import postgres_unavailable_reason, serve_over_http

pytestmark = [pytest.mark.system]

RULE = "placement-out-of-area"
SIMULATED_5XX = "https://sandbox.invalid/5xx"


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
        var_dir=tmp_path_factory.mktemp(f"platform-sandbox-{backend}"),
        base_port=free_base_port(),
    )
    try:
        running.prepare()
        # A 10-second cut-off: the simulated 5xx delivery ends `failed` within the test.
        running.env["NOTIFY_DELIVERY_CUTOFF_HOURS"] = str(10 / 3600)
        running.start_all()
        yield running
    finally:
        running.stop_everything()


async def _of_rule(inbox: httpx.AsyncClient, person_ref: str) -> dict[str, Any] | None:
    page = (await inbox.get("/v1/notifications", params={"rule": RULE, "limit": "200"})).json()
    found = [n for n in page["items"] if n["subject"]["person_ref"] == person_ref]
    return found[0] if found else None


async def _delivery(
    inbox: httpx.AsyncClient, notification_id: str, endpoint_id: str, status: str
) -> dict[str, Any]:
    async def probe() -> dict[str, Any] | None:
        detail = (await inbox.get(f"/v1/notifications/{notification_id}")).json()
        mine = [d for d in detail["deliveries"] if d["endpoint_id"] == endpoint_id]
        return mine[0] if mine and mine[0]["status"] == status else None

    return await eventually(probe, timeout=60, message=f"no {status} delivery")


async def test_a_sandbox_clients_traffic_never_appears_to_a_live_organisation(
    platform: Platform,
) -> None:
    live_receiver = WebhookReceiver()
    sandbox_receiver = WebhookReceiver()
    event = placement_event(int(datetime.now(UTC).timestamp() * 1000) % 10**12)
    person_ref = event["subject"]
    async with (
        serve_over_http(live_receiver.app) as live_url,
        serve_over_http(sandbox_receiver.app) as sandbox_url,
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire,
        platform.aclient("notify-api", "platform-services") as publisher,
        platform.aclient("notify-api", "sandbox-derbyshire") as sandbox_derbyshire,
        platform.aclient("notify-api", "sandbox-camden") as sandbox_camden,
        platform.aclient("care-status-api", "sandbox-met") as sandbox_lookups,
        platform.aclient("incident-api", "sandbox-camden") as sandbox_incidents,
    ):
        live_endpoint = await register_webhook(derbyshire, live_receiver, live_url)
        sandbox_endpoint = await register_webhook(sandbox_derbyshire, sandbox_receiver, sandbox_url)
        simulated = await sandbox_derbyshire.post(
            "/v1/endpoints", json={"channel": "webhook", "url": SIMULATED_5XX, "rules": [RULE]}
        )
        assert simulated.status_code == 201, simulated.text
        simulated_id = simulated.json()["id"]

        posted_sandbox = await sandbox_camden.post("/v1/events", json=event)
        posted_live = await publisher.post("/v1/events", json=event)
        live = await eventually(lambda: _of_rule(derbyshire, person_ref), message="no live one")
        sandboxed = await eventually(
            lambda: _of_rule(sandbox_derbyshire, person_ref), message="no sandbox one"
        )
        await _delivery(derbyshire, live["id"], live_endpoint["id"], "delivered")
        await _delivery(sandbox_derbyshire, sandboxed["id"], sandbox_endpoint["id"], "delivered")
        failed = await _delivery(sandbox_derbyshire, sandboxed["id"], simulated_id, "failed")
        recovered = await sandbox_derbyshire.post(
            f"/v1/endpoints/{simulated_id}/recover",
            json={"since": (datetime.now(UTC) - timedelta(hours=1)).isoformat()},
        )
        brought = await _delivery(sandbox_derbyshire, sandboxed["id"], simulated_id, "delivered")

        live_inbox = (await derbyshire.get("/v1/notifications", params={"limit": "200"})).json()
        live_endpoints = (await derbyshire.get("/v1/endpoints")).json()["items"]
        live_reads_sandbox = await derbyshire.get(f"/v1/notifications/{sandboxed['id']}")
        sandbox_reads_live = await sandbox_derbyshire.get(f"/v1/notifications/{live['id']}")
        sandbox_acks_live = await sandbox_derbyshire.post(
            f"/v1/notifications/{live['id']}/ack", json={}
        )
        live_after = (await derbyshire.get(f"/v1/notifications/{live['id']}")).json()
        refused_lookup = await sandbox_lookups.post(
            "/v1/lookups", json={"purpose": "custody", "person_ref": person_ref}
        )
        refused_incidents = await sandbox_incidents.get("/v1/incidents")
        for inbox, endpoint_id in (
            (derbyshire, live_endpoint["id"]),
            (sandbox_derbyshire, sandbox_endpoint["id"]),
            (sandbox_derbyshire, simulated_id),
        ):
            await inbox.delete(f"/v1/endpoints/{endpoint_id}")

    assert posted_sandbox.status_code == 201, posted_sandbox.text
    assert posted_live.status_code == 201, posted_live.text  # the sandbox took no live id
    assert sandboxed["recipient"]["org"] == "sandbox:E10000007"
    assert live["recipient"]["org"] == "E10000007"
    # The live organisation: not in its inbox, endpoints or receiver; not by id either.
    assert sandboxed["id"] not in {n["id"] for n in live_inbox["items"]}
    assert not [n for n in live_inbox["items"] if n["recipient"]["org"].startswith("sandbox:")]
    assert {e["id"] for e in live_endpoints} == {live_endpoint["id"]}
    # (ladder steps of the aging duty share its rule and may come too, each to its twin)
    live_pushed = live_receiver.notifications()
    assert {n["id"] for n in live_pushed if n["kind"] == "rule"} == {live["id"]}
    assert not [n for n in live_pushed if n["recipient"]["org"].startswith("sandbox:")]
    assert live_reads_sandbox.status_code == 404
    # The sandbox client: its own only; a live object by id is not found and unchanged.
    sandbox_pushed = sandbox_receiver.notifications()
    assert {n["id"] for n in sandbox_pushed if n["kind"] == "rule"} == {sandboxed["id"]}
    assert all(n["recipient"]["org"].startswith("sandbox:") for n in sandbox_pushed)
    assert (sandbox_reads_live.status_code, sandbox_acks_live.status_code) == (404, 404)
    assert live_after["acknowledged_at"] is None
    # The simulated 5xx: 503 to every scheduled attempt, never the network; a recover's
    # manual attempt is accepted, with the same id.
    assert {a["status_code"] for a in failed["attempts"]} == {503}
    assert recovered.status_code == 202, recovered.text
    assert brought["id"] == failed["id"] in recovered.json()["deliveries"]
    assert brought["attempts"][-1]["trigger"] == "manual"
    # Services that keep no sandbox records apart refuse sandbox tokens.
    assert refused_lookup.status_code == 403
    assert refused_incidents.status_code == 403
