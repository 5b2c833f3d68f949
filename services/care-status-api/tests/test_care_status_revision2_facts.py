"""rules.md Revision 2, the facts care-status-api adds: the legal basis of the day before,
the placement's provider, short breaks, UASC; and `placement.ended` read as of the
placement's last day (both databases; the clock is 2026-11-27 12:00 UTC)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from care_status.placements.models import Placement
from care_status.testing import add_legal_status, add_placement, create_child
from platform_shared.outbox import OutboxEvent
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def platform(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("platform-services")


async def _facts(platform: httpx.AsyncClient, person_ref: str, as_of: str) -> dict[str, Any]:
    response = await platform.get(f"/v1/status-facts/{person_ref}", params={"as_of": as_of})
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _events(service: InProcessService, type: str) -> list[OutboxEvent]:
    async with service.session_factory() as session:
        rows = await session.scalars(
            select(OutboxEvent).where(OutboxEvent.type == type).order_by(OutboxEvent.created_at)
        )
        return list(rows)


async def test_detention_that_ends_section_20_keeps_it_as_the_legal_basis_of_the_day_before(
    camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """rules.md Revision 2, `detained-section-20-visit` (national protocol 8.5): accommodated
    under section 20 immediately before the detention, since the detention itself may end
    the s.20 episode: the status open on the day before the effective date."""
    child = await create_child(camden, date_of_birth="2010-02-14")
    await add_legal_status(
        camden, child["id"], basis="section_20", start_date="2026-01-05", end_date="2026-11-20"
    )
    await add_legal_status(camden, child["id"], basis="remand_laspo_s104", start_date="2026-11-20")

    on_detention = await _facts(platform, child["person_ref"], "2026-11-20")
    next_day = await _facts(platform, child["person_ref"], "2026-11-21")
    first_day = await _facts(platform, child["person_ref"], "2026-01-05")

    assert on_detention["legal_basis"] != "section_20"
    assert on_detention["legal_basis_day_before"] == "section_20"
    assert next_day["legal_basis_day_before"] == on_detention["legal_basis"]
    # A status that starts on the effective date was not open the day before.
    assert (first_day["legal_basis"], first_day["legal_basis_day_before"]) == (
        "section_20",
        None,
    )


async def test_facts_name_the_open_placements_provider_and_the_childs_uasc_flag(
    camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """rules.md Revision 2: `police-contact-looked-after` adds the carer (the provider of
    the current placement); the UASC breakdown of the London protocol's monitoring."""
    child = await create_child(camden, date_of_birth="2010-02-14", uasc=True)
    await add_legal_status(camden, child["id"], start_date="2026-01-05")
    await add_placement(
        camden,
        child["id"],
        placement_type="childrens_home",
        start_date="2026-01-05",
        provider="provider-demo-home",
    )

    facts = await _facts(platform, child["person_ref"], "2026-06-01")
    changed = await camden.patch(
        f"/v1/children/{child['id']}", json={"uasc": False}, headers={"If-Match": '"1"'}
    )
    after = await _facts(platform, child["person_ref"], "2026-06-01")
    before_placement = await _facts(platform, child["person_ref"], "2026-01-04")

    assert (facts["placement_provider"], facts["uasc"]) == ("provider-demo-home", True)
    assert changed.status_code == 200, changed.text
    assert changed.json()["uasc"] is False
    assert after["uasc"] is False
    assert before_placement["placement_provider"] is None


async def test_short_break_placement_is_stored_returned_and_carried_by_its_event(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    """Care Planning regs 2010 reg 48(3)(b): reg 13 (notify the area authority of an
    out-of-area placement) does not apply to a short break; the event carries the fact so
    that the rule can exclude it (rules.md Revision 2, `placement-out-of-area`)."""
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(
        camden, child["id"], basis="section_20", short_break=True, start_date="2026-11-20"
    )

    placement = await add_placement(
        camden,
        child["id"],
        area_authority="E10000007",
        start_date="2026-11-20",
        short_break=True,
    )
    read = await camden.get(f"/v1/children/{child['id']}/placements/{placement['id']}")

    assert placement["short_break"] is True
    assert read.json()["short_break"] is True
    (event,) = await _events(service, "placement.started")
    assert (event.data["short_break"], event.data["placed_out_of_area"]) == (True, True)


async def test_placement_is_not_a_short_break_by_default(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], basis="section_20", start_date="2026-11-20")

    placement = await add_placement(camden, child["id"], start_date="2026-11-20")

    assert placement["short_break"] is False
    (event,) = await _events(service, "placement.started")
    assert event.data["short_break"] is False


