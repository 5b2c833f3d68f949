"""The sandbox (issue 17, docs/sandbox.md): a sandbox client's events, notifications,
endpoints and deliveries live apart from live data, and its endpoints simulate outcomes.

Real tokens from the dev authorization server's sandbox clients (`sandbox: true` claim),
a real webhook receiver for the live organisation, the real worker.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService

from .delivery_ops import Receiver, drain, register, worker_of

SIMULATED = "https://sandbox.invalid"


def _ids(page: dict[str, Any]) -> set[str]:
    return {item["id"] for item in page["items"]}


async def test_sandbox_traffic_never_reaches_live_and_simulated_outcomes_are_recorded(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    live_endpoint = await register(service, hooks, url)
    camden = await service.as_client("demo-camden")
    sandbox = await service.as_client("sandbox-camden")
    platform = await service.as_client("platform-services")
    endpoints = {}
    for outcome in ("delivered", "5xx"):
        made = await sandbox.post(
            "/v1/endpoints", json={"channel": "webhook", "url": f"{SIMULATED}/{outcome}"}
        )
        assert made.status_code == 201, made.text
        endpoints[outcome] = made.json()["id"]
    mail = await sandbox.post(
        "/v1/endpoints", json={"channel": "email", "address": "duty@camden.example"}
    )
    assert mail.status_code == 201, mail.text
    worker = worker_of(service, settings, clock)
    start = clock.now
    # The same event id and person, posted by the sandbox client and then by the platform.
    event = cloud_event("incident.recorded", incident_data("behaviour", start), time=start)

    in_sandbox = await sandbox.post("/v1/events", json=event)
    live = await platform.post("/v1/events", json=event)
    await drain(worker)

    assert in_sandbox.status_code == 201, in_sandbox.text
    assert live.status_code == 201, live.text  # not a repeat: the sandbox took no live id
    assert in_sandbox.json()["id"] == f"sandbox:{event['id']}"
    sandbox_made = {n["id"] for n in in_sandbox.json()["notifications"]}
    live_made = {n["id"] for n in live.json()["notifications"]}
    assert sandbox_made and live_made and not sandbox_made & live_made
    assert all(
        n["recipient"]["org"].startswith("sandbox:") for n in in_sandbox.json()["notifications"]
    )
    assert not any(
        n["recipient"]["org"].startswith("sandbox:") for n in live.json()["notifications"]
    )
    # The live organisation sees none of it: inbox, endpoints, pushes.
    live_inbox = _ids((await camden.get("/v1/notifications")).json())
    assert live_inbox & live_made and not live_inbox & sandbox_made
    assert {m["payload"]["data"]["id"] for m in hooks.received} <= live_made
    live_endpoints = {e["id"] for e in (await camden.get("/v1/endpoints")).json()["items"]}
    assert live_endpoints == {live_endpoint}
    # The sandbox client sees only its own, and no live object by id.
    sandbox_inbox = _ids((await sandbox.get("/v1/notifications")).json())
    assert sandbox_inbox == sandbox_made
    some_live = next(iter(live_made))
    assert (await sandbox.get(f"/v1/notifications/{some_live}")).status_code == 404
    ack = await sandbox.post(f"/v1/notifications/{some_live}/ack", json={})
    assert ack.status_code == 404
    assert (await camden.get(f"/v1/notifications/{some_live}")).json()["acknowledged_at"] is None
    assert (await sandbox.get(f"/v1/endpoints/{live_endpoint}")).status_code == 404
    receipt = (await sandbox.get(f"/v1/events/{event['id']}")).json()
    assert {n["id"] for n in receipt["notifications"]} == sandbox_made
    # Simulated outcomes: delivered, 503, the email recorded (no mail server is running).
    notification = next(iter(sandbox_made))
    detail = (await sandbox.get(f"/v1/notifications/{notification}")).json()
    by_endpoint = {d["endpoint_id"]: d for d in detail["deliveries"]}
    assert by_endpoint[endpoints["delivered"]]["status"] == "delivered"
    assert by_endpoint[mail.json()["id"]]["status"] == "delivered"
    failing = by_endpoint[endpoints["5xx"]]
    assert failing["status"] == "pending"
    assert failing["attempts"][0]["status_code"] == 503
    trial = (await sandbox.post(f"/v1/endpoints/{endpoints['delivered']}/test")).json()
    assert (trial["accepted"], trial["status_code"]) == (True, 204)

    # The 5xx endpoint's deliveries pass the cut-off; a recover brings them (the
    # simulated receiver accepts a manual attempt) and delivery.recovered is told.
    clock.now = start + timedelta(days=3, minutes=5)
    await drain(worker)
    recovered = await sandbox.post(
        f"/v1/endpoints/{endpoints['5xx']}/recover", json={"since": start.isoformat()}
    )
    assert recovered.status_code == 202, recovered.text
    assert failing["id"] in recovered.json()["deliveries"]
    await drain(worker)
    await worker.sweep()
    await drain(worker)
    await worker.aclose()
    detail = (await sandbox.get(f"/v1/notifications/{notification}")).json()
    again = next(d for d in detail["deliveries"] if d["endpoint_id"] == endpoints["5xx"])
    assert again["status"] == "delivered"
    manual = [a for a in again["attempts"] if a["trigger"] == "manual"]
    assert [a["status_code"] for a in manual] == [204]
    platform_notices = (await sandbox.get("/v1/notifications", params={"role": "platform"})).json()
    assert "delivery-recovered" in {n["rule"] for n in platform_notices["items"]}
    live_notices = (await camden.get("/v1/notifications", params={"role": "platform"})).json()
    assert all(
        n["subject"].get("endpoint_id") not in endpoints.values() for n in live_notices["items"]
    )


async def test_a_simulated_url_is_a_sandbox_clients_only_and_names_an_outcome(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")
    sandbox = await service.as_client("sandbox-camden")

    live = await camden.post(
        "/v1/endpoints", json={"channel": "webhook", "url": f"{SIMULATED}/delivered"}
    )
    unknown = await sandbox.post(
        "/v1/endpoints", json={"channel": "webhook", "url": f"{SIMULATED}/sometimes"}
    )

    assert live.status_code == 422
    assert live.json()["errors"][0]["field"] == "body.url"
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "body.url"
    assert (await camden.get("/v1/endpoints")).json()["items"] == []
    assert (await sandbox.get("/v1/endpoints")).json()["items"] == []


async def test_a_sandbox_client_acting_on_a_live_endpoint_changes_nothing(
    service: InProcessService, status_receiver: tuple[Receiver, str]
) -> None:
    hooks, url = status_receiver
    live_endpoint = await register(service, hooks, url)
    camden = await service.as_client("demo-camden")
    sandbox = await service.as_client("sandbox-camden")

    patched = await sandbox.patch(f"/v1/endpoints/{live_endpoint}", json={"enabled": False})
    removed = await sandbox.delete(f"/v1/endpoints/{live_endpoint}")
    retried = await sandbox.post(f"/v1/deliveries/{uuid.uuid4()}/retry")

    assert (patched.status_code, removed.status_code, retried.status_code) == (404, 404, 404)
    assert (await camden.get(f"/v1/endpoints/{live_endpoint}")).json()["enabled"] is True


async def test_simulated_timeout_and_410_are_recorded_as_real_attempts(
    clocked_service: InProcessService, settings: Settings, clock: Clock
) -> None:
    service = clocked_service
    sandbox = await service.as_client("sandbox-camden")
    platform = await service.as_client("platform-services")
    made = {}
    for outcome in ("timeout", "410"):
        response = await sandbox.post(
            "/v1/endpoints", json={"channel": "webhook", "url": f"{SIMULATED}/{outcome}"}
        )
        made[outcome] = response.json()["id"]
    worker = worker_of(service, settings, clock)
    event = cloud_event("incident.recorded", incident_data("behaviour", clock.now), time=clock.now)

    receipt = (await sandbox.post("/v1/events", json=event)).json()
    await drain(worker)
    await worker.aclose()
    live_made = (await platform.get(f"/v1/events/{event['id']}")).status_code

    detail = (await sandbox.get(f"/v1/notifications/{receipt['notifications'][0]['id']}")).json()
    by_endpoint = {d["endpoint_id"]: d for d in detail["deliveries"]}
    timed_out = by_endpoint[made["timeout"]]
    assert (timed_out["status"], timed_out["attempts"][0]["error"]) == (
        "pending",
        "timeout (simulated)",
    )
    gone = by_endpoint[made["410"]]
    assert (gone["status"], gone["attempts"][0]["status_code"]) == ("failed", 410)
    assert (await sandbox.get(f"/v1/endpoints/{made['410']}")).json()["enabled"] is False
    assert live_made == 404  # the live id was never taken


async def test_a_refused_sandbox_event_tells_no_live_organisation(
    service: InProcessService,
) -> None:
    sandbox = await service.as_client("sandbox-camden")
    camden = await service.as_client("demo-camden")
    data = placement_data(date(2026, 12, 22), emergency=True)
    del data["emergency"]
    event = cloud_event("placement.started", data, time=datetime(2026, 12, 22, 9, tzinfo=UTC))

    refused = await sandbox.post("/v1/events", json=event)

    assert refused.status_code == 422
    assert "data.emergency" in {error["field"] for error in refused.json()["errors"]}
    assert (await camden.get("/v1/notifications")).json()["items"] == []
    assert (await sandbox.get("/v1/notifications")).json()["items"] == []


async def test_a_sandbox_clients_batch_is_kept_apart_as_its_single_posts_are(
    service: InProcessService,
) -> None:
    sandbox = await service.as_client("sandbox-camden")
    camden = await service.as_client("demo-camden")
    platform = await service.as_client("platform-services")
    time = datetime(2026, 12, 22, 9, tzinfo=UTC)
    placement = cloud_event(
        "placement.started", placement_data(date(2026, 12, 22), emergency=True), time=time
    )
    refused_data = placement_data(date(2026, 12, 22), emergency=True)
    del refused_data["emergency"]
    refused = cloud_event("placement.started", refused_data, time=time)
    marked = {**cloud_event("incident.recorded", incident_data("behaviour", time), time=time)}
    marked["sandbox"] = True  # a live publisher's event marked as a sandbox one

    def batch_post(client: Any, events: list[dict[str, Any]]) -> Any:
        return client.post(
            "/v1/events",
            content=json.dumps(events),
            headers={"content-type": "application/cloudevents-batch+json"},
        )

    from_sandbox = await batch_post(sandbox, [placement, refused])
    from_live = await batch_post(platform, [marked])

    assert from_sandbox.status_code == 200, from_sandbox.text
    accepted, refusal = from_sandbox.json()["receipts"]
    assert accepted["status"] == "accepted" and refusal["status"] == "refused"
    assert accepted["receipt"]["id"] == f"sandbox:{placement['id']}"
    [marked_receipt] = from_live.json()["receipts"]
    assert marked_receipt["receipt"]["id"] == f"sandbox:{marked['id']}"
    made = [
        n for receipt in (accepted, marked_receipt) for n in receipt["receipt"]["notifications"]
    ]
    assert made and all(n["recipient"]["org"].startswith("sandbox:") for n in made)
    # No live inbox holds any of it, nor a notice of the refused event.
    assert (await camden.get("/v1/notifications")).json()["items"] == []
    sandbox_inbox = _ids((await sandbox.get("/v1/notifications")).json())
    camdens = {n["id"] for n in made if n["recipient"]["org"] == "sandbox:E09000007"}
    assert camdens and sandbox_inbox >= camdens
