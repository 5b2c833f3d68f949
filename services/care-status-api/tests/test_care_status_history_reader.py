"""The one care-record reader (`care_record.repository`): a child and its whole history in
one statement, decoded into the record and the rules' `CareHistory`. The same statement
runs on a session (the writes, status facts, the full record) and on a lookup's
connection (asyncpg itself on PostgreSQL), on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, date

import httpx
import pytest

from care_status.care_record.record import CareRecord
from care_status.care_record.repository import read_matching_records, read_owned_record
from care_status.children.models import Child
from care_status.driver import lookup_connection
from care_status.lookups.matching import name_key
from care_status.status import CareHistory, LegalStatusPeriod, PlacementPeriod, RecordedConsent
from care_status.testing import add_legal_status, add_placement, create_child
from platform_shared.contracts.vocabularies import CareLeaverCategory, LegalBasis, PlacementType
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


async def _on_a_lookup_connection(
    service: InProcessService, probe: str, values: dict[str, object]
) -> list[CareRecord]:
    async with lookup_connection(service.engine) as connection:
        return await read_matching_records(connection, probe, values)


async def test_matching_records_reads_each_candidates_history(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    """Three children with the same keys: all are read (a probe reads up to four, enough
    to tell several authorities' records of one person, docs/decisions.md D24), each with
    the whole history the rules read, and only its own."""
    twins = [
        await create_child(camden, date_of_birth="2012-08-09", different_person=True)
        for _ in range(2)
    ]
    await add_legal_status(camden, twins[0]["id"], start_date="2020-01-10")
    await add_placement(camden, twins[1]["id"], start_date="2021-06-01", end_date="2022-06-01")
    await add_placement(camden, twins[1]["id"], start_date="2022-06-01")
    third = await create_child(camden, date_of_birth="2012-08-09", different_person=True)
    await add_legal_status(camden, third["id"], start_date="2020-01-10")

    keys = {
        "family_name_key": name_key("Taylor"),
        "given_name_key": name_key("Alex"),
        "date_of_birth": date(2012, 8, 9),
    }
    people = await _on_a_lookup_connection(service, "name_and_date_of_birth", keys)
    assert len(people) == 3
    async with service.session_factory() as session:
        for person in people:
            owned = await read_owned_record(session, person.child.id, "E09000007")
            assert owned is not None
            assert (owned.child, owned.history) == (person.child, person.history)
    by_id = {str(person.child.id): person for person in people}
    for child in (*twins, third):
        person = by_id[child["id"]]
        statuses = [s.start for s in person.history.legal_statuses]
        placements = [p.start for p in person.history.placements]
        if child is twins[1]:
            assert (statuses, placements) == ([], [date(2021, 6, 1), date(2022, 6, 1)])
        else:
            assert (statuses, placements) == ([date(2020, 1, 10)], [])


async def test_the_reader_decodes_the_whole_history(
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
    # Recorded out of date order: read in date order.
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
    await add_placement(camden, child_id, start_date="2019-05-01", end_date="2021-06-01")
    base = f"/v1/children/{child_id}"
    for path, body in (
        ("/leaving-care", {"left_care_on": "2025-03-02", "category": "former_relevant"}),
        ("/personal-adviser", {"name": "Jo Bloggs", "appointed_on": "2025-03-02"}),
        (
            "/consents/notify_personal_adviser",
            {"given": True, "recorded_on": "2025-04-01", "recorded_by": "PA"},
        ),
    ):
        response = await camden.put(base + path, json=body)
        assert response.status_code == 200, response.text

    async with service.session_factory() as session:
        record = await read_owned_record(session, uuid.UUID(child_id), "E09000007")
        orm = await session.get(Child, uuid.UUID(child_id))
    assert record is not None and orm is not None
    # The lookups' reader: the probe and the history of what it found, in one statement.
    matched = await _on_a_lookup_connection(service, "person_ref", {"value": orm.person_ref})

    assert [(m.child, m.history) for m in matched] == [(record.child, record.history)]
    assert (record.child.id, record.child.person_ref, record.child.version) == (
        orm.id,
        orm.person_ref,
        orm.version,
    )
    assert record.child.created_at == orm.created_at
    assert record.history == CareHistory(
        date_of_birth=date(2007, 3, 2),
        responsible_authority="E09000007",
        legal_statuses=(
            LegalStatusPeriod(
                LegalBasis.INTERIM_CARE_ORDER_S38, date(2019, 5, 1), date(2020, 1, 10)
            ),
            LegalStatusPeriod(LegalBasis.CARE_ORDER_S31, date(2020, 1, 10), date(2025, 3, 2)),
        ),
        placements=(
            PlacementPeriod("E09000007", PlacementType.FOSTER, date(2019, 5, 1), date(2021, 6, 1)),
            PlacementPeriod(
                "E10000007",
                PlacementType.CHILDRENS_HOME,
                date(2021, 6, 1),
                date(2025, 3, 2),
                provider="provider-demo-home",
            ),
        ),
        left_care_on=date(2025, 3, 2),
        category_override=CareLeaverCategory.FORMER_RELEVANT,
        youth_justice_order=False,
        personal_adviser_consent=RecordedConsent(given=True, recorded_on=date(2025, 4, 1)),
    )
    home = record.placements[1]
    assert (home.emergency, home.provider, home.version) == (True, "provider-demo-home", 1)
    assert home.created_at.tzinfo is UTC
    assert record.personal_adviser is not None
    assert record.personal_adviser.name == "Jo Bloggs"
    assert [(c.purpose, c.given) for c in record.consents] == [("notify_personal_adviser", True)]
    # Another authority's child is not read as one's own.
    async with service.session_factory() as session:
        assert await read_owned_record(session, uuid.UUID(child_id), "E10000007") is None
