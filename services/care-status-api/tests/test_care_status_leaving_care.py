"""Leaving care, the personal adviser and consents."""

from __future__ import annotations

import httpx
import pytest

from care_status.testing import add_legal_status, create_child, lookup
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


async def test_leaving_care_while_a_legal_status_is_open_is_refused(
    camden: httpx.AsyncClient,
) -> None:
    child = await create_child(camden, date_of_birth="2009-06-15")
    await add_legal_status(camden, child["id"], start_date="2023-01-01")

    response = await camden.put(
        f"/v1/children/{child['id']}/leaving-care", json={"left_care_on": "2026-01-10"}
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.left_care_on"


async def test_leaving_care_on_the_day_care_ended_is_recorded_with_its_category(
    camden: httpx.AsyncClient,
) -> None:
    child = await create_child(camden, date_of_birth="2009-06-15")
    await add_legal_status(camden, child["id"], start_date="2023-01-01", end_date="2026-01-10")

    response = await camden.put(
        f"/v1/children/{child['id']}/leaving-care", json={"left_care_on": "2026-01-10"}
    )

    assert response.status_code == 200
    assert response.json()["category"] == "relevant"
    assert response.json()["category_override"] is None


async def test_leaving_care_in_the_future_is_refused(camden: httpx.AsyncClient) -> None:
    child = await create_child(camden, date_of_birth="2009-06-15")

    response = await camden.put(
        f"/v1/children/{child['id']}/leaving-care", json={"left_care_on": "2026-11-28"}
    )

    assert response.status_code == 422


async def test_unknown_category_is_refused(camden: httpx.AsyncClient) -> None:
    child = await create_child(camden, date_of_birth="2009-06-15")

    response = await camden.put(
        f"/v1/children/{child['id']}/leaving-care",
        json={"left_care_on": "2026-01-10", "category": "former"},
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.category"


async def test_personal_adviser_is_reached_through_the_leaving_care_service_by_default(
    camden: httpx.AsyncClient,
) -> None:
    child = await create_child(camden, date_of_birth="2004-02-02")

    response = await camden.put(
        f"/v1/children/{child['id']}/personal-adviser", json={"name": "Jo Bloggs"}
    )

    assert response.status_code == 200
    assert response.json()["contact_route"] == "route:E09000007:leaving-care"
    record = (await camden.get(f"/v1/children/{child['id']}")).json()
    assert record["personal_adviser"]["name"] == "Jo Bloggs"


async def test_refused_consent_is_answered_as_refused(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2004-02-02")
    await add_legal_status(camden, child["id"], start_date="2015-09-01")
    url = f"/v1/children/{child['id']}/consents/notify_personal_adviser"
    await camden.put(url, json={"given": True, "recorded_on": "2026-01-01", "recorded_by": "PA"})
    await camden.put(url, json={"given": False, "recorded_on": "2026-10-01", "recorded_by": "PA"})
    police = await service.as_client("demo-met-custody")

    now = await lookup(police, identifiers={"person_ref": child["person_ref"]})

    assert now["notify_personal_adviser_consent"] == "refused"


async def test_consent_recorded_after_the_date_asked_about_is_unknown(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2004-02-02")
    await add_legal_status(camden, child["id"], start_date="2015-09-01")
    await camden.put(
        f"/v1/children/{child['id']}/consents/notify_personal_adviser",
        json={"given": True, "recorded_on": "2026-10-01", "recorded_by": "PA"},
    )
    police = await service.as_client("demo-met-custody")

    before = await lookup(
        police, identifiers={"person_ref": child["person_ref"]}, as_of="2026-09-30"
    )

    assert before["notify_personal_adviser_consent"] == "unknown"


async def test_unknown_consent_purpose_is_refused(camden: httpx.AsyncClient) -> None:
    child = await create_child(camden, date_of_birth="2004-02-02")

    response = await camden.put(
        f"/v1/children/{child['id']}/consents/marketing",
        json={"given": True, "recorded_on": "2026-10-01", "recorded_by": "PA"},
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "path.purpose"


async def test_another_authority_cannot_record_leaving_care(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2009-06-15")
    derbyshire = await service.as_client("demo-derbyshire")

    response = await derbyshire.put(
        f"/v1/children/{child['id']}/leaving-care", json={"left_care_on": "2026-01-10"}
    )

    assert response.status_code == 404
