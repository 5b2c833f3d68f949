"""Legal statuses and placements: bad dates, overlaps, unknown authorities; nothing written."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from care_status.legal_statuses.models import LegalStatus
from care_status.placements.models import Placement
from care_status.testing import add_legal_status, add_placement, create_child
from platform_shared.outbox import OutboxEvent
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def child(camden: httpx.AsyncClient) -> dict[str, Any]:
    return await create_child(camden, date_of_birth="2010-05-14")


async def _count(service: InProcessService, model: type[Any]) -> int:
    async with service.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"basis": "care_order_s31", "start_date": "2024-02-30"}, "body.start_date"),
        ({"basis": "care_order_s31", "start_date": "2010-05-13"}, "body.start_date"),
        ({"basis": "care_order_s31", "start_date": "2028-05-14"}, "body.start_date"),
        (
            {"basis": "care_order_s31", "start_date": "2024-03-01", "end_date": "2024-02-29"},
            "body.end_date",
        ),
        (
            {"basis": "care_order_s31", "start_date": "2024-03-01", "end_date": "2028-05-15"},
            "body.end_date",
        ),
        ({"basis": "wardship", "start_date": "2024-03-01"}, "body.basis"),
        (
            {"basis": "care_order_s31", "start_date": "2024-03-01", "short_break": True},
            "body.short_break",
        ),
    ],
)
async def test_bad_legal_status_is_refused_naming_the_field_and_nothing_is_written(
    service: InProcessService,
    camden: httpx.AsyncClient,
    child: dict[str, Any],
    body: dict[str, Any],
    field: str,
) -> None:
    response = await camden.post(f"/v1/children/{child['id']}/legal-statuses", json=body)

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert await _count(service, LegalStatus) == 0
    assert await _count(service, OutboxEvent) == 0


async def test_overlapping_legal_statuses_are_refused(
    service: InProcessService, camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    await add_legal_status(camden, child["id"], start_date="2024-01-01", end_date="2024-06-01")

    response = await camden.post(
        f"/v1/children/{child['id']}/legal-statuses",
        json={"basis": "section_20", "start_date": "2024-05-31"},
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.start_date"
    assert await _count(service, LegalStatus) == 1


async def test_legal_status_may_start_the_day_the_previous_one_ended(
    camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    await add_legal_status(
        camden,
        child["id"],
        basis="interim_care_order_s38",
        start_date="2024-01-01",
        end_date="2024-06-01",
    )

    response = await camden.post(
        f"/v1/children/{child['id']}/legal-statuses",
        json={"basis": "care_order_s31", "start_date": "2024-06-01"},
    )

    assert response.status_code == 201


async def test_open_legal_status_overlaps_any_later_one(
    camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    await add_legal_status(camden, child["id"], start_date="2024-01-01")

    response = await camden.post(
        f"/v1/children/{child['id']}/legal-statuses",
        json={"basis": "section_20", "start_date": "2025-01-01", "end_date": "2025-02-01"},
    )

    assert response.status_code == 422


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"area_authority": "E09999999"}, "body.area_authority"),
        ({"area_authority": "police-metropolitan"}, "body.area_authority"),
        ({"provider": "police-metropolitan"}, "body.provider"),
        ({"placement_type": "hotel"}, "body.placement_type"),
        ({"start_date": "2024-13-01"}, "body.start_date"),
        ({"end_date": "2023-12-31"}, "body.end_date"),
    ],
)
async def test_bad_placement_is_refused_naming_the_field_and_nothing_is_written(
    service: InProcessService,
    camden: httpx.AsyncClient,
    child: dict[str, Any],
    change: dict[str, Any],
    field: str,
) -> None:
    body = {"placement_type": "foster", "area_authority": "E09000007", "start_date": "2024-01-01"}

    response = await camden.post(f"/v1/children/{child['id']}/placements", json={**body, **change})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert await _count(service, Placement) == 0
    assert await _count(service, OutboxEvent) == 0


async def test_overlapping_placements_are_refused(
    service: InProcessService, camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    await add_placement(camden, child["id"], start_date="2024-01-01", end_date="2024-03-01")

    response = await camden.post(
        f"/v1/children/{child['id']}/placements",
        json={
            "placement_type": "kinship",
            "area_authority": "E09000007",
            "start_date": "2024-02-01",
        },
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.start_date"
    assert await _count(service, Placement) == 1


async def test_another_authority_cannot_add_a_placement(
    service: InProcessService, child: dict[str, Any]
) -> None:
    derbyshire = await service.as_client("demo-derbyshire")

    response = await derbyshire.post(
        f"/v1/children/{child['id']}/placements",
        json={
            "placement_type": "foster",
            "area_authority": "E10000007",
            "start_date": "2024-01-01",
        },
    )

    assert response.status_code == 404


async def test_police_cannot_add_a_legal_status(
    service: InProcessService, child: dict[str, Any]
) -> None:
    police = await service.as_client("demo-met-custody")

    response = await police.post(
        f"/v1/children/{child['id']}/legal-statuses",
        json={"basis": "police_protection_s46", "start_date": "2026-11-27"},
    )

    assert response.status_code == 403


async def test_ending_a_legal_status_needs_its_etag(
    camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    status = await add_legal_status(camden, child["id"], start_date="2024-01-01")
    url = f"/v1/children/{child['id']}/legal-statuses/{status['id']}"

    missing = await camden.patch(url, json={"end_date": "2026-11-01"})
    stale = await camden.patch(url, json={"end_date": "2026-11-01"}, headers={"If-Match": '"7"'})
    done = await camden.patch(url, json={"end_date": "2026-11-01"}, headers={"If-Match": '"1"'})

    assert (missing.status_code, stale.status_code, done.status_code) == (428, 412, 200)
    assert done.json()["end_date"] == "2026-11-01"
    assert done.headers["ETag"] == '"2"'


async def test_end_date_that_would_overlap_the_next_placement_is_refused(
    camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    first = await add_placement(camden, child["id"], start_date="2024-01-01", end_date="2024-03-01")
    await add_placement(camden, child["id"], start_date="2024-03-01")

    response = await camden.patch(
        f"/v1/children/{child['id']}/placements/{first['id']}",
        json={"end_date": "2024-04-01"},
        headers={"If-Match": '"1"'},
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.end_date"


async def test_unknown_placement_is_not_found(
    camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    response = await camden.patch(
        f"/v1/children/{child['id']}/placements/5f0c6c36-6a4b-4bb4-9d1f-5a2f8f8f8f8f",
        json={"end_date": "2024-04-01"},
        headers={"If-Match": '"1"'},
    )

    assert response.status_code == 404


async def test_the_location_of_a_new_placement_reads_it_back_with_its_etag(
    service: InProcessService, camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    created = await camden.post(
        f"/v1/children/{child['id']}/placements",
        json={
            "placement_type": "foster",
            "area_authority": "E10000007",
            "start_date": "2024-01-01",
        },
    )

    read = await camden.get(created.headers["Location"])

    assert read.status_code == 200
    assert read.json() == created.json()
    assert read.headers["ETag"] == created.headers["ETag"] == '"1"'


async def test_a_legal_status_read_with_its_current_etag_is_not_modified(
    camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    status = await add_legal_status(camden, child["id"], start_date="2024-01-01")
    url = f"/v1/children/{child['id']}/legal-statuses/{status['id']}"

    unchanged = await camden.get(url, headers={"If-None-Match": '"1"'})
    await camden.patch(url, json={"end_date": "2026-11-01"}, headers={"If-Match": '"1"'})
    changed = await camden.get(url, headers={"If-None-Match": '"1"'})

    assert (unchanged.status_code, unchanged.content) == (304, b"")
    assert changed.status_code == 200
    assert changed.headers["ETag"] == '"2"'
    assert changed.json()["end_date"] == "2026-11-01"


async def test_another_authority_cannot_read_a_placement(
    service: InProcessService, camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    placement = await add_placement(camden, child["id"], start_date="2024-01-01")
    derbyshire = await service.as_client("demo-derbyshire")

    response = await derbyshire.get(f"/v1/children/{child['id']}/placements/{placement['id']}")

    assert response.status_code == 404


async def test_a_retried_placement_says_again_where_it_is(
    camden: httpx.AsyncClient, child: dict[str, Any]
) -> None:
    body = {"placement_type": "foster", "area_authority": "E10000007", "start_date": "2024-01-01"}
    headers = {"Idempotency-Key": "placement-2024-01-01"}
    url = f"/v1/children/{child['id']}/placements"

    first = await camden.post(url, json=body, headers=headers)
    retry = await camden.post(url, json=body, headers=headers)

    assert retry.headers["Idempotent-Replayed"] == "true"
    assert retry.headers["Location"] == first.headers["Location"]
    assert retry.headers["ETag"] == first.headers["ETag"]
