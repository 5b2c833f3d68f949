"""The protocol's decision record is kept as recorded and shown with the incident."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]

CHILD_ACCOUNT = "  I didn't mean to break it.\nI was upset after the phone call with Mum — sorry.  "
VICTIM_WISHES = "Doesn't want the police involved; would like an apology.\n"


async def test_child_account_and_victim_wishes_are_returned_verbatim(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await home.post(
        "/v1/incidents", json=body(child_account=CHILD_ACCOUNT, victim_wishes=VICTIM_WISHES)
    )

    camden = await service.as_client("demo-camden")
    read = (await camden.get(f"/v1/incidents/{created.json()['id']}")).json()

    assert read["child_account"] == CHILD_ACCOUNT
    assert read["victim_wishes"] == VICTIM_WISHES


async def test_incident_without_an_account_still_shows_the_field(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    created = (await home.post("/v1/incidents", json=body())).json()

    assert created["child_account"] is None
    assert created["victim_wishes"] is None


async def test_reasonable_parent_test_is_shown_with_its_question(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    created = await home.post(
        "/v1/incidents",
        json=body(
            response_category="internal_resolution",
            reasonable_parent_test={"answer": False, "reason": "A broken mug at home."},
        ),
    )

    assert created.json()["response_category"] == "internal_resolution"
    assert created.json()["reasonable_parent_test"] == {
        "question": "Would a reasonable parent have called the police?",
        "answer": False,
        "reason": "A broken mug at home.",
    }


async def test_cooling_off_runs_24_hours_across_the_clock_change(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    created = await home.post(
        "/v1/incidents",
        json=body(
            occurred_at="2026-03-28T20:00:00+00:00",
            response_category="police_advice",
            cooling_off_applies=True,
        ),
    )

    assert created.json()["cooling_off"] == {
        "applies": True,
        "until": "2026-03-29T20:00:00Z",
    }


async def test_no_cooling_off_shows_no_end(service: InProcessService, body: Body) -> None:
    home = await service.as_client("demo-home-provider")

    created = await home.post("/v1/incidents", json=body())

    assert created.json()["cooling_off"] == {"applies": False, "until": None}


async def test_restorative_approach_and_exploitation_concern_are_recorded(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    created = await home.post(
        "/v1/incidents",
        json=body(
            restorative_approach="direct_reparation",
            restorative_outcome="in_progress",
            restorative_notes="Agreed to repaint the door with staff on Saturday.",
            exploitation_concern=True,
            nrm_referral_ref="NRM-2026-004512",
            sex="female",
            ethnicity="white_and_black_caribbean",
        ),
    )

    incident = created.json()
    assert incident["restorative_approach"] == "direct_reparation"
    assert incident["restorative_outcome"] == "in_progress"
    assert incident["restorative_notes"] == "Agreed to repaint the door with staff on Saturday."
    assert incident["exploitation_concern"] is True
    assert incident["nrm_referral_ref"] == "NRM-2026-004512"
    assert incident["sex"] == "female"
    assert incident["ethnicity"] == "white_and_black_caribbean"


async def test_custody_detention_records_suite_and_times(
    service: InProcessService, body: Body
) -> None:
    police = await service.as_client("demo-met-custody")

    created = await police.post(
        "/v1/incidents",
        json=body(
            kind="custody_detention",
            setting="custody",
            custody_suite="Holborn",
            detained_at="2026-06-10T14:20:00+01:00",
            released_at="2026-06-10T19:05:00+01:00",
            police_reference="CUST-01-2026-7781",
        ),
    )

    incident = created.json()
    assert incident["custody_suite"] == "Holborn"
    assert incident["detained_at"] == "2026-06-10T13:20:00Z"
    assert incident["released_at"] == "2026-06-10T18:05:00Z"
    assert incident["police_force"] == "police-metropolitan"
    assert incident["police_involved"] is True


async def test_police_response_category_makes_the_police_involved_after_cooling_off(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    created = await home.post(
        "/v1/incidents",
        json=body(
            occurred_at="2026-06-10T21:00:00+01:00",
            response_category="police_advice",
            cooling_off_applies=True,
        ),
    )

    assert created.json()["police_involved"] is True
    assert created.json()["police_involved_at"] == "2026-06-11T20:00:00Z"
