"""Domain events: exactly one per change, in the change's transaction, as docs/events.md says."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import httpx
import pytest
from sqlalchemy import func, select

from care_status.children.schemas import ChildCreate
from care_status.children.service import create_child as create_child_record
from care_status.placements.models import Placement
from care_status.placements.schemas import PlacementCreate
from care_status.placements.service import add_placement as add_placement_record
from care_status.testing import add_legal_status, add_placement, create_child
from platform_shared.auth import Principal
from platform_shared.contracts.events import EVENT_DATA, EventType
from platform_shared.outbox import OutboxEvent
from platform_shared.testing import InProcessService

FACTS_KEYS = {
    "person_ref",
    "effective_date",
    "status",
    "care_leaver_category",
    "age",
    "age_band",
    "under_18",
    "under_25",
    "responsible_authority",
    "area_authority",
    "placed_out_of_area",
    "legal_basis",
    "youth_justice_order",
    "notify_personal_adviser_consent",
    "placement_type",
    "legal_basis_day_before",
    "placement_provider",
    "short_break",
    "uasc",
}
EXTRA_KEYS = {
    "placement.started": {
        "placement_id",
        "start_date",
        "emergency",
        "placement_type",
        "area_authority",
        "provider",
    },
    "placement.ended": {"placement_id", "end_date", "recorded_in_advance"},
    "care.started": {"legal_status_id", "basis", "start_date"},
    "care.ended": {"legal_status_id", "basis", "end_date"},
    "care_leaver.recorded": {"left_care_on", "category"},
}


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


async def _events(service: InProcessService) -> list[OutboxEvent]:
    async with service.session_factory() as session:
        rows = await session.scalars(select(OutboxEvent).order_by(OutboxEvent.created_at))
        return list(rows)


def _check_envelope(event: OutboxEvent, type: str, person_ref: str) -> None:
    assert event.type == type
    assert event.source == "care-status-api"
    assert event.subject == person_ref
    assert set(event.data) == FACTS_KEYS | EXTRA_KEYS[type]
    assert event.data["person_ref"] == person_ref
    # The data is what the platform's contract says this type carries.
    EVENT_DATA[EventType(type)].model_validate(event.data)


async def test_recording_a_legal_status_emits_one_care_started(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")

    status = await add_legal_status(
        camden, child["id"], basis="remand_laspo_s104", start_date="2026-11-20"
    )

    [event] = await _events(service)
    _check_envelope(event, "care.started", child["person_ref"])
    assert event.data["legal_status_id"] == status["id"]
    assert (event.data["basis"], event.data["start_date"]) == ("remand_laspo_s104", "2026-11-20")
    assert (event.data["status"], event.data["legal_basis"]) == ("looked_after", "remand")
    assert event.data["youth_justice_order"] is True
    assert event.data["effective_date"] == "2026-11-27"


async def test_ending_a_legal_status_emits_one_care_ended(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    status = await add_legal_status(camden, child["id"], start_date="2020-01-01")

    await camden.patch(
        f"/v1/children/{child['id']}/legal-statuses/{status['id']}",
        json={"end_date": "2026-11-27"},
        headers={"If-Match": '"1"'},
    )

    events = await _events(service)
    assert [e.type for e in events] == ["care.started", "care.ended"]
    _check_envelope(events[1], "care.ended", child["person_ref"])
    assert events[1].data["end_date"] == "2026-11-27"
    assert events[1].data["status"] == "no_record"


async def test_planned_out_of_area_placement_emits_placement_started_with_facts_of_its_start(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_legal_status(camden, child["id"], start_date="2026-01-05")

    placement = await add_placement(
        camden,
        child["id"],
        placement_type="childrens_home",
        area_authority="E10000007",
        start_date="2026-12-22",
        emergency=False,
        provider="provider-demo-home",
    )

    event = (await _events(service))[-1]
    _check_envelope(event, "placement.started", child["person_ref"])
    assert event.data["placement_id"] == placement["id"]
    assert event.data["effective_date"] == "2026-12-22"
    assert event.data["start_date"] == "2026-12-22"
    assert (event.data["emergency"], event.data["provider"]) == (False, "provider-demo-home")
    assert event.data["area_authority"] == "E10000007"
    assert event.data["responsible_authority"] == "E09000007"
    assert event.data["placed_out_of_area"] is True
    assert event.data["placement_type"] == "childrens_home"


async def test_ending_a_placement_emits_one_placement_ended(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    placement = await add_placement(camden, child["id"], start_date="2026-01-05")

    await camden.patch(
        f"/v1/children/{child['id']}/placements/{placement['id']}",
        json={"end_date": "2026-11-20"},
        headers={"If-Match": '"1"'},
    )

    events = await _events(service)
    assert [e.type for e in events] == ["placement.started", "placement.ended"]
    _check_envelope(events[1], "placement.ended", child["person_ref"])
    assert events[1].data["end_date"] == "2026-11-20"


async def test_past_placement_recorded_with_its_end_emits_started_then_ended(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")

    await add_placement(
        camden, child["id"], emergency=True, start_date="2026-11-02", end_date="2026-11-05"
    )

    assert [e.type for e in await _events(service)] == ["placement.started", "placement.ended"]


async def test_recording_leaving_care_emits_one_care_leaver_recorded(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2008-03-10")
    await add_legal_status(camden, child["id"], start_date="2023-01-01", end_date="2026-03-10")
    before = len(await _events(service))

    response = await camden.put(
        f"/v1/children/{child['id']}/leaving-care", json={"left_care_on": "2026-03-10"}
    )

    events = await _events(service)
    assert response.status_code == 200, response.text
    assert len(events) == before + 1
    _check_envelope(events[-1], "care_leaver.recorded", child["person_ref"])
    assert events[-1].data["left_care_on"] == "2026-03-10"
    assert events[-1].data["category"] == "former_relevant"
    assert events[-1].data["status"] == "care_leaver"


async def test_recording_the_same_leaving_care_twice_emits_once(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2008-03-10")
    url = f"/v1/children/{child['id']}/leaving-care"

    await camden.put(url, json={"left_care_on": "2026-03-10"})
    await camden.put(url, json={"left_care_on": "2026-03-10"})

    assert [e.type for e in await _events(service)] == ["care_leaver.recorded"]


async def test_refused_write_leaves_no_event(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2012-04-04")
    await add_placement(camden, child["id"], start_date="2026-01-05")

    response = await camden.post(
        f"/v1/children/{child['id']}/placements",
        json={
            "placement_type": "foster",
            "area_authority": "E10000007",
            "start_date": "2026-02-01",
        },
    )

    assert response.status_code == 422
    assert [e.type for e in await _events(service)] == ["placement.started"]


async def test_event_is_written_in_the_transaction_of_the_change(
    service: InProcessService,
) -> None:
    camden = Principal(client_id="demo-camden", org="E09000007", scopes=frozenset())
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    async with service.session_factory() as session, session.begin():
        record = await create_child_record(
            session,
            camden,
            ChildCreate(given_name="Ada", family_name="King", date_of_birth=date(2012, 4, 4)),
            now,
        )
        child_id: uuid.UUID = record.child.id

    async with service.session_factory() as session, session.begin():
        await add_placement_record(
            session,
            camden,
            child_id,
            PlacementCreate(
                placement_type="foster",
                area_authority="E10000007",
                start_date=date(2026, 12, 1),
            ),
            now,
        )
        pending = await session.scalar(select(func.count()).select_from(OutboxEvent))
        assert pending == 1
        await session.rollback()

    async with service.session_factory() as session:
        placements = await session.scalar(select(func.count()).select_from(Placement))
        events = await session.scalar(select(func.count()).select_from(OutboxEvent))
    assert (placements, events) == (0, 0)
