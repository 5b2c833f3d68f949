"""PATCH adds outcomes, release dates and restorative results, under ETag / If-Match;
each outcome or release-date change writes exactly one event."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from platform_shared.outbox import OutboxEvent
from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]
Events = Callable[[], Awaitable[list[OutboxEvent]]]


async def _created(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    created = await client.post("/v1/incidents", json=body)
    assert created.status_code == 201, created.text
    return created


async def test_change_without_if_match_is_precondition_required(
    service: InProcessService, body: Body
) -> None:
    police = await service.as_client("demo-met-custody")
    created = await _created(police, body(kind="arrest"))

    refused = await police.patch(f"/v1/incidents/{created.json()['id']}", json={"outcome": "fine"})

    assert refused.status_code == 428


async def test_change_with_a_stale_etag_is_precondition_failed(
    service: InProcessService, body: Body, events: Events
) -> None:
    police = await service.as_client("demo-met-custody")
    created = await _created(police, body(kind="arrest"))
    url = f"/v1/incidents/{created.json()['id']}"
    first = await police.patch(
        url, json={"police_reference": "CR-1"}, headers={"If-Match": created.headers["etag"]}
    )

    stale = await police.patch(
        url, json={"outcome": "youth_caution"}, headers={"If-Match": created.headers["etag"]}
    )

    assert first.status_code == 200
    assert first.headers["etag"] == '"2"'
    assert stale.status_code == 412
    assert [event.type for event in await events()] == ["arrest.recorded"]


async def test_outcome_change_writes_one_outcome_event(
    service: InProcessService, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await _created(
        home, body(response_category="police_advice", police_force="police-derbyshire")
    )
    police = await service.as_client("demo-derbyshire-police")

    changed = await police.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"outcome": "community_resolution", "outcome_date": "2026-06-11"},
        headers={"If-Match": created.headers["etag"]},
    )

    assert changed.status_code == 200
    assert changed.json()["outcome"] == "community_resolution"
    assert changed.json()["outcome_date"] == "2026-06-11"
    recorded, outcome = await events()
    assert recorded.type == "incident.recorded"
    assert outcome.type == "outcome.recorded"
    assert outcome.data["outcome"] == "community_resolution"
    assert outcome.data["incident_id"] == created.json()["id"]
    assert outcome.data["effective_date"] == "2026-06-10"
    assert outcome.data["responsible_authority"] == "E09000007"


async def test_release_date_change_writes_one_release_date_event(
    service: InProcessService, body: Body, events: Events
) -> None:
    police = await service.as_client("demo-met-custody")
    created = await _created(
        police, body(kind="custodial_sentence", setting="custody", sentenced_on="2026-06-10")
    )

    changed = await police.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"expected_release_date": "2026-12-09"},
        headers={"If-Match": created.headers["etag"]},
    )

    assert changed.json()["expected_release_date"] == "2026-12-09"
    sentenced, release = await events()
    assert sentenced.type == "sentenced.custodial"
    assert release.type == "release_date.set"
    assert release.data["release_date"] == "2026-12-09"


async def test_restorative_result_is_added_without_an_event(
    service: InProcessService, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await _created(home, body(restorative_approach="restorative_conversation"))

    changed = await home.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"restorative_outcome": "completed", "restorative_notes": "Apologised to Sam."},
        headers={"If-Match": created.headers["etag"]},
    )

    assert changed.status_code == 200
    assert changed.json()["restorative_outcome"] == "completed"
    assert changed.json()["restorative_notes"] == "Apologised to Sam."
    assert changed.json()["restorative_approach"] == "restorative_conversation"
    assert [event.type for event in await events()] == ["incident.recorded"]


async def test_the_same_outcome_again_writes_no_second_event(
    service: InProcessService, body: Body, events: Events
) -> None:
    police = await service.as_client("demo-met-custody")
    created = await _created(police, body(kind="arrest"))
    url = f"/v1/incidents/{created.json()['id']}"
    first = await police.patch(
        url,
        json={"outcome": "youth_caution", "outcome_date": "2026-06-12"},
        headers={"If-Match": created.headers["etag"]},
    )

    again = await police.patch(
        url,
        json={"outcome": "youth_caution", "outcome_date": "2026-06-12"},
        headers={"If-Match": first.headers["etag"]},
    )

    assert again.status_code == 200
    assert [event.type for event in await events()] == ["arrest.recorded", "outcome.recorded"]


async def test_naming_a_police_force_later_shares_the_incident_with_it(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await _created(home, body(response_category="internal_resolution"))
    police = await service.as_client("demo-derbyshire-police")
    before = await police.get(f"/v1/incidents/{created.json()['id']}")

    changed = await home.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"police_force": "police-derbyshire", "police_involved_at": "2026-06-11T09:00:00Z"},
        headers={"If-Match": created.headers["etag"]},
    )
    after = await police.get(f"/v1/incidents/{created.json()['id']}")

    assert before.status_code == 404
    assert changed.json()["police_involved"] is True
    assert after.status_code == 200
    assert after.json()["police_involved_at"] == "2026-06-11T09:00:00Z"


async def test_etag_of_a_read_matches_the_version(service: InProcessService, body: Body) -> None:
    home = await service.as_client("demo-home-provider")
    created = await _created(home, body())

    read = await home.get(f"/v1/incidents/{created.json()['id']}")

    assert read.headers["etag"] == '"1"'
    assert read.json()["version"] == 1


async def test_a_read_with_the_current_etag_is_not_modified(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await _created(home, body())

    read = await home.get(f"/v1/incidents/{created.json()['id']}", headers={"If-None-Match": '"1"'})

    assert read.status_code == 304
    assert read.headers["etag"] == '"1"'
    assert read.content == b""


async def test_a_read_with_an_older_etag_is_the_incident_again(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await _created(home, body())
    url = f"/v1/incidents/{created.json()['id']}"
    await home.patch(url, json={"police_reference": "CR-1"}, headers={"If-Match": '"1"'})

    read = await home.get(url, headers={"If-None-Match": '"1"'})

    assert read.status_code == 200
    assert read.headers["etag"] == '"2"'
    assert read.json()["police_reference"] == "CR-1"


async def test_exploitation_concern_and_nrm_referral_can_be_added_later(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await _created(home, body())

    changed = await home.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"exploitation_concern": True, "nrm_referral_ref": "NRM-2026-000981"},
        headers={"If-Match": created.headers["etag"]},
    )

    assert changed.status_code == 200
    assert changed.json()["exploitation_concern"] is True
    assert changed.json()["nrm_referral_ref"] == "NRM-2026-000981"


async def test_empty_change_leaves_the_incident_and_its_etag_alone(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await _created(home, body())

    unchanged = await home.patch(
        f"/v1/incidents/{created.json()['id']}", json={}, headers={"If-Match": '"1"'}
    )

    assert unchanged.status_code == 200
    assert unchanged.headers["etag"] == '"1"'
