"""rules.md Revision 2, the incident record: what it now holds, what it refuses, and what
every event of it carries (police involvement instant, exploitation concern, measure of
control, related incident)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from platform_shared.outbox import OutboxEvent
from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]
Events = Callable[[], Awaitable[list[OutboxEvent]]]


def _fields(response: httpx.Response) -> list[str]:
    assert response.headers["content-type"] == "application/problem+json"
    return [error["field"] for error in response.json()["errors"]]


async def _created(client: httpx.AsyncClient, body: dict[str, Any]) -> dict[str, Any]:
    created = await client.post("/v1/incidents", json=body)
    assert created.status_code == 201, created.text
    answer: dict[str, Any] = created.json()
    return answer


# --- police involvement instant --------------------------------------------------------


async def test_event_carries_police_involvement_30_hours_after_an_evening_incident(
    service: InProcessService, body: Body, events: Events
) -> None:
    """rules.md Revision 2 `cps-checklist-due` (Derbyshire Appendix B: "send to Police
    within 24 hours"): an incident at 18:00 with the police involved 30 hours later is
    due at involvement + 24 h, and the event gives notify-api that same instant."""
    home = await service.as_client("demo-home-provider")

    incident = await _created(
        home,
        body(
            person_ref="child-derbyshire-1",
            occurred_at="2026-03-26T18:00:00+00:00",
            response_category="police_advice",
            police_involved_at="2026-03-28T00:00:00+00:00",
            police_force="police-derbyshire",
        ),
    )

    [event] = await events()
    assert event.data["police_involved"] is True
    assert event.data["police_involved_at"] == "2026-03-28T00:00:00+00:00"
    checklist = (await home.get(f"/v1/incidents/{incident['id']}/cps-checklist")).json()
    assert checklist["due_at"] == "2026-03-29T00:00:00Z"


async def test_after_a_cooling_off_period_police_involvement_is_its_end(
    service: InProcessService, body: Body, events: Events
) -> None:
    """Derbyshire section 3: "a 24 hour cooling off period should be allowed before
    contacting the police"; the police are involved when it ends."""
    home = await service.as_client("demo-home-provider")

    await _created(
        home,
        body(
            occurred_at="2026-03-26T18:00:00+00:00",
            response_category="police_advice",
            cooling_off_applies=True,
        ),
    )

    [event] = await events()
    assert event.data["police_involved_at"] == "2026-03-27T18:00:00+00:00"


async def test_event_without_police_involvement_has_no_involvement_instant(
    service: InProcessService, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")

    await _created(home, body(response_category="internal_resolution"))

    [event] = await events()
    assert event.data["police_involved"] is False
    assert event.data["police_involved_at"] is None
    assert event.data["exploitation_concern"] is False
    assert event.data["measure_of_control"] is None
    assert event.data["measure_planned_in_ehc_plan"] is False
    assert event.data["related_incident_id"] is None


async def test_police_involved_30_hours_after_the_record_announce_the_new_anchor(
    service: InProcessService, body: Body, events: Events
) -> None:
    """rules.md Revision 2 `cps-checklist-due`: an incident recorded at 18:00 by the home,
    the police involved 30 hours later (a PATCH): notify-api is told the instant, and
    the checklist is due 24 hours after it, not after the incident."""
    home = await service.as_client("demo-home-provider")
    created = await home.post(
        "/v1/incidents",
        json=body(person_ref="child-derbyshire-1", occurred_at="2026-03-26T18:00:00+00:00"),
    )
    url = f"/v1/incidents/{created.json()['id']}"

    involved = await home.patch(
        url,
        json={"police_force": "police-derbyshire", "police_involved_at": "2026-03-28T00:00:00Z"},
        headers={"If-Match": created.headers["etag"]},
    )
    again = await home.patch(
        url,
        json={"police_involved_at": "2026-03-28T00:00:00Z", "police_reference": "CR-7"},
        headers={"If-Match": involved.headers["etag"]},
    )

    assert involved.status_code == again.status_code == 200
    recorded, involvement = await events()
    assert recorded.data["police_involved_at"] is None
    assert involvement.type == "police_involvement.recorded"
    assert involvement.data["police_involved"] is True
    assert involvement.data["police_involved_at"] == "2026-03-28T00:00:00+00:00"
    checklist = (await home.get(f"{url}/cps-checklist")).json()
    assert checklist["due_at"] == "2026-03-29T00:00:00Z"


async def test_police_involvement_before_the_incident_is_refused_naming_it(
    service: InProcessService, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await home.post(
        "/v1/incidents",
        json=body(
            occurred_at="2026-03-26T18:00:00+00:00",
            police_involved_at="2026-03-26T17:59:00+00:00",
        ),
    )

    assert refused.status_code == 422
    assert _fields(refused) == ["body.police_involved_at"]
    assert await events() == []


# --- measure of control (reg 35(3)) ----------------------------------------------------


async def test_restraint_planned_in_the_ehc_plan_travels_in_the_event(
    service: InProcessService, body: Body, events: Events
) -> None:
    """Children's Homes (England) Regulations 2015 reg 35(3): a measure of control,
    discipline or restraint is recorded, except restraint planned in the EHC plan."""
    home = await service.as_client("demo-home-provider")

    incident = await _created(
        home, body(measure_of_control="restraint", measure_planned_in_ehc_plan=True)
    )

    assert incident["measure_of_control"] == "restraint"
    assert incident["measure_planned_in_ehc_plan"] is True
    [event] = await events()
    assert event.data["measure_of_control"] == "restraint"
    assert event.data["measure_planned_in_ehc_plan"] is True


@pytest.mark.parametrize("measure", ["control", "discipline", None])
async def test_only_restraint_can_be_planned_in_the_ehc_plan(
    service: InProcessService, body: Body, events: Events, measure: str | None
) -> None:
    """reg 35(3): the EHC plan exception is for restraint only."""
    home = await service.as_client("demo-home-provider")

    refused = await home.post(
        "/v1/incidents",
        json=body(measure_of_control=measure, measure_planned_in_ehc_plan=True),
    )

    assert refused.status_code == 422
    assert _fields(refused) == ["body.measure_planned_in_ehc_plan"]
    assert await events() == []


async def test_unknown_measure_of_control_is_refused_naming_it(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await home.post("/v1/incidents", json=body(measure_of_control="seclusion"))

    assert refused.status_code == 422
    assert _fields(refused) == ["body.measure_of_control"]


# --- related incident -------------------------------------------------------------------


async def test_charge_following_an_arrest_names_it_in_its_event(
    service: InProcessService, body: Body, events: Events
) -> None:
    police = await service.as_client("demo-met-custody")
    arrest = await _created(police, body(kind="arrest", setting="community"))

    charge = await _created(
        police,
        body(
            kind="charge",
            setting="custody",
            occurred_at="2026-06-10T20:00:00+01:00",
            related_incident_id=arrest["id"],
        ),
    )

    assert charge["related_incident_id"] == arrest["id"]
    _, charged = await events()
    assert charged.type == "charged"
    assert charged.data["related_incident_id"] == arrest["id"]


async def test_related_incident_of_another_person_is_refused_naming_it(
    service: InProcessService, body: Body, events: Events
) -> None:
    police = await service.as_client("demo-derbyshire-police")
    other = await _created(police, body(kind="arrest", person_ref="child-derbyshire-1"))

    refused = await police.post(
        "/v1/incidents", json=body(kind="charge", related_incident_id=other["id"])
    )

    assert refused.status_code == 422
    assert _fields(refused) == ["body.related_incident_id"]
    assert len(await events()) == 1


async def test_related_incident_the_caller_may_not_read_is_refused_naming_it(
    service: InProcessService, body: Body
) -> None:
    """Existence is not disclosed: an incident the caller may not read answers as an
    unknown one would."""
    home = await service.as_client("demo-home-provider")
    theirs = await _created(home, body())
    met = await service.as_client("demo-met-custody")

    refused = await met.post(
        "/v1/incidents", json=body(kind="arrest", related_incident_id=theirs["id"])
    )
    unknown = await met.post(
        "/v1/incidents",
        json=body(kind="arrest", related_incident_id="00000000-0000-4000-8000-000000000000"),
    )

    assert refused.status_code == unknown.status_code == 422
    assert _fields(refused) == _fields(unknown) == ["body.related_incident_id"]
    assert refused.json()["errors"][0]["reason"] == unknown.json()["errors"][0]["reason"]


async def test_related_incident_after_the_record_is_refused_naming_it(
    service: InProcessService, body: Body
) -> None:
    police = await service.as_client("demo-met-custody")
    later = await _created(police, body(kind="arrest", occurred_at="2026-06-10T20:00:00+01:00"))

    refused = await police.post(
        "/v1/incidents",
        json=body(
            kind="arrest", occurred_at="2026-06-10T19:00:00+01:00", related_incident_id=later["id"]
        ),
    )

    assert refused.status_code == 422
    assert _fields(refused) == ["body.related_incident_id"]


# --- London incident levels and Appendix C ----------------------------------------------


async def test_london_level_is_recorded_beside_the_response_category_not_as_it(
    service: InProcessService, body: Body
) -> None:
    """London protocol, "Different levels of incident or crime": level 2 is "either way,
    dependent on circumstances", which no Derbyshire category is; both are kept as given."""
    home = await service.as_client("demo-home-provider")

    incident = await _created(
        home, body(london_incident_level=2, response_category="internal_resolution")
    )
    fetched = (await home.get(f"/v1/incidents/{incident['id']}")).json()

    assert fetched["london_incident_level"] == 2
    assert fetched["response_category"] == "internal_resolution"


@pytest.mark.parametrize("level", [0, 4, "two"])
async def test_london_level_outside_1_to_3_is_refused_naming_it(
    service: InProcessService, body: Body, level: object
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await home.post("/v1/incidents", json=body(london_incident_level=level))

    assert refused.status_code == 422
    assert _fields(refused) == ["body.london_incident_level"]


async def test_child_told_and_their_challenge_are_kept_verbatim(
    service: InProcessService, body: Body
) -> None:
    """London protocol Appendix C: children "told what has been recorded and why, and be
    given a fair chance to challenge anything they believe is unfair or untrue"."""
    home = await service.as_client("demo-home-provider")
    challenge = "  I didn't throw it — I dropped it.  "

    incident = await _created(
        home, body(child_told_at="2026-06-11T09:30:00+01:00", child_challenge=challenge)
    )

    assert incident["child_told_at"] == "2026-06-11T08:30:00Z"
    assert incident["child_challenge"] == challenge


async def test_child_told_and_challenge_are_added_later_by_patch(
    service: InProcessService, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await home.post("/v1/incidents", json=body())
    url = f"/v1/incidents/{created.json()['id']}"
    told = await home.patch(
        url,
        json={"child_told_at": "2026-06-11T09:30:00+01:00"},
        headers={"If-Match": created.headers["etag"]},
    )

    challenged = await home.patch(
        url,
        json={"child_challenge": "That is not what happened."},
        headers={"If-Match": told.headers["etag"]},
    )

    assert challenged.status_code == 200, challenged.text
    assert challenged.json()["child_told_at"] == "2026-06-11T08:30:00Z"
    assert challenged.json()["child_challenge"] == "That is not what happened."
    assert len(await events()) == 1


async def test_challenge_before_the_child_is_told_is_refused_naming_it(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await home.post("/v1/incidents", json=body(child_challenge="Not true."))

    assert refused.status_code == 422
    assert _fields(refused) == ["body.child_challenge"]


async def test_child_told_before_the_incident_is_refused_naming_it(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await home.post(
        "/v1/incidents",
        json=body(
            occurred_at="2026-06-10T14:00:00+01:00", child_told_at="2026-06-10T13:59:00+01:00"
        ),
    )

    assert refused.status_code == 422
    assert _fields(refused) == ["body.child_told_at"]


# --- SEND / disability ------------------------------------------------------------------


async def test_send_or_disability_is_recorded_and_changed_by_patch(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await home.post("/v1/incidents", json=body(send_or_disability="not_known"))

    changed = await home.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"send_or_disability": "yes"},
        headers={"If-Match": created.headers["etag"]},
    )

    assert created.json()["send_or_disability"] == "not_known"
    assert changed.json()["send_or_disability"] == "yes"


async def test_unknown_send_or_disability_is_refused_naming_it(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await home.post("/v1/incidents", json=body(send_or_disability="maybe"))

    assert refused.status_code == 422
    assert _fields(refused) == ["body.send_or_disability"]


# --- court hearings ---------------------------------------------------------------------


async def test_court_hearing_announces_its_hearing_date(
    service: InProcessService, body: Body, events: Events
) -> None:
    """National protocol 8.1, 8.4: the social worker attends court, particularly on the
    day of sentence; notify-api's `court-hearing-social-worker` reads `hearing_date`."""
    camden = await service.as_client("demo-camden")

    incident = await _created(
        camden, body(kind="court_hearing", setting="court", hearing_date="2026-06-24")
    )

    assert incident["hearing_date"] == "2026-06-24"
    assert incident["police_involved"] is False
    [event] = await events()
    assert event.type == "court_hearing.listed"
    assert event.data["hearing_date"] == "2026-06-24"
    assert event.data["kind"] == "court_hearing"


async def test_court_hearing_without_its_date_is_refused_naming_it(
    service: InProcessService, body: Body, events: Events
) -> None:
    police = await service.as_client("demo-met-custody")

    refused = await police.post("/v1/incidents", json=body(kind="court_hearing"))

    assert refused.status_code == 422
    assert _fields(refused) == ["body.hearing_date"]
    assert await events() == []


async def test_hearing_date_on_another_kind_is_refused_naming_it(
    service: InProcessService, body: Body
) -> None:
    police = await service.as_client("demo-met-custody")

    refused = await police.post(
        "/v1/incidents", json=body(kind="charge", hearing_date="2026-06-24")
    )

    assert refused.status_code == 422
    assert _fields(refused) == ["body.hearing_date"]


async def test_hearing_listed_for_another_day_announces_it_again(
    service: InProcessService, body: Body, events: Events
) -> None:
    police = await service.as_client("demo-met-custody")
    created = await police.post(
        "/v1/incidents", json=body(kind="court_hearing", hearing_date="2026-06-24")
    )

    moved = await police.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"hearing_date": "2026-07-01"},
        headers={"If-Match": created.headers["etag"]},
    )

    assert moved.status_code == 200, moved.text
    listed, relisted = await events()
    assert listed.data["hearing_date"] == "2026-06-24"
    assert relisted.type == "court_hearing.listed"
    assert relisted.data["hearing_date"] == "2026-07-01"


# --- exploitation concern ---------------------------------------------------------------


async def test_exploitation_concern_raised_later_announces_it(
    service: InProcessService, body: Body, events: Events
) -> None:
    """London protocol, "Child exploitation": a concern found later is told to the
    responsible authority (`exploitation-concern`), so raising it is an event."""
    home = await service.as_client("demo-home-provider")
    created = await home.post("/v1/incidents", json=body())
    url = f"/v1/incidents/{created.json()['id']}"

    raised = await home.patch(
        url,
        json={"exploitation_concern": True, "nrm_referral_ref": "NRM-2026-0042"},
        headers={"If-Match": created.headers["etag"]},
    )
    again = await home.patch(
        url, json={"exploitation_concern": True}, headers={"If-Match": raised.headers["etag"]}
    )

    assert raised.status_code == again.status_code == 200
    recorded, concern = await events()
    assert recorded.data["exploitation_concern"] is False
    assert concern.type == "exploitation_concern.raised"
    assert concern.data["exploitation_concern"] is True
    assert concern.data["incident_id"] == created.json()["id"]
    assert concern.data["responsible_authority"] == "E09000007"


async def test_incident_created_with_a_concern_carries_it_in_its_own_event(
    service: InProcessService, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")

    await _created(home, body(exploitation_concern=True))

    [event] = await events()
    assert event.type == "incident.recorded"
    assert event.data["exploitation_concern"] is True
