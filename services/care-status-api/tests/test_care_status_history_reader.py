"""The one-statement history reader of lookups and status facts reads what the writes read."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from care_status.children.models import Child
from care_status.children.repository import CareRecord, load_care_record, read_care_record
from care_status.testing import add_legal_status, add_placement, create_child
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


def _rows(record: CareRecord) -> dict[str, Any]:
    def fields(row: Any, *names: str) -> tuple[Any, ...]:
        common = ("id", "child_id", "created_at", "updated_at", "version")
        return tuple(getattr(row, name) for name in (*common, *names)) if row else None

    return {
        "legal_statuses": [
            fields(row, "basis", "short_break", "start_date", "end_date")
            for row in record.legal_statuses
        ],
        "placements": [
            fields(
                row,
                "placement_type",
                "area_authority",
                "provider",
                "emergency",
                "start_date",
                "end_date",
            )
            for row in record.placements
        ],
        "leaving_care": fields(record.leaving_care, "left_care_on", "category_override"),
        "personal_adviser": fields(
            record.personal_adviser, "name", "contact_route", "appointed_on"
        ),
        "consents": [
            fields(row, "purpose", "given", "recorded_on", "recorded_by") for row in record.consents
        ],
    }


async def test_read_care_record_matches_load_care_record(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2007-03-02")
    child_id = child["id"]
    await add_legal_status(
        camden,
        child_id,
        basis="interim_care_order_s38",
        start_date="2019-05-01",
        end_date="2020-01-10",
    )
    await add_legal_status(camden, child_id, start_date="2020-01-10", end_date="2025-03-02")
    await add_placement(camden, child_id, start_date="2019-05-01", end_date="2021-06-01")
    await add_placement(
        camden,
        child_id,
        placement_type="childrens_home",
        area_authority="E10000007",
        provider="provider-demo-home",
        emergency=True,
        start_date="2021-06-01",
        end_date="2025-03-02",
    )
    base = f"/v1/children/{child_id}"
    for path, body in (
        ("/leaving-care", {"left_care_on": "2025-03-02"}),
        ("/personal-adviser", {"name": "Jo Bloggs", "appointed_on": "2025-03-02"}),
        (
            "/consents/notify_personal_adviser",
            {"given": True, "recorded_on": "2025-04-01", "recorded_by": "PA"},
        ),
    ):
        response = await camden.put(base + path, json=body)
        assert response.status_code == 200, response.text

    async with service.session_factory() as session:
        row = await session.get(Child, uuid.UUID(child_id))
        assert row is not None
        loaded = _rows(await load_care_record(session, row))
        read = _rows(await read_care_record(session, row))

    assert read == loaded
    assert len(read["legal_statuses"]) == 2
    assert len(read["placements"]) == 2
    assert read["leaving_care"] is not None
    assert read["personal_adviser"] is not None
    assert len(read["consents"]) == 1
