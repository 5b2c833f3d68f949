"""Recording each kind of record writes it and exactly one event, in one transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from platform_shared.outbox import OutboxEvent
from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]
Events = Callable[[], Awaitable[list[OutboxEvent]]]

FACTS_FIELDS = {
    "person_ref",
    "effective_date",
    "status",
    "care_leaver_category",
    "age",
    "age_band",
    "under_18",
    "under_25",
    "responsible_authority",
    "area_authority",
    "placed_out_of_area",
    "legal_basis",
    "youth_justice_order",
    "notify_personal_adviser_consent",
    "placement_type",
}
INCIDENT_FIELDS = {
    "incident_id",
    "occurred_at",
    "kind",
    "setting",
    "recorded_by",
    "recorded_by_kind",
    "response_category",
    "staff_involved",
    "police_involved",
}

KINDS = [
    ("behaviour", {}, "incident.recorded", {}),
    ("missing_episode", {"setting": "community"}, "incident.recorded", {}),
    ("police_contact", {}, "police_contact.recorded", {}),
    ("voluntary_interview", {}, "voluntary_interview.recorded", {}),
    ("arrest", {"setting": "community"}, "arrest.recorded", {}),
    (
        "custody_detention",
        {"setting": "custody", "custody_suite": "Chesterfield custody suite"},
        "custody.detained",
        {
            "custody_suite": "Chesterfield custody suite",
            "detained_at": "2026-06-10T13:00:00+00:00",
        },
    ),
    ("charge", {"setting": "custody"}, "charged", {}),
    (
        "out_of_court_disposal",
        {"outcome": "community_resolution"},
        "outcome.recorded",
        {"outcome": "community_resolution"},
    ),
    ("no_further_action", {}, "outcome.recorded", {"outcome": "no_further_action"}),
    (
        "court_outcome",
        {"outcome": "referral_order"},
        "outcome.recorded",
        {"outcome": "referral_order"},
    ),
    ("remand", {"setting": "custody"}, "remanded", {}),
    (
        "custodial_sentence",
        {"setting": "custody"},
        "sentenced.custodial",
        {"sentenced_on": "2026-06-10", "expected_release_date": None},
    ),
    (
        "release",
        {"setting": "custody", "released_at": "2026-06-10T16:30:00+01:00"},
        "custody.released",
        {"released_at": "2026-06-10T15:30:00+00:00"},
    ),
]


@pytest.mark.parametrize(("kind", "extra", "event_type", "event_extras"), KINDS)
async def test_each_kind_writes_one_event_of_its_type_with_facts_and_extras(
    service: InProcessService,
    body: Body,
    events: Events,
    kind: str,
    extra: dict[str, Any],
    event_type: str,
    event_extras: dict[str, Any],
) -> None:
    police = await service.as_client("demo-derbyshire-police")

    response = await police.post("/v1/incidents", json=body(kind=kind, **extra))

    assert response.status_code == 201, response.text
    incident = response.json()
    [event] = await events()
    assert event.type == event_type
    assert event.source == "incident-api"
    assert event.subject == "child-camden-1"
    assert set(event.data) >= FACTS_FIELDS | INCIDENT_FIELDS | set(event_extras)
    assert "facts_pending" not in event.data
    assert event.data["incident_id"] == incident["id"]
    assert event.data["kind"] == kind
    assert event.data["recorded_by"] == "police-derbyshire"
    assert event.data["recorded_by_kind"] == "police"
    assert event.data["police_involved"] is True
    assert event.data["effective_date"] == "2026-06-10"
    assert event.data["responsible_authority"] == "E09000007"
    for name, value in event_extras.items():
        assert event.data[name] == value


async def test_incident_in_placement_event_carries_the_decision_fields(
    service: InProcessService, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")

    response = await home.post(
        "/v1/incidents",
        json=body(response_category="internal_resolution", staff_involved=True),
    )

    assert response.status_code == 201
    [event] = await events()
    assert event.type == "incident.recorded"
    assert event.time.isoformat() == "2026-06-10T13:00:00+00:00"
    assert {name: event.data[name] for name in INCIDENT_FIELDS - {"incident_id"}} == {
        "occurred_at": "2026-06-10T13:00:00+00:00",
        "kind": "behaviour",
        "setting": "placement",
        "recorded_by": "provider-demo-home",
        "recorded_by_kind": "provider",
        "response_category": "internal_resolution",
        "staff_involved": True,
        "police_involved": False,
    }
    assert event.data["placement_type"] == "childrens_home"
    assert event.data["placed_out_of_area"] is True


async def test_sentence_recorded_with_its_release_date_also_announces_the_release_date(
    service: InProcessService, body: Body, events: Events
) -> None:
    police = await service.as_client("demo-met-custody")

    response = await police.post(
        "/v1/incidents",
        json=body(
            kind="custodial_sentence",
            setting="custody",
            sentenced_on="2026-06-10",
            expected_release_date="2026-12-10",
        ),
    )

    assert response.status_code == 201
    sentenced, release = await events()
    assert sentenced.type == "sentenced.custodial"
    assert sentenced.data["expected_release_date"] == "2026-12-10"
    assert release.type == "release_date.set"
    assert release.data["release_date"] == "2026-12-10"


async def test_refused_record_writes_neither_incident_nor_event(
    service: InProcessService, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await home.post("/v1/incidents", json=body(kind="court_outcome"))

    assert refused.status_code == 422
    assert await events() == []
    listed = await home.get("/v1/incidents")
    assert listed.json()["items"] == []


async def test_created_incident_is_returned_with_location_and_etag(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    created = await home.post("/v1/incidents", json=body())

    incident = created.json()
    assert created.headers["location"] == f"/v1/incidents/{incident['id']}"
    assert created.headers["etag"] == '"1"'
    assert incident["facts_pending"] is False
    assert incident["status_summary"]["responsible_authority"] == "E09000007"
    assert incident["recorded_by"] == "provider-demo-home"


async def test_retry_with_the_same_idempotency_key_creates_one_incident_and_one_event(
    service: InProcessService, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")
    headers = {"Idempotency-Key": "home-incident-0610"}

    first = await home.post("/v1/incidents", json=body(), headers=headers)
    retry = await home.post("/v1/incidents", json=body(), headers=headers)

    assert first.status_code == retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.headers["location"] == first.headers["location"]
    assert len(await events()) == 1
    assert len((await home.get("/v1/incidents")).json()["items"]) == 1
