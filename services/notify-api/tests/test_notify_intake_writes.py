"""What one event writes, made a few statements for all its notifications: numbers, pushes."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from notify.notifications.models import Notification, OrganisationSequence
from notify.testing import cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService

TIME = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"
PROVIDER = "provider-demo-home"


async def _post(service: InProcessService, event: dict[str, Any]) -> dict[str, Any]:
    platform = await service.as_client("platform-services")
    response = await platform.post("/v1/events", json=event)
    assert response.status_code == 201, response.text
    receipt: dict[str, Any] = response.json()
    return receipt


def _incident_in_placement(person_ref: str = "pr_0001") -> dict[str, Any]:
    """Four notifications: the social worker (Camden) and three times the home (the three
    steps of a measure of control, reg 35(3), (4))."""
    data = incident_data("missing", TIME, person_ref=person_ref, measure_of_control="control")
    return cloud_event("incident.recorded", data, time=TIME)


def _placement(person_ref: str = "pr_0001") -> dict[str, Any]:
    data = placement_data(date(2026, 12, 22), emergency=True, person_ref=person_ref)
    return cloud_event("placement.started", data, time=TIME, source="care-status-api")


async def _register(service: InProcessService, client: str, body: dict[str, Any]) -> str:
    manager = await service.as_client(client)
    response = await manager.post("/v1/endpoints", json=body)
    assert response.status_code == 201, response.text
    endpoint_id: str = response.json()["id"]
    return endpoint_id


async def _pushed_to(service: InProcessService, client: str, notification_id: str) -> set[str]:
    reader = await service.as_client(client)
    detail = (await reader.get(f"/v1/notifications/{notification_id}")).json()
    return {delivery["endpoint_id"] for delivery in detail["deliveries"]}


async def test_an_organisation_told_twice_by_one_event_gets_consecutive_numbers_in_order(
    service: InProcessService,
) -> None:
    await _post(service, _incident_in_placement("pr_first"))

    receipt = await _post(service, _incident_in_placement("pr_second"))

    to_home = [n for n in receipt["notifications"] if n["recipient"]["org"] == PROVIDER]
    assert [(n["rule"], n["sequence"]) for n in to_home] == [
        ("restraint-measure-record", 4),
        ("restraint-measure-record-signed", 5),
        ("restraint-measure-record-child", 6),
    ]
    home = await service.as_client("demo-home-provider")
    inbox = (await home.get("/v1/notifications")).json()["items"]
    assert [n["sequence"] for n in inbox] == [1, 2, 3, 4, 5, 6]


async def test_events_posted_at_once_leave_every_inbox_numbered_without_gaps(
    service: InProcessService,
) -> None:
    events = [
        _incident_in_placement(f"pr_{n}") if n % 2 else _placement(f"pr_{n}") for n in range(12)
    ]

    receipts = await asyncio.gather(*(_post(service, event) for event in events))

    async with service.session_factory() as session:
        stored = (
            await session.execute(select(Notification.recipient_org, Notification.sequence))
        ).all()
        counters = dict(
            (
                await session.execute(
                    select(OrganisationSequence.org, OrganisationSequence.last_sequence)
                )
            ).all()
        )
    numbers: dict[str, list[int]] = defaultdict(list)
    for org, sequence in stored:
        numbers[org].append(sequence)
    assert set(numbers) == {
        CAMDEN,
        DERBYSHIRE,
        f"health-{DERBYSHIRE}",
        f"health-{CAMDEN}",
        PROVIDER,
    }
    for org, given in numbers.items():
        assert sorted(given) == list(range(1, len(given) + 1)), org
        assert counters[org] == len(given)
    answered = sorted(
        (n["recipient"]["org"], n["sequence"])
        for receipt in receipts
        for n in receipt["notifications"]
    )
    assert answered == sorted(stored)


async def test_each_endpoint_gets_only_the_notifications_its_filters_accept(
    service: InProcessService,
) -> None:
    camden_all = await _register(
        service, "demo-camden", {"channel": "webhook", "url": "http://127.0.0.1:9/all"}
    )
    camden_advisers = await _register(
        service,
        "demo-camden",
        {"channel": "email", "address": "pa@camden.example", "roles": ["personal_adviser"]},
    )
    camden_incidents = await _register(
        service,
        "demo-camden",
        {
            "channel": "email",
            "address": "sw@camden.example",
            "rules": ["incident-in-placement"],
        },
    )
    derbyshire_area = await _register(
        service,
        "demo-derbyshire",
        {"channel": "webhook", "url": "http://127.0.0.1:9/area", "roles": ["area_authority"]},
    )
    await _register(
        service,
        "demo-derbyshire",
        {
            "channel": "email",
            "address": "x@derbyshire.example",
            "rules": ["restraint-measure-record"],
        },
    )
    incident = await _post(service, _incident_in_placement())
    placement = await _post(service, _placement())

    [to_camden] = [n for n in incident["notifications"] if n["recipient"]["org"] == CAMDEN]
    [to_area] = [n for n in placement["notifications"] if n["recipient"]["org"] == DERBYSHIRE]
    assert await _pushed_to(service, "demo-camden", to_camden["id"]) == {
        camden_all,
        camden_incidents,
    }
    assert camden_advisers not in await _pushed_to(service, "demo-camden", to_camden["id"])
    assert await _pushed_to(service, "demo-derbyshire", to_area["id"]) == {derbyshire_area}


async def test_a_repeat_the_rules_would_now_refuse_is_answered_with_its_first_receipt(
    service: InProcessService,
) -> None:
    event = _placement()
    first = await _post(service, event)
    platform = await service.as_client("platform-services")

    repeat = await platform.post(
        "/v1/events", json={**event, "data": {**event["data"], "responsible_authority": None}}
    )

    assert repeat.status_code == 200
    assert repeat.json() == first
    async with service.session_factory() as session:
        stored = list(await session.scalars(select(Notification.id)))
    assert sorted(str(n) for n in stored) == sorted(n["id"] for n in first["notifications"])


def _release_date(release_date: str, time: datetime) -> dict[str, Any]:
    data = incident_data(
        "custodial_sentence", TIME, incident_id="in_release_1", release_date=release_date
    )
    return cloud_event("release_date.set", data, time=time)


async def test_two_release_dates_taken_in_at_once_leave_only_the_later_one_open(
    service: InProcessService,
) -> None:
    earlier = _release_date("2027-03-01", TIME)
    later = _release_date("2027-04-01", datetime(2027, 1, 5, 9, 0, tzinfo=UTC))

    await asyncio.gather(_post(service, earlier), _post(service, later))

    async with service.session_factory() as session:
        rows = (await session.execute(select(Notification.event_id, Notification.status))).all()
    # Each release date: the arrangements (authority, YOT) and the collection (Revision 2).
    assert sorted(rows) == sorted([(earlier["id"], "ended")] * 3 + [(later["id"], "pending")] * 3)
