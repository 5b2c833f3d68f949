"""Recover and retry (issue 17): failed deliveries pushed again with their `webhook-id`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from notify.settings import Settings
from notify.testing import Clock
from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService

from .delivery_ops import Receiver, delivery_of, drain, failed_for_good, register


async def test_recover_pushes_every_failed_delivery_again_with_its_webhook_id(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    worker, made = await failed_for_good(service, settings, clock, hooks, 2)
    failed_ids = [(await delivery_of(service, n))["id"] for n in made]
    camden = await service.as_client("demo-camden")
    hooks.status = 200

    recovered = await camden.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={"since": (clock.now - timedelta(days=1)).isoformat()},
    )
    again = await camden.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={"since": (clock.now - timedelta(days=1)).isoformat()},
    )
    await drain(worker)
    await worker.aclose()

    assert recovered.status_code == 202, recovered.text
    assert sorted(recovered.json()["deliveries"]) == sorted(failed_ids)
    assert again.json()["deliveries"] == []  # pending already: nothing new
    assert sorted(message["id"] for message in hooks.received) == sorted(failed_ids)
    for notification_id in made:
        delivery = await delivery_of(service, notification_id)
        assert delivery["status"] == "delivered"
        assert [(a["trigger"], a["outcome"]) for a in delivery["attempts"]] == [
            ("scheduled", "retry"),
            ("scheduled", "failed"),
            ("manual", "delivered"),
        ]
    async with service.session_factory() as session:
        audited = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.action == "endpoint.recover"))
        )
    assert [entry.subject_id for entry in audited] == [endpoint_id, endpoint_id]
    assert audited[0].details is not None and audited[0].details["recovered"] == 2


async def test_recover_leaves_deliveries_outside_the_window_and_of_closed_notifications(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    worker, [acknowledged, open_one] = await failed_for_good(service, settings, clock, hooks, 2)
    await worker.aclose()
    camden = await service.as_client("demo-camden")
    await camden.post(f"/v1/notifications/{acknowledged}/acknowledge")
    ended_at = clock.now - timedelta(minutes=1)

    too_late = await camden.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={"since": (ended_at + timedelta(seconds=1)).isoformat()},
    )
    clock.now += timedelta(hours=1)
    in_window = await camden.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={
            "since": (ended_at - timedelta(hours=1)).isoformat(),
            "until": (ended_at + timedelta(seconds=1)).isoformat(),
        },
    )

    assert too_late.json()["deliveries"] == []
    assert in_window.json()["deliveries"] == [(await delivery_of(service, open_one))["id"]]
    assert in_window.json()["skipped_closed"] == 1
    assert (await delivery_of(service, acknowledged))["status"] == "failed"


@pytest.mark.parametrize(
    ("window", "field"),
    [
        ({"since": "2026-12-01T09:00:00Z", "until": "2026-12-15T09:00:01Z"}, "body.until"),
        ({"since": "2026-12-01T09:00:00Z"}, "body.since"),
        ({"since": "2026-12-20T09:00:00Z", "until": "2026-12-20T08:00:00Z"}, "body.until"),
        ({"since": "2026-12-23T09:00:00Z"}, "body.since"),
        ({"since": "2026-12-20T09:00:00"}, "body.since"),
        ({"since": "0001-01-01T00:00:00+23:59", "until": "0001-01-02T00:00:00Z"}, "body.since"),
    ],
)
async def test_a_bad_recover_window_is_refused_naming_the_field(
    clocked_service: InProcessService,
    status_receiver: tuple[Receiver, str],
    window: dict[str, str],
    field: str,
) -> None:
    hooks, url = status_receiver
    endpoint_id = await register(clocked_service, hooks, url)
    camden = await clocked_service.as_client("demo-camden")

    response = await camden.post(f"/v1/endpoints/{endpoint_id}/recover", json=window)

    assert response.status_code == 422, response.text
    assert field in [error["field"] for error in response.json()["errors"]]
    async with clocked_service.session_factory() as session:
        audited = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "endpoint.recover")
        )
    assert audited is None


async def test_retry_pushes_one_failed_delivery_once_and_is_idempotent(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    await register(service, hooks, url)
    worker, [notification_id] = await failed_for_good(service, settings, clock, hooks, 1)
    delivery_id = (await delivery_of(service, notification_id))["id"]
    camden = await service.as_client("demo-camden")

    first = await camden.post(f"/v1/deliveries/{delivery_id}/retry")
    second = await camden.post(f"/v1/deliveries/{delivery_id}/retry")
    keyed = await camden.post(
        f"/v1/deliveries/{delivery_id}/retry", headers={"Idempotency-Key": "retry-1"}
    )
    await drain(worker)  # still 503: one manual attempt, then failed again
    refused = await delivery_of(service, notification_id)
    clock.now += timedelta(minutes=1)
    hooks.status = 200
    third = await camden.post(f"/v1/deliveries/{delivery_id}/retry")
    await drain(worker)
    replayed = await camden.post(
        f"/v1/deliveries/{delivery_id}/retry", headers={"Idempotency-Key": "retry-1"}
    )
    after_delivery = await camden.post(f"/v1/deliveries/{delivery_id}/retry")
    await worker.aclose()

    assert (first.status_code, second.status_code, third.status_code) == (202, 202, 202)
    assert first.json() == second.json() == keyed.json()
    assert first.json()["next_trigger"] == "manual"
    assert refused["status"] == "failed"
    assert refused["ended_reason"] == "the manual attempt was not accepted"
    assert [a["trigger"] for a in refused["attempts"]] == ["scheduled", "scheduled", "manual"]
    delivered = await delivery_of(service, notification_id)
    assert delivered["status"] == "delivered"
    assert [a["trigger"] for a in delivered["attempts"][-2:]] == ["manual", "manual"]
    assert [m["id"] for m in hooks.received] == [delivery_id]
    assert replayed.status_code == 202
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert after_delivery.status_code == 409
    async with service.session_factory() as session:
        audited = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.action == "delivery.retry"))
        )
    assert len(audited) == 2  # the two retries that changed something


async def test_another_organisations_delivery_is_not_found(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    hooks, url = status_receiver
    endpoint_id = await register(clocked_service, hooks, url)
    worker, [notification_id] = await failed_for_good(clocked_service, settings, clock, hooks, 1)
    await worker.aclose()
    delivery_id = (await delivery_of(clocked_service, notification_id))["id"]
    derbyshire = await clocked_service.as_client("demo-derbyshire")

    retry = await derbyshire.post(f"/v1/deliveries/{delivery_id}/retry")
    recover = await derbyshire.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={"since": (clock.now - timedelta(days=1)).isoformat()},
    )

    assert (retry.status_code, recover.status_code) == (404, 404)
    assert (await delivery_of(clocked_service, notification_id))["status"] == "failed"


async def _exhausted_notices(service: InProcessService) -> list[dict[str, Any]]:
    camden = await service.as_client("demo-camden")
    page = await camden.get("/v1/notifications", params={"rule": "delivery-exhausted"})
    items: list[dict[str, Any]] = page.json()["items"]
    return items


async def test_exhausted_deliveries_are_told_once_per_endpoint_and_again_after_a_failed_retry(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    worker, [first, _second] = await failed_for_good(service, settings, clock, hooks, 2)
    camden = await service.as_client("demo-camden")

    await worker.sweep()
    await worker.sweep()
    told = await _exhausted_notices(service)
    delivery_id = (await delivery_of(service, first))["id"]
    await camden.post(f"/v1/deliveries/{delivery_id}/retry")
    await drain(worker)  # still 503: given up again
    clock.now += timedelta(minutes=1)
    await worker.sweep()
    await worker.aclose()

    [notice] = told
    assert notice["subject"]["endpoint_id"] == endpoint_id
    assert notice["subject"]["reason"].startswith("2 deliveries were given up")
    again = await _exhausted_notices(service)
    assert len(again) == 2
    assert any(n["subject"]["reason"].startswith("1 delivery was given up") for n in again)


async def test_recovered_deliveries_are_told_once_and_only_when_the_manual_attempt_delivered(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    camden = await service.as_client("demo-camden")
    worker, made = await failed_for_good(service, settings, clock, hooks, 2)
    since = (clock.now - timedelta(days=4)).isoformat()

    async def recovered_notices() -> list[dict[str, Any]]:
        page = await camden.get("/v1/notifications", params={"rule": "delivery-recovered"})
        items: list[dict[str, Any]] = page.json()["items"]
        return items

    await camden.post(f"/v1/endpoints/{endpoint_id}/recover", json={"since": since})
    await drain(worker)  # the receiver still refuses: failed again, nothing recovered
    await worker.sweep()
    after_refused = await recovered_notices()
    hooks.status = 200
    await camden.post(f"/v1/endpoints/{endpoint_id}/recover", json={"since": since})
    await drain(worker)
    await worker.sweep()
    await worker.sweep()  # told once
    told = await recovered_notices()
    await worker.aclose()

    assert after_refused == []
    assert len(told) == 1
    assert told[0]["subject"]["endpoint_id"] == endpoint_id
    assert "2 deliveries that had failed were delivered again" in told[0]["subject"]["reason"]
    assert told[0]["recipient"] == {"org": "E09000007", "role": "platform"}
    for notification_id in made:
        assert (await delivery_of(service, notification_id))["status"] == "delivered"
