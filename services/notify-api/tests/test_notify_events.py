"""Event intake: stored once, notifications made in the same transaction, bad events refused."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from notify.events.models import Event
from notify.notifications.models import Notification
from notify.testing import CAMDEN, cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService

TIME = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


async def _count(service: InProcessService, model: type) -> int:
    async with service.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_first_event_is_201_with_its_notifications(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")
    event = cloud_event(
        "placement.started", placement_data(date(2026, 12, 22), emergency=True), time=TIME
    )

    response = await platform.post("/v1/events", json=event)

    assert response.status_code == 201
    receipt = response.json()
    assert receipt["matched_rules"] == ["placement-out-of-area"]
    assert {(n["recipient"]["org"], n["recipient"]["role"]) for n in receipt["notifications"]} == {
        ("E10000007", "area_authority"),
        ("health-E10000007", "area_health"),
        ("health-E09000007", "home_health"),
    }
    assert {n["due_at"] for n in receipt["notifications"]} == {"2026-12-31T23:59:59Z"}


async def test_repeated_event_id_answers_200_with_the_first_receipt_and_creates_nothing(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    event = cloud_event(
        "placement.started", placement_data(date(2026, 12, 22), emergency=True), time=TIME
    )
    first = await platform.post("/v1/events", json=event)

    repeat = await platform.post("/v1/events", json=event)

    assert repeat.status_code == 200
    assert repeat.json() == first.json()
    assert await _count(service, Notification) == 3
    assert await _count(service, Event) == 1


async def test_the_location_of_a_new_event_reads_its_receipt_back(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    event = cloud_event(
        "placement.started", placement_data(date(2026, 12, 22), emergency=True), time=TIME
    )
    first = await platform.post("/v1/events", json=event)

    read = await platform.get(first.headers["Location"])

    assert first.headers["Location"] == f"/v1/events/{event['id']}"
    assert read.status_code == 200
    assert read.json() == first.json()


async def test_the_receipt_of_an_unknown_event_id_is_not_found(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")

    response = await platform.get("/v1/events/no-such-event")

    assert response.status_code == 404


async def test_cloudevents_content_type_is_accepted(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")
    event = cloud_event("thing.happened", {"n": 1}, time=TIME)

    response = await platform.post(
        "/v1/events",
        content=json.dumps(event),
        headers={"content-type": "application/cloudevents+json"},
    )

    assert response.status_code == 201


async def test_unknown_event_type_is_stored_matches_nothing_and_is_counted_for_its_authority(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    camden = await service.as_client("demo-camden")
    derbyshire = await service.as_client("demo-derbyshire")

    response = await platform.post(
        "/v1/events",
        json=cloud_event(
            "weather.changed", {"sky": "grey", "responsible_authority": CAMDEN}, time=TIME
        ),
    )
    figures = await camden.get("/v1/figures")
    elsewhere = await derbyshire.get("/v1/figures")

    assert response.status_code == 201
    assert response.json()["matched_rules"] == []
    assert response.json()["notifications"] == []
    assert {"type": "weather.changed", "count": 1} in figures.json()["unmatched_events"]
    assert elsewhere.status_code == 200
    assert "weather.changed" not in {e["type"] for e in elsewhere.json()["unmatched_events"]}


async def test_placement_without_responsible_authority_is_refused_naming_the_field(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    data = placement_data(date(2026, 12, 22), emergency=True)
    del data["responsible_authority"]

    response = await platform.post(
        "/v1/events", json=cloud_event("placement.started", data, time=TIME)
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "data.responsible_authority" in {e["field"] for e in response.json()["errors"]}
    assert await _count(service, Event) == 0
    assert await _count(service, Notification) == 0


async def test_event_lacking_a_field_a_rule_reads_is_refused_whole(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    data = placement_data(date(2026, 12, 22), emergency=True)
    del data["emergency"]

    response = await platform.post(
        "/v1/events", json=cloud_event("placement.started", data, time=TIME)
    )

    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"data.emergency"}
    assert await _count(service, Event) == 0
    async with service.session_factory() as session:
        made = list(await session.scalars(select(Notification.rule_id)))
    assert made == ["event-refused"]  # the notice to Camden, nothing of the rules


async def test_a_refused_event_tells_its_organisation_once_in_its_inbox(
    service: InProcessService,
) -> None:
    """Issue 15 finding 4: a refused event's statutory notification is never made, and
    the only trace was a log line. Now the organisation it belongs to (the responsible
    authority of a placement) finds a platform notice naming the event and the reasons;
    the relay's retries of the same id make no second notice."""
    platform = await service.as_client("platform-services")
    data = placement_data(date(2026, 12, 22), emergency=True)
    del data["emergency"]
    event = cloud_event("placement.started", data, time=TIME)

    first = await platform.post("/v1/events", json=event)
    again = await platform.post("/v1/events", json=event)

    assert (first.status_code, again.status_code) == (422, 422)
    camden = await service.as_client("demo-camden")
    inbox = (await camden.get("/v1/notifications")).json()["items"]
    [notice] = [item for item in inbox if item["rule"] == "event-refused"]
    assert notice["recipient"]["role"] == "platform"
    assert notice["subject"]["event_id"] == event["id"]
    assert notice["subject"]["event_type"] == "placement.started"
    assert any("data.emergency" in reason for reason in notice["subject"]["reasons"])
    derbyshire = await service.as_client("demo-derbyshire")
    theirs = (await derbyshire.get("/v1/notifications")).json()["items"]
    assert all(item["rule"] != "event-refused" for item in theirs)