async def test_short_break_under_a_care_order_is_refused_naming_the_field_and_writes_nothing(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    """Short breaks are provided under section 20 (s.20(4); SSDA903 V3/V4, "series of
    short-term breaks"): not under a care order."""
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], basis="care_order_s31", start_date="2026-01-05")

    response = await camden.post(
        f"/v1/children/{child['id']}/placements",
        json={
            "placement_type": "foster",
            "area_authority": "E09000007",
            "start_date": "2026-11-20",
            "short_break": True,
        },
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.short_break"]
    async with service.session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(Placement)) == 0
    assert await _events(service, "placement.started") == []


async def test_short_break_with_no_legal_status_recorded_yet_is_accepted(
    camden: httpx.AsyncClient,
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")

    placement = await add_placement(camden, child["id"], start_date="2026-11-20", short_break=True)

    assert placement["short_break"] is True


@pytest.mark.parametrize("value", ["yes", 1, None])
async def test_short_break_must_be_a_boolean(camden: httpx.AsyncClient, value: object) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")

    response = await camden.post(
        f"/v1/children/{child['id']}/placements",
        json={
            "placement_type": "foster",
            "area_authority": "E09000007",
            "start_date": "2026-11-20",
            "short_break": value,
        },
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.short_break"]


async def test_placement_ended_facts_describe_the_placement_that_ended(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    """Care Planning regs 2010 reg 14 (rules.md Revision 2, `placement-ended-out-of-area`):
    the area authority of an out-of-area placement is told when it ends. The facts are read
    as of the placement's last day (the day before its end date), so they describe the
    placement in Derbyshire, not the home placement the child moved to; recorded after the
    end, it was not recorded in advance."""
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], start_date="2026-01-05")
    await add_placement(
        camden,
        child["id"],
        placement_type="foster",
        area_authority="E09000007",
        start_date="2026-11-20",
    )

    await add_placement(
        camden,
        child["id"],
        placement_type="childrens_home",
        area_authority="E10000007",
        provider="provider-demo-home",
        start_date="2026-06-01",
        end_date="2026-11-20",
    )

    (ended,) = await _events(service, "placement.ended")
    assert ended.data["effective_date"] == "2026-11-19"
    assert ended.data["end_date"] == "2026-11-20"
    assert ended.data["recorded_in_advance"] is False
    assert ended.data["area_authority"] == "E10000007"
    assert ended.data["placed_out_of_area"] is True
    assert ended.data["placement_type"] == "childrens_home"
    assert ended.data["placement_provider"] == "provider-demo-home"
    assert ended.data["short_break"] is False


async def test_an_end_recorded_before_the_end_date_is_recorded_in_advance(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    """reg 14: notice is due before the end when it is known in advance; the clock is
    2026-11-27 (Europe/London), the placement ends on 10 December 2026."""
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], start_date="2026-01-05")
    placement = await add_placement(
        camden, child["id"], area_authority="E10000007", start_date="2026-06-01"
    )

    response = await camden.patch(
        f"/v1/children/{child['id']}/placements/{placement['id']}",
        json={"end_date": "2026-12-10"},
        headers={"If-Match": '"1"'},
    )

    assert response.status_code == 200, response.text
    (ended,) = await _events(service, "placement.ended")
    assert ended.data["recorded_in_advance"] is True
    assert ended.data["effective_date"] == "2026-12-09"
    assert ended.data["area_authority"] == "E10000007"


async def test_an_end_recorded_on_the_end_date_is_not_in_advance(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    placement = await add_placement(camden, child["id"], start_date="2026-06-01")

    await camden.patch(
        f"/v1/children/{child['id']}/placements/{placement['id']}",
        json={"end_date": "2026-11-27"},
        headers={"If-Match": '"1"'},
    )

    (ended,) = await _events(service, "placement.ended")
    assert ended.data["recorded_in_advance"] is False


async def test_a_placement_that_ended_on_its_first_day_is_described_as_of_that_day(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    """contracts PlacementEnded: the last day is the end date itself for a placement that
    started on it."""
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], start_date="2026-01-05")

    await add_placement(
        camden,
        child["id"],
        placement_type="childrens_home",
        area_authority="E10000007",
        emergency=True,
        start_date="2026-11-02",
        end_date="2026-11-02",
    )

    (ended,) = await _events(service, "placement.ended")
    assert ended.data["effective_date"] == "2026-11-02"
    assert ended.data["area_authority"] == "E10000007"
    assert ended.data["placement_type"] == "childrens_home"
