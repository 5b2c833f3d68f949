"""Batched intake (`application/cloudevents-batch+json`): one receipt per event, in order;
each event idempotent on its id; a bad event refused alone; a malformed batch changes nothing."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from notify.delivery.models import Delivery
from notify.events.models import Event
from notify.main import create_app
from notify.notifications.models import Notification
from notify.settings import Settings
from notify.testing import cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService, serve_in_process

TIME = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
BATCH = "application/cloudevents-batch+json"


async def _count(service: InProcessService, model: type) -> int:
    async with service.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _post_batch(
    service: InProcessService, events: Any, *, client: str = "platform-services"
) -> httpx.Response:
    caller = await service.as_client(client)
    return await caller.post(
        "/v1/events", content=json.dumps(events), headers={"content-type": BATCH}
    )


def _placement(**overrides: Any) -> dict[str, Any]:
    return cloud_event(
        "placement.started",
        placement_data(date(2026, 12, 22), emergency=True, **overrides),
        time=TIME,
    )


async def test_a_batch_is_answered_with_one_receipt_per_event_in_order(
    service: InProcessService,
) -> None:
    events = [_placement(), cloud_event("weather.changed", {}, time=TIME), _placement()]

    response = await _post_batch(service, events)

    assert response.status_code == 200
    answer = response.json()
    assert (answer["accepted"], answer["duplicates"], answer["refused"]) == (3, 0, 0)
    assert [(r["index"], r["id"], r["status"]) for r in answer["receipts"]] == [
        (index, event["id"], "accepted") for index, event in enumerate(events)
    ]
    first, unmatched, third = (r["receipt"] for r in answer["receipts"])
    assert first["matched_rules"] == ["placement-out-of-area"]
    assert len(first["notifications"]) == len(third["notifications"]) == 3
    assert unmatched["notifications"] == []
    # Each receipt is the one stored for the event, as its Location would read it back.
    platform = await service.as_client("platform-services")
    for event, receipt in zip(events, (first, unmatched, third), strict=True):
        assert (await platform.get(f"/v1/events/{event['id']}")).json() == receipt
    assert await _count(service, Event) == 3
    assert await _count(service, Notification) == 6
    # The deliveries are made with the notifications (outbox: none without the other).
    assert await _count(service, Delivery) == 0  # no endpoint registered: nothing to push
    async with service.session_factory() as session:
        sequences = list(
            await session.scalars(
                select(Notification.sequence)
                .where(Notification.recipient_org == "E10000007")
                .order_by(Notification.sequence)
            )
        )
    assert sequences == [1, 2]


async def test_a_replayed_event_is_a_duplicate_with_its_first_receipt_and_creates_nothing(
    service: InProcessService,
) -> None:
    replayed = _placement()
    first = (await _post_batch(service, [replayed])).json()["receipts"][0]

    again = await _post_batch(service, [_placement(), replayed, replayed])

    answer = again.json()
    assert [r["status"] for r in answer["receipts"]] == ["accepted", "duplicate", "duplicate"]
    assert answer["receipts"][1]["receipt"] == first["receipt"]
    assert answer["receipts"][2]["receipt"] == first["receipt"]
    assert await _count(service, Event) == 2
    assert await _count(service, Notification) == 6
    # A single post of the same id answers the same first receipt.
    platform = await service.as_client("platform-services")
    single = await platform.post("/v1/events", json=replayed)
    assert (single.status_code, single.json()) == (200, first["receipt"])


async def test_a_bad_event_is_refused_alone_naming_its_fields_and_the_others_are_taken_in(
    service: InProcessService,
) -> None:
    lacking = _placement()
    del lacking["data"]["emergency"]
    malformed = _placement()
    del malformed["id"]
    malformed["specversion"] = "0.3"
    events = [_placement(), lacking, malformed, _placement()]

    response = await _post_batch(service, events)

    assert response.status_code == 200
    answer = response.json()
    assert [r["status"] for r in answer["receipts"]] == [
        "accepted",
        "refused",
        "refused",
        "accepted",
    ]
    refused_rules, refused_schema = answer["receipts"][1], answer["receipts"][2]
    assert refused_rules["id"] == lacking["id"]
    assert refused_rules["problem"]["status"] == 422
    assert [e["field"] for e in refused_rules["problem"]["errors"]] == ["1.data.emergency"]
    assert refused_rules["receipt"] is None
    assert refused_schema["id"] is None
    assert {e["field"] for e in refused_schema["problem"]["errors"]} == {
        "2.specversion",
        "2.id",
    }
    async with service.session_factory() as session:
        stored = set(await session.scalars(select(Event.id)))
        made = list(await session.scalars(select(Notification.rule_id)))
    assert stored == {events[0]["id"], events[3]["id"]}
    # The refused event's organisation is told, as for a single refusal.
    assert sorted(made) == ["event-refused"] + ["placement-out-of-area"] * 6
    camden = await service.as_client("demo-camden")
    inbox = (await camden.get("/v1/notifications")).json()["items"]
    [notice] = [item for item in inbox if item["rule"] == "event-refused"]
    assert notice["subject"]["event_id"] == lacking["id"]


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (b'{"specversion": "1.0"}', 400, "a batch is a JSON array of events"),
        (b"[]", 400, "a batch holds at least one event"),
        (b"[{", 400, "not JSON"),
    ],
)
async def test_a_malformed_batch_is_refused_whole_and_changes_nothing(
    service: InProcessService, body: bytes, status: int, reason: str
) -> None:
    platform = await service.as_client("platform-services")

    response = await platform.post("/v1/events", content=body, headers={"content-type": BATCH})

    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"] == [{"field": "body", "reason": reason}]
    assert await _count(service, Event) == 0
    assert await _count(service, Notification) == 0


async def test_a_batch_over_its_limit_is_refused_whole_and_changes_nothing(
    settings: Settings, auth: Any
) -> None:
    app = create_app(settings.model_copy(update={"events_batch_limit": 2}))
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as service:
        response = await _post_batch(service, [_placement(), _placement(), _placement()])
        within = await _post_batch(service, [_placement(), _placement()])

        assert response.status_code == 422
        assert response.json()["type"].endswith("/batch-too-large")
        assert response.json()["errors"] == [
            {"field": "body", "reason": "a batch holds at most 2 events"}
        ]
        assert within.status_code == 200
        assert await _count(service, Event) == 2


async def test_posting_a_batch_needs_the_publish_scope(service: InProcessService) -> None:
    response = await _post_batch(service, [_placement()], client="demo-camden")

    assert response.status_code == 403
    assert await _count(service, Event) == 0


def _release(incident_id: str, release_date: str, time: datetime) -> dict[str, Any]:
    data = incident_data(
        "custodial_sentence", TIME, incident_id=incident_id, release_date=release_date
    )
    return cloud_event("release_date.set", data, time=time)


async def test_events_of_a_batch_are_taken_in_as_if_posted_in_turn(
    service: InProcessService,
) -> None:
    """A changed release date supersedes the earlier one's notifications when both come in
    one batch, with events between them that only write, as it does posted one by one."""
    earlier = _release("in_release_1", "2027-03-01", TIME)
    later = _release("in_release_1", "2027-04-01", datetime(2027, 1, 5, 9, 0, tzinfo=UTC))

    response = await _post_batch(service, [earlier, _placement(), later, _placement()])

    receipts = [r["receipt"] for r in response.json()["receipts"]]
    assert sorted(receipts[2]["superseded"]) == sorted(
        n["id"] for n in receipts[0]["notifications"]
    )
    assert receipts[0]["superseded"] == []
    async with service.session_factory() as session:
        statuses = dict(
            (
                await session.execute(
                    select(Notification.event_id, func.count())
                    .where(Notification.status == "ended")
                    .group_by(Notification.event_id)
                )
            ).all()
        )
    assert statuses == {earlier["id"]: len(receipts[0]["notifications"])}


async def test_overlapping_batches_posted_at_once_take_in_each_event_once(
    service: InProcessService,
) -> None:
    """Two relays posting the same events at once, in opposite orders (on PostgreSQL the
    two inserts may wait for each other: the deadlock's victim runs again)."""
    events = [_placement() for _ in range(6)]

    first, second = await asyncio.gather(
        _post_batch(service, events), _post_batch(service, list(reversed(events)))
    )

    assert (first.status_code, second.status_code) == (200, 200)
    statuses = [r["status"] for r in first.json()["receipts"] + second.json()["receipts"]]
    assert statuses.count("accepted") == 6
    assert statuses.count("duplicate") == 6
    by_id: dict[str, Any] = {}
    for receipt in first.json()["receipts"] + second.json()["receipts"]:
        by_id.setdefault(receipt["id"], []).append(receipt["receipt"])
    assert all(one == other for one, other in by_id.values())
    assert await _count(service, Event) == 6
    assert await _count(service, Notification) == 18


async def test_a_stored_event_the_rules_would_refuse_now_is_a_duplicate_with_its_receipt(
    service: InProcessService,
) -> None:
    """As a single post's repeat: the first receipt, whatever the rules say of it now."""
    stored = _placement()
    first = (await _post_batch(service, [stored])).json()["receipts"][0]
    changed = {**stored, "data": {**stored["data"]}}
    del changed["data"]["emergency"]

    again = (await _post_batch(service, [changed])).json()["receipts"][0]

    assert (again["status"], again["receipt"]) == ("duplicate", first["receipt"])
    assert await _count(service, Notification) == 3
