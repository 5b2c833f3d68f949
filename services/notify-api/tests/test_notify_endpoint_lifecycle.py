"""An endpoint's lifecycle (issue 17): re-enable after a 410, filters and name, a manual
disable, the automatic disable after days of failures announced a day ahead, stats."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import update

from notify.endpoints.models import Endpoint
from notify.settings import Settings
from notify.testing import Clock
from platform_shared.testing import InProcessService

from .delivery_ops import Receiver, delivery_of, drain, incident, register, worker_of


async def _endpoint(service: InProcessService, endpoint_id: str) -> dict[str, object]:
    camden = await service.as_client("demo-camden")
    endpoint: dict[str, object] = (await camden.get(f"/v1/endpoints/{endpoint_id}")).json()
    return endpoint


async def _notices(service: InProcessService, *, of_endpoint: bool = True) -> list[str]:
    """The rules of Camden's platform notices; only the endpoint's warning and disable
    with `of_endpoint` (without it, the `delivery-exhausted` and `notification-overdue`
    ones too)."""
    camden = await service.as_client("demo-camden")
    notices = (await camden.get("/v1/notifications", params={"role": "platform"})).json()
    rules = [notice["rule"] for notice in notices["items"]]
    of_the_endpoint = ("endpoint-failing", "endpoint-disabled")
    return [r for r in rules if r in of_the_endpoint] if of_endpoint else rules


async def test_a_410_then_a_re_enable_and_a_recover_delivers_what_failed(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    first = await incident(service, clock.now)
    worker = worker_of(service, settings, clock)
    camden = await service.as_client("demo-camden")
    hooks.status = 410
    await drain(worker)
    disabled = await _endpoint(service, endpoint_id)
    clock.now += timedelta(hours=2)
    hooks.status = 200

    enabled = await camden.patch(f"/v1/endpoints/{endpoint_id}", json={"enabled": True})
    recovered = await camden.post(
        f"/v1/endpoints/{endpoint_id}/recover",
        json={"since": (clock.now - timedelta(days=1)).isoformat()},
    )
    await drain(worker)
    second = await incident(service, clock.now)
    await drain(worker)
    await worker.aclose()

    assert disabled["enabled"] is False
    assert enabled.status_code == 200, enabled.text
    assert enabled.json()["enabled"] is True
    assert enabled.json()["disabled_reason"] is None
    first_delivery = await delivery_of(service, first)
    assert recovered.json()["deliveries"] == [first_delivery["id"]]
    assert first_delivery["status"] == "delivered"
    assert [a["status_code"] for a in first_delivery["attempts"]] == [410, 200]
    assert (await delivery_of(service, second))["status"] == "delivered"
    assert [m["id"] for m in hooks.received] == [
        first_delivery["id"],
        (await delivery_of(service, second))["id"],
    ]


async def test_a_re_enable_is_refused_when_the_url_now_fails_the_address_check(
    service: InProcessService, status_receiver: tuple[Receiver, str]
) -> None:
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    camden = await service.as_client("demo-camden")
    await camden.patch(f"/v1/endpoints/{endpoint_id}", json={"enabled": False})
    # As if registered before the address check refused private ranges.
    async with service.session_factory() as session, session.begin():
        await session.execute(
            update(Endpoint)
            .where(Endpoint.id == uuid.UUID(endpoint_id))
            .values(url="http://10.1.2.3/hooks")
        )

    response = await camden.patch(
        f"/v1/endpoints/{endpoint_id}", json={"enabled": True, "name": "renamed"}
    )

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "body.enabled"
    assert "10.1.2.3 is a private address" in error["reason"]
    endpoint = await _endpoint(service, endpoint_id)
    assert (endpoint["enabled"], endpoint["name"]) == (False, None)


async def test_filters_and_name_change_and_a_disabled_endpoint_gets_no_retry(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    camden = await service.as_client("demo-camden")
    unknown = await camden.patch(f"/v1/endpoints/{endpoint_id}", json={"rules": ["no-such-rule"]})
    renamed = await camden.patch(
        f"/v1/endpoints/{endpoint_id}", json={"name": "Case system", "roles": ["platform"]}
    )
    filtered_out = await incident(service, clock.now)  # to the duty team, not platform
    cleared = await camden.patch(f"/v1/endpoints/{endpoint_id}", json={"roles": None})
    pending = await incident(service, clock.now)
    disabled = await camden.patch(f"/v1/endpoints/{endpoint_id}", json={"enabled": False})
    delivery = await delivery_of(service, pending)
    retry = await camden.post(f"/v1/deliveries/{delivery['id']}/retry")

    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "body.rules"
    assert renamed.json()["name"] == "Case system"
    assert renamed.json()["roles"] == ["platform"]
    assert renamed.json()["rules"] is None  # not given: unchanged
    camden_view = (await camden.get(f"/v1/notifications/{filtered_out}")).json()
    assert camden_view["deliveries"] == []
    assert cleared.json()["roles"] is None
    assert disabled.json()["enabled"] is False
    assert disabled.json()["disabled_reason"] == "disabled by the organisation"
    assert (delivery["status"], delivery["ended_reason"]) == (
        "failed",
        "disabled by the organisation",
    )
    assert retry.status_code == 422
    assert retry.json()["errors"][0]["field"] == "path.delivery_id"


async def test_an_endpoint_failing_for_days_is_warned_then_disabled_never_silently(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    camden = await service.as_client("demo-camden")
    worker = worker_of(service, settings, clock)
    start = clock.now
    hooks.status = 503
    await incident(service, clock.now)
    await drain(worker)
    hours = [23, 25, 48, 72, 96, 119, 120]
    seen: dict[int, tuple[object, list[str]]] = {}
    for hour in hours:
        clock.now = start + timedelta(hours=hour)
        await incident(service, clock.now)  # fresh pushes keep failing inside the cut-off
        await drain(worker)
        await worker.sweep()
        seen[hour] = ((await _endpoint(service, endpoint_id))["enabled"], await _notices(service))
    stats = (await camden.get(f"/v1/endpoints/{endpoint_id}/stats")).json()
    every_notice = await _notices(service, of_endpoint=False)
    await worker.aclose()

    assert seen[23] == (True, [])
    assert seen[25] == (True, ["endpoint-failing"])
    assert seen[119] == (True, ["endpoint-failing"])  # warned once
    assert seen[120] == (False, ["endpoint-failing", "endpoint-disabled"])
    assert "delivery-exhausted" in every_notice  # the first pushes passed their cut-off
    endpoint = await _endpoint(service, endpoint_id)
    assert endpoint["disabled_reason"] == "every attempt failed for 5 days; disabled automatically"
    assert stats["last_success_at"] is None
    assert stats["failure_streak"]["since"] == start.isoformat().replace("+00:00", "Z")
    assert stats["failure_streak"]["attempts"] >= len(hours)
    counts = stats["deliveries"]
    assert (counts["pending"], counts["delivered"]) == (0, 0)  # the disable failed the rest
    assert counts["failed"] > len(hours)


async def test_an_accepted_attempt_ends_the_failure_streak(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    status_receiver: tuple[Receiver, str],
) -> None:
    service = clocked_service
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    camden = await service.as_client("demo-camden")
    worker = worker_of(service, settings, clock)
    start = clock.now
    hooks.status = 503
    await incident(service, clock.now)
    await drain(worker)
    failing = await _endpoint(service, endpoint_id)
    clock.now = start + timedelta(hours=20)
    hooks.status = 200
    await drain(worker)  # the retry falls due within 20 hours and is accepted
    clock.now = start + timedelta(days=6)
    await worker.sweep()
    stats = (await camden.get(f"/v1/endpoints/{endpoint_id}/stats")).json()
    await worker.aclose()

    assert failing["failing_since"] is not None
    endpoint = await _endpoint(service, endpoint_id)
    assert (endpoint["enabled"], endpoint["failing_since"]) == (True, None)
    assert await _notices(service) == []
    assert stats["failure_streak"] == {"attempts": 0, "since": None}
    assert stats["deliveries"] == {"pending": 0, "delivered": 1, "failed": 0, "cancelled": 0}
    assert stats["disable_at"] is None


async def test_stats_refuse_a_bad_period(
    service: InProcessService, status_receiver: tuple[Receiver, str]
) -> None:
    hooks, url = status_receiver
    endpoint_id = await register(service, hooks, url)
    camden = await service.as_client("demo-camden")

    long = await camden.get(
        f"/v1/endpoints/{endpoint_id}/stats", params={"since": "2026-01-01T00:00:00Z"}
    )
    unrepresentable = await camden.get(
        f"/v1/endpoints/{endpoint_id}/stats",
        params={"since": "0001-01-01T00:00:00+23:59", "until": "0001-01-02T00:00:00Z"},
    )
    reversed_ = await camden.get(
        f"/v1/endpoints/{endpoint_id}/stats",
        params={"since": "2026-12-02T00:00:00Z", "until": "2026-12-01T00:00:00Z"},
    )

    assert (long.status_code, reversed_.status_code) == (422, 422)
    assert unrepresentable.status_code == 422
    assert unrepresentable.json()["errors"][0]["field"] == "query.since"
    assert long.json()["errors"][0]["field"] == "query.since"
    assert reversed_.json()["errors"][0]["field"] == "query.until"
