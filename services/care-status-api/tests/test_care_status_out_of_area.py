"""Out of area: the open placement's area authority differs from the responsible authority."""

from __future__ import annotations

import httpx
import pytest

from care_status.testing import add_legal_status, add_placement, create_child, status_on
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def police(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-met-custody")


async def test_child_placed_in_another_authority_is_placed_out_of_area(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], start_date="2026-01-05")
    await add_placement(camden, child["id"], area_authority="E10000007", start_date="2026-01-05")

    answer = await status_on(police, child["person_ref"], "2026-11-27")

    assert answer["placed_out_of_area"] is True
    assert answer["area_authority"] == {"code": "E10000007", "name": "Derbyshire"}
    assert answer["responsible_authority"]["code"] == "E09000007"


async def test_child_placed_in_its_own_authority_is_not_out_of_area(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], start_date="2026-01-05")
    await add_placement(camden, child["id"], area_authority="E09000007", start_date="2026-01-05")

    answer = await status_on(police, child["person_ref"], "2026-11-27")

    assert answer["placed_out_of_area"] is False
    assert answer["area_authority"]["code"] == "E09000007"


async def test_ended_out_of_area_placement_no_longer_counts(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], start_date="2026-01-05")
    await add_placement(
        camden,
        child["id"],
        area_authority="E10000007",
        start_date="2026-01-05",
        end_date="2026-11-27",
    )

    day_before = await status_on(police, child["person_ref"], "2026-11-26")
    end_day = await status_on(police, child["person_ref"], "2026-11-27")

    assert day_before["placed_out_of_area"] is True
    assert (end_day["placed_out_of_area"], end_day["area_authority"]) == (False, None)


async def test_care_leaver_without_placements_is_not_out_of_area(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2004-02-02")
    await add_legal_status(camden, child["id"], start_date="2015-09-01")

    answer = await status_on(police, child["person_ref"], "2026-11-27")

    assert answer["result"] == "care_leaver"
    assert (answer["placed_out_of_area"], answer["area_authority"]) == (False, None)


async def test_lookup_names_the_route_to_the_responsible_authority(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], start_date="2026-01-05")

    answer = await status_on(police, child["person_ref"], "2026-11-27")

    assert answer["contact_route"] == "route:E09000007:children-services"