async def test_unknown_organisation_is_refused(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")
    data = placement_data(date(2026, 12, 22), emergency=True, area_authority="E99999999")

    response = await platform.post(
        "/v1/events", json=cloud_event("placement.started", data, time=TIME)
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["data.area_authority"]
    assert await _count(service, Event) == 0


async def test_malformed_cloudevent_is_refused(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")
    event = cloud_event("placement.started", {}, time=TIME)
    event["specversion"] = "0.3"
    del event["id"]

    response = await platform.post("/v1/events", json=event)

    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"body.specversion", "body.id"}
    assert await _count(service, Event) == 0


async def test_event_time_without_offset_is_refused(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")
    event = cloud_event("weather.changed", {}, time=TIME)
    event["time"] = "2026-12-22T09:00:00"

    response = await platform.post("/v1/events", json=event)

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.time"]


async def test_posting_events_needs_the_publish_scope(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post("/v1/events", json=cloud_event("weather.changed", {}, time=TIME))

    assert response.status_code == 403


async def test_posting_events_needs_a_token(service: InProcessService) -> None:
    anonymous = await service.as_client(None)

    response = await anonymous.post(
        "/v1/events", json=cloud_event("weather.changed", {}, time=TIME)
    )

    assert response.status_code == 401


async def test_care_leaver_without_consent_is_withheld_with_its_reason(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    camden = await service.as_client("demo-camden")
    data = {
        **incident_data("arrest", TIME),
        "status": "care_leaver",
        "care_leaver_category": "former_relevant",
        "notify_personal_adviser_consent": "refused",
    }
    await platform.post("/v1/events", json=cloud_event("arrest.recorded", data, time=TIME))

    inbox = await camden.get("/v1/notifications", params={"status": "withheld"})

    [withheld] = inbox.json()["items"]
    assert withheld["rule"] == "police-contact-care-leaver-no-consent"
    assert withheld["recipient"] == {"org": "E09000007", "role": "personal_adviser"}
    assert withheld["withheld_reason"] == "consent to notify the personal adviser is refused"
    assert withheld["due_at"] is None


async def test_the_same_event_posted_twice_at_once_notifies_once(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    event = cloud_event(
        "placement.started", placement_data(date(2026, 12, 22), emergency=True), time=TIME
    )

    first, second = await asyncio.gather(
        platform.post("/v1/events", json=event), platform.post("/v1/events", json=event)
    )

    assert sorted([first.status_code, second.status_code]) == [200, 201]
    assert first.json() == second.json()
    assert await _count(service, Notification) == 3
