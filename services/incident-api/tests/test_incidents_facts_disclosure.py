"""Issue 15 finding 2, "care status through the back door": an incident answers only
what its caller may know of the child, incident-api's reads of the facts name the real
reader, and a person_ref care-status-api does not know is refused."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from sqlalchemy import update

from incidents.incidents.models import Incident
from incidents.testing import CareStatusStandIn, NotifyStandIn
from platform_shared.outbox import OutboxEvent, OutboxRelay
from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]
Events = Callable[[], Awaitable[list[OutboxEvent]]]

#: What a care-status lookup never tells (care_status/lookups/schemas.py) or the brief
#: keeps back from a reader without the care record: none may reach such a caller.
CARE_RECORD_ONLY = {
    "legal_basis",
    "legal_basis_day_before",
    "placement_type",
    "placement_provider",
    "care_leaver_category",
    "age",
    "age_band",
    "under_18",
    "notify_personal_adviser_consent",
    "youth_justice_order",
    "short_break",
    "uasc",
}
LOOKUP_LEVEL = {
    "person_ref": "child-camden-1",
    "effective_date": "2026-06-10",
    "status": "looked_after",
    "under_25": True,
    "responsible_authority": "E09000007",
    "placed_out_of_area": True,
    "area_authority": "E10000007",
}


def _keys(value: Any) -> set[str]:
    """Every key anywhere in a JSON document."""
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in _keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in _keys(item)}
    return set()


def _lookup_level_only(incident: dict[str, Any]) -> None:
    assert incident["status_facts"] is None
    assert incident["status_summary"] == LOOKUP_LEVEL
    assert _keys(incident) & CARE_RECORD_ONLY == set()


async def _record(service: InProcessService, body: Body, **overrides: Any) -> dict[str, Any]:
    home = await service.as_client("demo-home-provider")
    created = await home.post("/v1/incidents", json=body(**overrides))
    assert created.status_code == 201, created.text
    answer: dict[str, Any] = created.json()
    return answer


async def test_a_provider_recording_about_another_authoritys_child_gets_no_care_record(
    service: InProcessService, body: Body
) -> None:
    """Issue 15 finding 2: a provider with incidents:write and no lookup scope, recording
    about Camden's child (not placed with it), got the whole facts block back (legal
    basis, placement type, care-leaver category, age, consent). Every answer it gets
    now, create, read, list and PATCH, carries no more than a lookup answers."""
    home = await service.as_client("demo-home-provider")

    created = await home.post("/v1/incidents", json=body())
    incident_id = created.json()["id"]
    read = await home.get(f"/v1/incidents/{incident_id}")
    listed = await home.get("/v1/incidents")
    patched = await home.patch(
        f"/v1/incidents/{incident_id}",
        json={"restorative_notes": "Talked it through with staff."},
        headers={"If-Match": read.headers["etag"]},
    )

    assert created.status_code == 201
    assert read.status_code == listed.status_code == patched.status_code == 200
    _lookup_level_only(created.json())
    _lookup_level_only(read.json())
    [item] = listed.json()["items"]
    _lookup_level_only(item)
    _lookup_level_only(patched.json())


async def test_the_event_still_carries_the_whole_facts_block(
    service: InProcessService,
    body: Body,
    notify: NotifyStandIn,
    relay: OutboxRelay,
) -> None:
    """Issue 15 finding 2: trimming the answer keeps the facts notify-api routes on."""
    await _record(service, body)

    await relay.relay_once()

    [sent] = notify.events.values()
    assert sent["data"]["legal_basis"] == "care_order"
    assert sent["data"]["placement_type"] == "childrens_home"
    assert sent["data"]["age"] == 15


async def test_the_responsible_and_area_authorities_see_the_whole_block(
    service: InProcessService, body: Body
) -> None:
    """Issue 15 finding 2: the organisations that hold care-status:read for the child
    (Camden, its responsible authority; Derbyshire, the area of its open placement)
    still see the facts whole, on a read and in the list."""
    recorded = await _record(service, body)

    for client_id in ("demo-camden", "demo-derbyshire"):
        authority = await service.as_client(client_id)
        read = (await authority.get(f"/v1/incidents/{recorded['id']}")).json()
        [item] = (await authority.get("/v1/incidents")).json()["items"]
        for incident in (read, item):
            assert incident["status_facts"]["legal_basis"] == "care_order"
            assert incident["status_facts"]["placement_type"] == "childrens_home"
            assert incident["status_facts"]["age"] == 15
            assert incident["status_summary"] == LOOKUP_LEVEL


async def test_the_responsible_authority_without_care_status_read_sees_the_lookup_level(
    service: InProcessService, body: Body
) -> None:
    """Issue 15 finding 2: the entitlement is the care record's, so the token must hold
    care-status:read too, not only be Camden's."""
    recorded = await _record(service, body)
    camden = await service.as_client("demo-camden", scope="incidents:read")

    read = await camden.get(f"/v1/incidents/{recorded['id']}")

    assert read.status_code == 200
    _lookup_level_only(read.json())


