"""The one-statement history readers of lookups and status facts read what the writes read:
the same history for the status rules, on SQLite through SQLAlchemy and on PostgreSQL on
the driver itself."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import and_, bindparam

from care_status.children.models import Child
from care_status.children.repository import (
    FoundPerson,
    load_care_record,
    matching_statement,
    read_history,
    read_matching,
)
from care_status.history import history_of
from care_status.testing import add_legal_status, add_placement, create_child
from platform_shared.db import statement_connection
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


def _who(person: FoundPerson) -> tuple[Any, ...]:
    return (person.id, person.person_ref, person.responsible_authority)


def _who_of(child: Child) -> tuple[Any, ...]:
    return (child.id, child.person_ref, child.responsible_authority)


_BY_PERSON_REF = matching_statement(Child.person_ref == bindparam("person_ref"))


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

    statement = matching_statement(
        and_(
            Child.family_name == bindparam("family_name"),
            Child.date_of_birth == bindparam("date_of_birth"),
        )
    )
    async with statement_connection(service.engine) as connection:
        people = await read_matching(
            connection, statement, {"family_name": "Taylor", "date_of_birth": date(2012, 8, 9)}
        )
    # At most two are read (enough to know the probe is ambiguous), each whole and with
    # only its own history.
    assert len(people) == 2
    async with service.session_factory() as session:
        for person in people:
            row = await session.get(Child, person.id)
            assert row is not None
            assert _who(person) == _who_of(row)
            assert person.history == history_of(await load_care_record(session, row))


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
        loaded = history_of(await load_care_record(session, row))
        read = await read_history(session, row)
    # The lookups' reader: the probe and the histories of what it found, in one statement.
    async with statement_connection(service.engine) as connection:
        matched = await read_matching(connection, _BY_PERSON_REF, {"person_ref": row.person_ref})

    assert read == loaded
    assert [person.history for person in matched] == [loaded]
    assert [_who(person) for person in matched] == [_who_of(row)]
    assert [status.basis.value for status in read.legal_statuses] == [
        "interim_care_order_s38",
        "care_order_s31",
    ]
    assert [placement.area_authority for placement in read.placements][1] == "E10000007"
    assert read.left_care_on == date(2025, 3, 2)
    assert read.personal_adviser_consent is not None
    assert read.personal_adviser_consent.given is True
