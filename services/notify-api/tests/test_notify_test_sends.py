"""Test sends (issue 17): a signed `notification.test` now, and the attempt answered."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from notify.delivery.models import Delivery
from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService, free_port

from .delivery_ops import Receiver, register


async def test_a_test_send_is_signed_and_answers_the_attempt(
    service: InProcessService, status_receiver: tuple[Receiver, str]
) -> None:
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    camden = await service.as_client("demo-camden")

    accepted = await camden.post(f"/v1/endpoints/{endpoint_id}/test")
    hooks.status = 500
    refused = await camden.post(f"/v1/endpoints/{endpoint_id}/test")

    assert accepted.status_code == 200, accepted.text
    body: dict[str, Any] = accepted.json()
    assert (body["accepted"], body["status_code"], body["error"]) == (True, 200, None)
    assert body["response_excerpt"] == "{}"
    [message] = hooks.received  # verified with the endpoint's secret
    assert message["id"] == body["webhook_id"]
    assert message["payload"]["type"] == "notification.test"
    assert message["payload"]["data"]["endpoint_id"] == endpoint_id
    assert (refused.json()["accepted"], refused.json()["status_code"]) == (False, 500)
    async with service.session_factory() as session:
        assert list(await session.scalars(select(Delivery))) == []  # nothing queued
        audited = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.action == "endpoint.test"))
        )
    assert sorted(entry.outcome or "" for entry in audited) == ["accepted", "not accepted"]


async def test_a_test_send_to_nobody_says_so(service: InProcessService) -> None:
    hooks = Receiver()
    endpoint_id = await register(service, hooks, f"http://127.0.0.1:{free_port()}/hooks")
    camden = await service.as_client("demo-camden")

    response = await camden.post(f"/v1/endpoints/{endpoint_id}/test")

    assert response.status_code == 200
    assert response.json()["status_code"] is None
    assert "Connect" in response.json()["error"]


async def test_a_test_send_to_a_disabled_or_email_endpoint_is_refused(
    service: InProcessService, status_receiver: tuple[Receiver, str]
) -> None:
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    camden = await service.as_client("demo-camden")
    await camden.patch(f"/v1/endpoints/{endpoint_id}", json={"enabled": False})
    email = await camden.post(
        "/v1/endpoints", json={"channel": "email", "address": "duty@camden.example"}
    )

    disabled = await camden.post(f"/v1/endpoints/{endpoint_id}/test")
    to_email = await camden.post(f"/v1/endpoints/{email.json()['id']}/test")
    derbyshire = await service.as_client("demo-derbyshire")
    another_org = await derbyshire.post(f"/v1/endpoints/{endpoint_id}/test")

    for refused in (disabled, to_email):
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["field"] == "path.endpoint_id"
    assert another_org.status_code == 404
    assert hooks.hits == 0
