"""care-status-api unreachable: the incident is recorded, its event waits for its facts,
and reaches notify-api once, enriched, when care-status-api answers again."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx
import respx
from sqlalchemy import update

from incidents.testing import CareStatusStandIn, NotifyStandIn
from platform_shared.calendar import utc_now
from platform_shared.outbox import PENDING, SENT, OutboxEvent, OutboxRelay
from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]
Events = Callable[[], Awaitable[list[OutboxEvent]]]


async def _make_due_now(service: InProcessService) -> None:
    async with service.session_factory() as session, session.begin():
        await session.execute(
            update(OutboxEvent).values(next_attempt_at=utc_now() - timedelta(seconds=1))
        )


async def test_event_recorded_while_care_status_is_stopped_reaches_notify_once_enriched(
    service: InProcessService,
    care_status: CareStatusStandIn,
    notify: NotifyStandIn,
    relay: OutboxRelay,
    body: Body,
    events: Events,
) -> None:
    home = await service.as_client("demo-home-provider")
    await care_status.stop()

    created = await home.post("/v1/incidents", json=body(response_category="police_advice"))
    await relay.relay_once()
    [waiting] = await events()
    await care_status.start()
    await _make_due_now(service)
    await relay.relay_once()
    await _make_due_now(service)
    await relay.relay_once()

    assert created.status_code == 201
    assert created.json()["facts_pending"] is True
    assert waiting.status == PENDING
    assert waiting.last_error is not None and waiting.last_error.startswith("not ready")
    assert list(notify.events) == [str(waiting.id)]
    sent = notify.events[str(waiting.id)]
    assert sent["type"] == "incident.recorded"
    assert "facts_pending" not in sent["data"]
    assert sent["data"]["responsible_authority"] == "E09000007"
    assert sent["data"]["effective_date"] == "2026-06-10"
    assert sent["data"]["response_category"] == "police_advice"
    [stored] = await events()
    assert stored.status == SENT


async def test_facts_read_by_the_relay_are_stored_on_the_incident(
    service: InProcessService,
    care_status: CareStatusStandIn,
    relay: OutboxRelay,
    body: Body,
) -> None:
    home = await service.as_client("demo-home-provider")
    await care_status.stop()
    created = (await home.post("/v1/incidents", json=body())).json()
    await care_status.start()

    await relay.relay_once()

    camden = await service.as_client("demo-camden")
    read = await camden.get(f"/v1/incidents/{created['id']}")
    assert read.status_code == 200
    assert read.json()["facts_pending"] is False
    assert read.json()["facts_status"] == "resolved"
    assert read.json()["responsible_authority"] == "E09000007"
    assert read.json()["area_authority"] == "E10000007"


async def test_nothing_is_sent_while_care_status_is_unreachable(
    service: InProcessService,
    notify: NotifyStandIn,
    relay: OutboxRelay,
    body: Body,
    events: Events,
) -> None:
    home = await service.as_client("demo-home-provider")
    care_status_url = service.app.state.care_status.base_url
    with respx.mock(assert_all_called=False) as mock:
        mock.route(url__startswith=care_status_url).mock(
            side_effect=httpx.ConnectError("care-status-api unreachable")
        )
        mock.route().pass_through()
        created = await home.post("/v1/incidents", json=body())
        await _make_due_now(service)
        await relay.relay_once()

    assert created.status_code == 201
    assert created.json()["facts_pending"] is True
    assert notify.events == {}
    [event] = await events()
    assert event.status == PENDING
    assert event.data["facts_pending"] is True


async def test_facts_are_read_as_of_the_london_date_of_the_incident(
    service: InProcessService, care_status: CareStatusStandIn, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")

    await home.post("/v1/incidents", json=body(occurred_at="2026-06-30T23:30:00+00:00"))

    assert care_status.requests[-1] == ("child-camden-1", "2026-07-01")
    [event] = await events()
    assert event.data["effective_date"] == "2026-07-01"


async def test_outcome_changed_while_facts_are_pending_is_also_enriched_before_sending(
    service: InProcessService,
    care_status: CareStatusStandIn,
    notify: NotifyStandIn,
    relay: OutboxRelay,
    body: Body,
) -> None:
    police = await service.as_client("demo-derbyshire-police")
    await care_status.stop()
    created = await police.post("/v1/incidents", json=body(kind="arrest"))
    changed = await police.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"outcome": "community_resolution", "outcome_date": "2026-06-12"},
        headers={"If-Match": created.headers["etag"]},
    )
    await care_status.start()

    await relay.relay_once()

    assert changed.status_code == 200
    assert sorted(event["type"] for event in notify.events.values()) == [
        "arrest.recorded",
        "outcome.recorded",
    ]
    for event in notify.events.values():
        assert event["data"]["responsible_authority"] == "E09000007"
        assert "facts_pending" not in event["data"]
