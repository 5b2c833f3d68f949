"""GET /v1/status-facts/{person_ref}: the facts block for the platform's own services."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from care_status.testing import add_legal_status, add_placement, create_child
from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def platform(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("platform-services")


async def test_platform_reads_the_facts_block_as_of_a_date(
    camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], basis="section_20", start_date="2026-01-05")
    await add_placement(
        camden,
        child["id"],
        placement_type="childrens_home",
        area_authority="E10000007",
        start_date="2026-01-05",
    )

    response = await platform.get(
        f"/v1/status-facts/{child['person_ref']}", params={"as_of": "2026-06-01"}
    )

    assert response.status_code == 200
    assert response.json() == {
        "person_ref": child["person_ref"],
        "effective_date": "2026-06-01",
        "status": "looked_after",
        "care_leaver_category": None,
        "age": 14,
        "age_band": "14_15",
        "under_18": True,
        "under_25": True,
        "responsible_authority": "E09000007",
        "area_authority": "E10000007",
        "placed_out_of_area": True,
        "legal_basis": "section_20",
        "youth_justice_order": False,
        "notify_personal_adviser_consent": "unknown",
        "placement_type": "childrens_home",
        "legal_basis_day_before": "section_20",
        "placement_provider": None,
        "short_break": False,
        "uasc": False,
    }


async def test_facts_default_to_today(
    camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")

    response = await platform.get(f"/v1/status-facts/{child['person_ref']}")

    assert response.json()["effective_date"] == "2026-11-27"
    assert response.json()["status"] == "no_record"


async def test_unknown_person_ref_is_not_found(platform: httpx.AsyncClient) -> None:
    response = await platform.get("/v1/status-facts/p_AAAAAAAAAAAAAAAAAAAAAA")

    assert response.status_code == 404


async def test_police_cannot_read_facts(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden)
    police = await service.as_client("demo-met-custody")

    response = await police.get(f"/v1/status-facts/{child['person_ref']}")

    assert response.status_code == 403


async def test_facts_read_is_audited_for_event_enrichment(
    service: InProcessService, camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    child = await create_child(camden)

    await platform.get(f"/v1/status-facts/{child['person_ref']}")

    async with service.session_factory() as session:
        entry = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "status_facts.read")
        )
    assert entry is not None
    assert (entry.org, entry.purpose) == ("platform", "event_enrichment")
    assert (entry.subject_id, entry.subject_owner) == (child["id"], "E09000007")
