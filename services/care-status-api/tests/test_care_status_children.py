"""The child record: create, read, change, list; tenancy, ETags and bad input."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from care_status.children.models import Child
from care_status.testing import VALID_NHS_NUMBER, add_legal_status, add_placement, create_child
from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def derbyshire(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-derbyshire")


async def _children(service: InProcessService) -> int:
    async with service.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(Child)) or 0)


class TestCreateChild:
    async def test_created_record_belongs_to_the_callers_authority(
        self, camden: httpx.AsyncClient
    ) -> None:
        response = await camden.post(
            "/v1/children",
            json={
                "given_name": "Alex",
                "family_name": "Taylor",
                "date_of_birth": "2010-05-14",
                "nhs_number": "943 476 5919",
                "pnc_id": "01/12345H",
                "sex": "female",
                "ethnicity": "white_and_black_caribbean",
                "uasc": False,
            },
        )

        assert response.status_code == 201
        body = response.json()
        assert body["responsible_authority"] == {"code": "E09000007", "name": "Camden"}
        assert (body["nhs_number"], body["pnc_id"]) == ("9434765919", "2001/0012345H")
        assert response.headers["ETag"] == '"1"'
        assert response.headers["Location"] == f"/v1/children/{body['id']}"

    async def test_person_ref_is_an_opaque_random_token(self, camden: httpx.AsyncClient) -> None:
        first = await create_child(camden)
        second = await create_child(camden, given_name="Sam")

        assert first["person_ref"] != second["person_ref"]
        assert first["person_ref"].startswith("p_")
        assert len(first["person_ref"]) == 24

    async def test_retry_with_the_same_idempotency_key_creates_nothing_new(
        self, service: InProcessService, camden: httpx.AsyncClient
    ) -> None:
        body = {"given_name": "Alex", "family_name": "Taylor", "date_of_birth": "2010-05-14"}
        headers = {"Idempotency-Key": "create-alex-1"}

        first = await camden.post("/v1/children", json=body, headers=headers)
        retry = await camden.post("/v1/children", json=body, headers=headers)

        assert retry.status_code == 201
        assert retry.json()["id"] == first.json()["id"]
        assert await _children(service) == 1

    async def test_police_client_cannot_write(self, service: InProcessService) -> None:
        police = await service.as_client("demo-met-custody")

        response = await police.post(
            "/v1/children",
            json={"given_name": "Alex", "family_name": "Taylor", "date_of_birth": "2010-05-14"},
        )

        assert response.status_code == 403
        assert await _children(service) == 0

    async def test_duplicate_nhs_number_in_one_authority_is_a_conflict(
        self, camden: httpx.AsyncClient
    ) -> None:
        await create_child(camden, nhs_number=VALID_NHS_NUMBER)

        response = await camden.post(
            "/v1/children",
            json={
                "given_name": "Sam",
                "family_name": "Taylor",
                "date_of_birth": "2010-05-14",
                "nhs_number": VALID_NHS_NUMBER,
            },
        )

        assert response.status_code == 409


BASE = {"given_name": "Alex", "family_name": "Taylor", "date_of_birth": "2010-05-14"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"nhs_number": "9434765918"}, "body.nhs_number"),
        ({"nhs_number": "94347659"}, "body.nhs_number"),
        ({"pnc_id": "2001/0012345A"}, "body.pnc_id"),
        ({"pnc_id": "ABC"}, "body.pnc_id"),
        ({"date_of_birth": "2010-02-30"}, "body.date_of_birth"),
        ({"date_of_birth": "2026-11-28"}, "body.date_of_birth"),
        ({"date_of_birth": "2001-11-27"}, "body.date_of_birth"),
        ({"given_name": "   "}, "body.given_name"),
        ({"given_name": "'-'"}, "body.given_name"),
        ({"family_name": "x" * 101}, "body.family_name"),
        ({"ethnicity": "unknown_group"}, "body.ethnicity"),
        ({"colour": "blue"}, "body.colour"),
    ],
)
async def test_bad_child_is_refused_naming_the_field_and_nothing_is_written(
    service: InProcessService, camden: httpx.AsyncClient, change: dict[str, Any], field: str
) -> None:
    response = await camden.post("/v1/children", json={**BASE, **change})

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert [error["field"] for error in response.json()["errors"]] == [field]
    assert await _children(service) == 0


async def test_person_aged_24_can_be_recorded(camden: httpx.AsyncClient) -> None:
    response = await camden.post("/v1/children", json={**BASE, "date_of_birth": "2001-11-28"})

    assert response.status_code == 201


class TestReadChild:
    async def test_responsible_authority_reads_the_full_record_with_its_etag(
        self, camden: httpx.AsyncClient
    ) -> None:
        child = await create_child(camden)
        await add_legal_status(camden, child["id"], start_date="2025-01-01")

        response = await camden.get(f"/v1/children/{child['id']}")

        assert response.status_code == 200
        body = response.json()
        assert body["view"] == "full"
        assert body["status"]["status"] == "looked_after"
        assert body["legal_statuses"][0]["basis"] == "care_order_s31"
        assert response.headers["ETag"] == '"1"'

    async def test_another_authoritys_child_is_not_found(
        self, camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient
    ) -> None:
        child = await create_child(camden)

        response = await derbyshire.get(f"/v1/children/{child['id']}")

        assert response.status_code == 404

    async def test_area_authority_reads_placement_facts_only(
        self, camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient
    ) -> None:
        child = await create_child(camden)
        await add_legal_status(camden, child["id"], start_date="2025-01-01")
        await add_placement(camden, child["id"], area_authority="E09000007", end_date="2025-01-01")
        await add_placement(
            camden, child["id"], area_authority="E10000007", start_date="2025-01-01"
        )

        response = await derbyshire.get(f"/v1/children/{child['id']}")

        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"view", "id", "person_ref", "responsible_authority", "placements"}
        assert body["view"] == "placement"
        assert [p["area_authority"] for p in body["placements"]] == ["E10000007"]

    async def test_area_authority_of_an_ended_placement_no_longer_reads(
        self, camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient
    ) -> None:
        child = await create_child(camden)
        await add_placement(
            camden,
            child["id"],
            area_authority="E10000007",
            start_date="2025-01-01",
            end_date="2026-11-27",
        )

        response = await derbyshire.get(f"/v1/children/{child['id']}")

        assert response.status_code == 404

    async def test_every_read_is_audited(
        self, service: InProcessService, camden: httpx.AsyncClient
    ) -> None:
        child = await create_child(camden)

        await camden.get(f"/v1/children/{child['id']}")

        async with service.session_factory() as session:
            entry = await session.scalar(
                select(AuditEntry).where(AuditEntry.action == "child.read")
            )
        assert entry is not None
        assert (entry.subject_id, entry.org) == (child["id"], "E09000007")

    async def test_police_cannot_read_records(self, service: InProcessService) -> None:
        camden = await service.as_client("demo-camden")
        child = await create_child(camden)
        police = await service.as_client("demo-met-custody")

        response = await police.get(f"/v1/children/{child['id']}")

        assert response.status_code == 403


class TestUpdateChild:
    async def test_change_with_the_current_etag_bumps_the_version(
        self, camden: httpx.AsyncClient
    ) -> None:
        child = await create_child(camden)

        response = await camden.patch(
            f"/v1/children/{child['id']}",
            json={"family_name": "Taylor-Brown", "youth_justice_order": True},
            headers={"If-Match": '"1"'},
        )

        assert response.status_code == 200
        assert response.json()["family_name"] == "Taylor-Brown"
        assert response.json()["status"]["youth_justice_order"] is True
        assert response.headers["ETag"] == '"2"'

    async def test_change_with_a_stale_etag_is_refused(self, camden: httpx.AsyncClient) -> None:
        child = await create_child(camden)
        url = f"/v1/children/{child['id']}"
        await camden.patch(url, json={"local_reference": "A1"}, headers={"If-Match": '"1"'})

        response = await camden.patch(
            url, json={"local_reference": "B2"}, headers={"If-Match": '"1"'}
        )

        assert response.status_code == 412
        assert (await camden.get(url)).json()["local_reference"] == "A1"

    async def test_change_without_if_match_is_refused(self, camden: httpx.AsyncClient) -> None:
        child = await create_child(camden)

        response = await camden.patch(f"/v1/children/{child['id']}", json={"uasc": True})

        assert response.status_code == 428

    async def test_names_cannot_be_removed(self, camden: httpx.AsyncClient) -> None:
        child = await create_child(camden)

        response = await camden.patch(
            f"/v1/children/{child['id']}", json={"given_name": None}, headers={"If-Match": '"1"'}
        )

        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.given_name"

    async def test_another_authority_cannot_change_the_record(
        self, camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient
    ) -> None:
        child = await create_child(camden)

        response = await derbyshire.patch(
            f"/v1/children/{child['id']}", json={"uasc": True}, headers={"If-Match": '"1"'}
        )

        assert response.status_code == 404

    async def test_renamed_child_is_found_by_the_new_name(
        self, service: InProcessService, camden: httpx.AsyncClient
    ) -> None:
        child = await create_child(camden)
        await add_legal_status(camden, child["id"], start_date="2025-01-01")
        await camden.patch(
            f"/v1/children/{child['id']}",
            json={"family_name": "O'Neill"},
            headers={"If-Match": '"1"'},
        )
        police = await service.as_client("demo-met-custody")

        response = await police.post(
            "/v1/lookups",
            json={
                "given_name": "alex",
                "family_name": "ONEILL",
                "date_of_birth": "2010-05-14",
                "purpose": "custody",
            },
        )

        assert response.json()["person_ref"] == child["person_ref"]


class TestListChildren:
    async def test_lists_only_the_callers_children_in_pages(
        self, camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient
    ) -> None:
        for name in ("Ann", "Ben", "Cat"):
            await create_child(camden, given_name=name)
        await create_child(derbyshire, given_name="Dan")

        first = (await camden.get("/v1/children", params={"limit": 2})).json()
        second = (
            await camden.get("/v1/children", params={"limit": 2, "cursor": first["next_cursor"]})
        ).json()

        names = [c["given_name"] for c in first["items"] + second["items"]]
        assert names == ["Ann", "Ben", "Cat"]
        assert second["next_cursor"] is None
