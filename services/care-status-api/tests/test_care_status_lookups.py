"""Lookups: the minimum answer, the purposes, and the audit of every lookup."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from care_status.testing import add_legal_status, add_placement, create_child, lookup
from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService

#: docs/api.md, POST /v1/lookups, "Response": nothing else may be answered.
CONTRACT_FIELDS = {
    "result",
    "person_ref",
    "age",
    "under_25",
    "care_leaver_category",
    "responsible_authority",
    "placed_out_of_area",
    "area_authority",
    "notify_personal_adviser_consent",
    "contact_route",
    "match",
    "authorities",
}


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def police(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-met-custody")


async def _placed_child(camden: httpx.AsyncClient) -> dict[str, str]:
    child = await create_child(camden, date_of_birth="2011-06-01", nhs_number="9434765919")
    await add_legal_status(camden, child["id"], basis="section_20", start_date="2026-01-05")
    await add_placement(
        camden,
        child["id"],
        area_authority="E10000007",
        start_date="2026-01-05",
        provider="provider-demo-home",
        placement_type="childrens_home",
    )
    return child


async def test_police_lookup_returns_no_field_beyond_the_contract(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await _placed_child(camden)

    answer = await lookup(police, identifiers={"nhs_number": "9434765919"})

    assert set(answer) == CONTRACT_FIELDS
    assert answer == {
        "result": "looked_after",
        "person_ref": child["person_ref"],
        "age": 15,
        "under_25": True,
        "care_leaver_category": None,
        "responsible_authority": {"code": "E09000007", "name": "Camden"},
        "placed_out_of_area": True,
        "area_authority": {"code": "E10000007", "name": "Derbyshire"},
        "notify_personal_adviser_consent": "unknown",
        "contact_route": "route:E09000007:children-services",
        "match": "one",
        "authorities": [
            {
                "result": "looked_after",
                "person_ref": child["person_ref"],
                "care_leaver_category": None,
                "responsible_authority": {"code": "E09000007", "name": "Camden"},
                "contact_route": "route:E09000007:children-services",
            }
        ],
    }


async def test_yot_can_ask_lookups(camden: httpx.AsyncClient, service: InProcessService) -> None:
    await _placed_child(camden)
    yot = await service.as_client("demo-yot-camden")

    answer = await lookup(yot, identifiers={"nhs_number": "9434765919"}, purpose="youth_justice")

    assert answer["result"] == "looked_after"


async def test_local_authority_without_the_lookup_scope_is_refused(
    camden: httpx.AsyncClient,
) -> None:
    response = await camden.post(
        "/v1/lookups",
        json={"identifiers": {"nhs_number": "9434765919"}, "purpose": "custody"},
    )

    assert response.status_code == 403


async def test_lookup_without_a_token_is_unauthorised(service: InProcessService) -> None:
    anonymous = await service.as_client(None)

    response = await anonymous.post(
        "/v1/lookups", json={"identifiers": {"nhs_number": "9434765919"}, "purpose": "custody"}
    )

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_unknown_purpose_is_refused_naming_the_field(
    service: InProcessService, police: httpx.AsyncClient
) -> None:
    response = await police.post(
        "/v1/lookups",
        json={"identifiers": {"nhs_number": "9434765919"}, "purpose": "curiosity"},
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in response.json()["errors"]] == ["body.purpose"]
    assert await _audit_rows(service) == 0


async def test_invalid_nhs_number_in_a_lookup_is_refused_naming_the_field(
    police: httpx.AsyncClient,
) -> None:
    response = await police.post(
        "/v1/lookups", json={"identifiers": {"nhs_number": "9434765918"}, "purpose": "custody"}
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.identifiers.nhs_number"


async def test_lookup_by_name_needs_the_date_of_birth(
    service: InProcessService, police: httpx.AsyncClient
) -> None:
    response = await police.post(
        "/v1/lookups", json={"given_name": "Alex", "family_name": "Taylor", "purpose": "court"}
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.date_of_birth"
    assert await _audit_rows(service) == 0


async def _audit_rows(service: InProcessService, action: str = "lookup") -> int:
    async with service.session_factory() as session:
        count = await session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
        )
    return int(count or 0)


async def test_every_lookup_writes_an_audit_row(
    service: InProcessService, camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await _placed_child(camden)

    await lookup(
        police,
        identifiers={"nhs_number": "9434765919"},
        purpose="charging_decision",
        requester_reference="CUST-01-2026-000123",
    )

    async with service.session_factory() as session:
        entry = await session.scalar(select(AuditEntry).where(AuditEntry.action == "lookup"))
    assert entry is not None
    assert (entry.org, entry.client_id) == ("police-metropolitan", "demo-met-custody")
    assert (entry.purpose, entry.outcome) == ("charging_decision", "looked_after")
    assert (entry.subject_id, entry.subject_owner) == (child["id"], "E09000007")
    assert entry.details is not None
    assert entry.details["requester_reference"] == "CUST-01-2026-000123"


async def test_lookup_that_matches_nobody_is_audited_too(
    service: InProcessService, police: httpx.AsyncClient
) -> None:
    await lookup(police, given_name="No", family_name="One", date_of_birth="2010-01-01")

    assert await _audit_rows(service) == 1


async def test_responsible_authority_lists_the_lookups_about_its_children(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await _placed_child(camden)
    await lookup(
        police,
        identifiers={"nhs_number": "9434765919"},
        purpose="custody",
        requester_reference="CUST-7",
        as_of="2026-11-20",
    )

    page = (await camden.get("/v1/lookups/audit")).json()

    assert page["next_cursor"] is None
    [item] = page["items"]
    assert item["caller_org"] == "police-metropolitan"
    assert item["client_id"] == "demo-met-custody"
    assert (item["purpose"], item["result"]) == ("custody", "looked_after")
    assert (item["requester_reference"], item["as_of"]) == ("CUST-7", "2026-11-20")
    assert item["child_id"] == child["id"]


async def test_another_authority_does_not_see_lookups_about_camden_children(
    service: InProcessService, camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    await _placed_child(camden)
    await lookup(police, identifiers={"nhs_number": "9434765919"})
    derbyshire = await service.as_client("demo-derbyshire")

    page = (await derbyshire.get("/v1/lookups/audit")).json()

    assert page == {"items": [], "next_cursor": None}


async def test_lookup_audit_pages_with_a_cursor(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    await _placed_child(camden)
    for number in range(5):
        await lookup(
            police, identifiers={"nhs_number": "9434765919"}, requester_reference=f"R{number}"
        )

    first = (await camden.get("/v1/lookups/audit", params={"limit": 2})).json()
    second = (
        await camden.get("/v1/lookups/audit", params={"limit": 2, "cursor": first["next_cursor"]})
    ).json()
    third = (
        await camden.get("/v1/lookups/audit", params={"limit": 2, "cursor": second["next_cursor"]})
    ).json()

    seen = [i["requester_reference"] for page in (first, second, third) for i in page["items"]]
    assert seen == ["R4", "R3", "R2", "R1", "R0"]
    assert third["next_cursor"] is None


async def test_lookup_audit_limit_is_at_most_200(camden: httpx.AsyncClient) -> None:
    response = await camden.get("/v1/lookups/audit", params={"limit": 201})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.limit"


async def test_a_cursor_not_made_by_the_api_is_refused(camden: httpx.AsyncClient) -> None:
    response = await camden.get("/v1/lookups/audit", params={"cursor": "not-a-cursor"})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.cursor"


async def test_consent_to_tell_the_personal_adviser_is_answered(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2004-02-02")
    await add_legal_status(camden, child["id"], start_date="2015-09-01")
    await camden.put(
        f"/v1/children/{child['id']}/consents/notify_personal_adviser",
        json={"given": True, "recorded_on": "2026-10-01", "recorded_by": "PA duty team"},
    )

    answer = await lookup(police, identifiers={"person_ref": child["person_ref"]})

    assert answer["notify_personal_adviser_consent"] == "given"