async def test_the_police_force_named_on_the_incident_sees_the_lookup_level(
    service: InProcessService, body: Body
) -> None:
    """Issue 15 finding 2: the police force reads the incident (the CPS checklist goes to
    it) but learns of the child what its own lookup would tell it."""
    recorded = await _record(service, body, police_force="police-metropolitan")
    police = await service.as_client("demo-met-custody")

    read = await police.get(f"/v1/incidents/{recorded['id']}")

    assert read.status_code == 200
    _lookup_level_only(read.json())


async def test_the_facts_read_at_creation_names_the_recorder(
    service: InProcessService, body: Body, care_status: CareStatusStandIn
) -> None:
    """Issue 15 finding 2: care-status-api audited the read as org=platform; the read
    now carries `Platform-On-Behalf-Of` naming the provider and its client."""
    await _record(service, body)

    assert care_status.on_behalf_of == ["org=provider-demo-home; client=demo-home-provider"]


async def test_the_relays_late_facts_read_names_the_recorder(
    service: InProcessService,
    body: Body,
    care_status: CareStatusStandIn,
    notify: NotifyStandIn,
    relay: OutboxRelay,
) -> None:
    """Issue 15 finding 2: a read the relay makes later, with nobody calling, is still
    made on behalf of the incident's recorder (kept with the incident)."""
    await care_status.stop()
    recorded = await _record(service, body)
    await care_status.start()

    await relay.relay_once()

    assert recorded["facts_pending"] is True
    assert care_status.on_behalf_of == ["org=provider-demo-home; client=demo-home-provider"]
    [sent] = notify.events.values()
    assert sent["data"]["legal_basis"] == "care_order"


async def test_an_incident_stored_before_the_recorder_client_was_kept_is_read_without_it(
    service: InProcessService,
    body: Body,
    care_status: CareStatusStandIn,
    notify: NotifyStandIn,
    relay: OutboxRelay,
) -> None:
    """Issue 15 finding 2, the documented gap: an incident recorded before migration 0006
    has no recorder client; its late read names no reader (care-status-api audits it as
    incident-api's own) rather than a made-up one, and the event still goes out."""
    await care_status.stop()
    recorded = await _record(service, body)
    async with service.session_factory() as session, session.begin():
        await session.execute(update(Incident).values(recorded_by_client=None))
    await care_status.start()

    await relay.relay_once()

    assert recorded["facts_pending"] is True
    assert care_status.on_behalf_of == [None]
    assert len(notify.events) == 1


async def test_a_change_completing_pending_facts_names_its_caller(
    service: InProcessService, body: Body, care_status: CareStatusStandIn
) -> None:
    """Issue 15 finding 2: a PATCH that reads facts still pending reads them for the
    caller making the change, and answers that caller at the lookup level."""
    await care_status.stop()
    recorded = await _record(service, body, police_force="police-metropolitan")
    await care_status.start()
    police = await service.as_client("demo-met-custody")

    patched = await police.patch(
        f"/v1/incidents/{recorded['id']}",
        json={"exploitation_concern": True},
        headers={"If-Match": '"1"'},
    )

    assert patched.status_code == 200, patched.text
    assert care_status.on_behalf_of == ["org=police-metropolitan; client=demo-met-custody"]
    _lookup_level_only(patched.json())


async def test_an_unknown_person_ref_is_refused_and_nothing_is_written(
    service: InProcessService, body: Body, events: Events
) -> None:
    """Issue 15 finding 2: "a random person_ref is accepted too". When care-status-api
    answers 404 the record is a 422 naming body.person_ref, with no incident and no
    event written."""
    home = await service.as_client("demo-home-provider")

    refused = await home.post("/v1/incidents", json=body(person_ref="p_random0000000000000001"))
    listed = await home.get("/v1/incidents")

    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    assert [issue["field"] for issue in refused.json()["errors"]] == ["body.person_ref"]
    assert listed.json()["items"] == []
    assert await events() == []


async def test_an_unknown_person_ref_while_care_status_is_down_waits_then_shows_unknown(
    service: InProcessService,
    body: Body,
    care_status: CareStatusStandIn,
    relay: OutboxRelay,
    events: Events,
) -> None:
    """Issue 15 finding 2, the documented exception: with care-status-api unreachable the
    record is accepted (facts pending); when care-status-api later answers 404 the
    incident shows `person_unknown` and its event is never sent without facts."""
    await care_status.stop()
    recorded = await _record(service, body, person_ref="p_random0000000000000001")
    await care_status.start()

    await relay.relay_once()

    home = await service.as_client("demo-home-provider")
    read: httpx.Response = await home.get(f"/v1/incidents/{recorded['id']}")
    assert read.json()["facts_status"] == "person_unknown"
    assert read.json()["status_summary"] is None
    [waiting] = await events()
    assert waiting.status == "pending"
