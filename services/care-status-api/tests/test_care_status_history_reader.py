"""The one-statement history reader of lookups and status facts reads what the writes read."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import and_, bindparam

from care_status.children.models import Child
from care_status.children.repository import (
    CareRecord,
    load_care_record,
    matching_records_statement,
    read_care_record,
    read_matching_records,
)
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


def _child(child: Child) -> tuple[Any, ...]:
    """What a lookup's record holds of the child (see `read_matching_records`)."""
    names = ("id", "person_ref", "responsible_authority", "date_of_birth", "youth_justice_order")
    return tuple(getattr(child, name) for name in names)


_BY_PERSON_REF = matching_records_statement(Child.person_ref == bindparam("person_ref"))


async def test_matching_records_reads_each_candidate_whole(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    """Two children with the same keys: both are read, each with only its own history."""
    twins = [await create_child(camden, date_of_birth="2012-08-09") for _ in range(2)]
    await add_legal_status(camden, twins[0]["id"], start_date="2020-01-10")
    await add_placement(camden, twins[1]["id"], start_date="2021-06-01", end_date="2022-06-01")
    await add_placement(camden, twins[1]["id"], start_date="2022-06-01")
    third = await create_child(camden, date_of_birth="2012-08-09")
    await add_legal_status(camden, third["id"], start_date="2020-01-10")

    statement = matching_records_statement(
        and_(
            Child.family_name == bindparam("family_name"),
            Child.date_of_birth == bindparam("date_of_birth"),
        )
    )
    async with service.session_factory() as session:
        connection = await session.connection()
        records = await read_matching_records(
            connection,
            statement,
            {"family_name": "Taylor", "date_of_birth": date(2012, 8, 9)},
        )
        # At most two are read (enough to know the probe is ambiguous), each whole and
        # with only its own history.
        assert len(records) == 2
        for record in records:
            row = await session.get(Child, record.child.id)
            assert row is not None
            assert _child(record.child) == _child(row)
            assert _rows(record) == _rows(await read_care_record(session, row))


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
        # The lookups' reader: the probe and the histories of what it found, in one statement.
        connection = await session.connection()
        matched = await read_matching_records(
            connection, _BY_PERSON_REF, {"person_ref": row.person_ref}
        )

    assert read == loaded
    assert [_rows(record) for record in matched] == [loaded]
    assert [_child(record.child) for record in matched] == [_child(row)]
    assert len(read["legal_statuses"]) == 2
    assert len(read["placements"]) == 2
    assert read["leaving_care"] is not None
    assert read["personal_adviser"] is not None
    assert len(read["consents"]) == 1
