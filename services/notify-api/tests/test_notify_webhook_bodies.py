"""Every body the platform posts parses with a client generated from the OpenAPI
document's `webhooks` section (issue 17): one named schema per `type`.

Real receivers get real pushes (a rule notification, a test send, and the operational
messages `endpoint.failing`, `delivery.exhausted`, `delivery.recovered`,
`notification.overdue`, `endpoint.disabled` and `event.refused`, to an endpoint
subscribed to the `platform` role); then a client is generated from the service's own
document with openapi-python-client and each body is parsed by the model its `type`
names in the `webhooks` section.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from notify.settings import Settings
from notify.testing import Clock, cloud_event, placement_data
from platform_shared.testing import InProcessService, serve_over_http

from .delivery_ops import Receiver, drain, incident, register, worker_of

GENERATOR = Path(sys.executable).parent / "openapi-python-client"


@pytest.fixture
async def operations_receiver() -> AsyncIterator[tuple[Receiver, str]]:
    hooks = Receiver()
    async with serve_over_http(hooks.app) as url:
        yield hooks, f"{url}/hooks"


def _generated_models(document: dict[str, Any], workdir: Path) -> Any:
    """The `models` package of a client generated from `document`."""
    (workdir / "openapi.json").write_text(json.dumps(document))
    (workdir / "config.yaml").write_text("post_hooks: []\n")
    run = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            str(workdir / "openapi.json"),
            "--output-path",
            str(workdir / "notify_webhooks_client"),
            "--meta",
            "none",
            "--config",
            str(workdir / "config.yaml"),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    sys.path.insert(0, str(workdir))
    try:
        return importlib.import_module("notify_webhooks_client.models")
    finally:
        sys.path.remove(str(workdir))


def _schema_of(document: dict[str, Any], body_type: str) -> str:
    """The named schema the `webhooks` section gives the body of `body_type`."""
    request = document["webhooks"][body_type]["post"]["requestBody"]
    reference: str = request["content"]["application/json"]["schema"]["$ref"]
    return reference.rsplit("/", 1)[-1]


async def test_every_body_posted_parses_with_the_generated_webhook_models(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
    operations_receiver: tuple[Receiver, str],
    tmp_path: Path,
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    operations, operations_url = operations_receiver
    camden = await service.as_client("demo-camden")
    endpoint_id = await register(service, hooks, url)
    subscribed = await camden.post(
        "/v1/endpoints",
        json={"channel": "webhook", "url": operations_url, "roles": ["platform"]},
    )
    operations.secret = subscribed.json()["secret"]
    worker = worker_of(service, settings, clock)
    start = clock.now

    await incident(service, clock.now)  # notification.rule
    await drain(worker)
    await camden.post(f"/v1/endpoints/{endpoint_id}/test")  # notification.test
    hooks.status = 503
    clock.now = start + timedelta(minutes=1)
    await incident(service, clock.now)
    await drain(worker)
    clock.now = start + timedelta(hours=25)
    await worker.sweep()  # endpoint.failing
    await drain(worker)
    clock.now = start + timedelta(days=3, minutes=2)
    await drain(worker)  # the 503 delivery passes its cut-off
    await worker.sweep()  # delivery.exhausted (and notification.overdue, passed long ago)
    await drain(worker)
    hooks.status = 200
    recovered = await camden.post(
        f"/v1/endpoints/{endpoint_id}/recover", json={"since": start.isoformat()}
    )
    assert recovered.status_code == 202, recovered.text
    await drain(worker)
    await worker.sweep()  # delivery.recovered
    await drain(worker)
    hooks.status = 410
    await incident(service, clock.now)
    await drain(worker)  # endpoint.disabled
    data = placement_data(date(2026, 12, 22), emergency=True)
    del data["emergency"]
    platform = await service.as_client("platform-services")
    await platform.post(
        "/v1/events", json=cloud_event("placement.started", data, time=clock.now)
    )  # event.refused
    await drain(worker)
    await worker.aclose()
    document = (await camden.get("/openapi.json")).json()
    models = _generated_models(document, tmp_path)

    bodies = [m["payload"] for m in hooks.received + operations.received]
    types = sorted({body["type"] for body in bodies})
    assert types == [
        "delivery.exhausted",
        "delivery.recovered",
        "endpoint.disabled",
        "endpoint.failing",
        "event.refused",
        "notification.overdue",
        "notification.rule",
        "notification.test",
    ]
    for body in bodies:
        model = getattr(models, _schema_of(document, body["type"]))
        parsed = model.from_dict(body)
        assert parsed.type_ == body["type"]
        if body["type"] == "notification.test":
            assert parsed.data.endpoint_id == endpoint_id
        else:
            assert str(parsed.data.id) == body["data"]["id"]
    operational = {m["payload"]["type"]: m["payload"]["data"] for m in operations.received}
    assert operational["endpoint.disabled"]["subject"]["endpoint_id"] == endpoint_id
    assert operational["endpoint.failing"]["subject"]["endpoint_id"] == endpoint_id
    assert operational["event.refused"]["subject"]["event_type"] == "placement.started"
    assert operational["delivery.exhausted"]["subject"]["endpoint_id"] == endpoint_id
    assert "1 delivery was given up" in operational["delivery.exhausted"]["subject"]["reason"]
    recovery = operational["delivery.recovered"]["subject"]
    assert recovery["endpoint_id"] == endpoint_id
    assert "1 delivery that had failed was delivered again" in recovery["reason"]
    overdue = [
        m["payload"]["data"]["subject"]
        for m in operations.received
        if m["payload"]["type"] == "notification.overdue"
    ]
    assert overdue
    for subject in overdue:
        held = (await camden.get(f"/v1/notifications/{subject['notification_id']}")).json()
        assert held["status"] == "overdue"
        assert subject["escalated_rule"] == held["rule"]
