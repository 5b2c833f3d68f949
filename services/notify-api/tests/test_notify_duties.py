"""Overdue, escalation, recurring custody visits and the duties board."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from notify.delivery.worker import DeliveryWorker
from notify.rules.catalogue import load_catalogue
from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService

TIME = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


async def _post(
    service: InProcessService, event_type: str, data: dict[str, Any], time: datetime = TIME
) -> dict[str, Any]:
    platform = await service.as_client("platform-services")
    response = await platform.post("/v1/events", json=cloud_event(event_type, data, time=time))
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def _sweep_at(service: InProcessService, settings: Settings, now: datetime) -> int:
    worker = DeliveryWorker(
        service.session_factory, settings=settings, catalogue=load_catalogue(), clock=lambda: now
    )
    try:
        return await worker.sweep()
    finally:
        await worker.aclose()


def _sentence(sentenced_on: str) -> dict[str, Any]:
    return incident_data("custodial_sentence", TIME, sentenced_on=sentenced_on)


async def test_passed_deadline_is_marked_overdue_and_a_statutory_one_is_a_breach(
    service: InProcessService, settings: Settings
) -> None:
    await _post(service, "placement.started", placement_data(date(2026, 12, 22), emergency=True))
    derbyshire = await service.as_client("demo-derbyshire")

    await _sweep_at(service, settings, datetime(2027, 1, 1, 0, 0, 0, tzinfo=UTC))

    [notification] = (
        await derbyshire.get("/v1/notifications", params={"role": "area_authority"})
    ).json()["items"]
    assert notification["status"] == "overdue"
    assert notification["breach"] is True


async def test_nothing_is_overdue_at_the_last_second_of_the_window(
    service: InProcessService, settings: Settings
) -> None:
    await _post(service, "placement.started", placement_data(date(2026, 12, 22), emergency=True))

    swept = await _sweep_at(service, settings, datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC))

    assert swept == 0


async def test_overdue_notification_escalates_to_the_responsible_authority(
    service: InProcessService, settings: Settings
) -> None:
    await _post(service, "placement.started", placement_data(date(2026, 12, 22), emergency=True))
    camden = await service.as_client("demo-camden")

    await _sweep_at(service, settings, datetime(2027, 1, 1, 0, 0, 0, tzinfo=UTC))

    escalations = (await camden.get("/v1/notifications", params={"role": "escalation"})).json()
    # reg 13(2)(f): the health bodies of the area and of the home area (Revision 2).
    assert {n["subject"]["escalated_recipient"]["org"] for n in escalations["items"]} == {
        "E10000007",
        "health-E10000007",
        "health-E09000007",
    }
    assert {n["kind"] for n in escalations["items"]} == {"escalation"}
    assert {n["subject"]["escalated_due_at"] for n in escalations["items"]} == {
        "2026-12-31T23:59:59Z"
    }


async def test_escalations_are_not_escalated_again(
    service: InProcessService, settings: Settings
) -> None:
    await _post(service, "placement.started", placement_data(date(2026, 12, 22), emergency=True))
    camden = await service.as_client("demo-camden")

    await _sweep_at(service, settings, datetime(2027, 1, 1, tzinfo=UTC))
    await _sweep_at(service, settings, datetime(2027, 2, 1, tzinfo=UTC))

    # Camden's inbox: the home health body's escalation is Camden's too, not escalated.
    items = (await camden.get("/v1/notifications", params={"role": "escalation"})).json()
    assert len(items["items"]) == 3
    assert {n["status"] for n in items["items"]} == {"overdue"}


async def test_breaches_and_late_acknowledgements_are_counted_in_the_figures(
    service: InProcessService, settings: Settings
) -> None:
    receipt = await _post(
        service, "placement.started", placement_data(date(2026, 12, 22), emergency=True)
    )
    derbyshire = await service.as_client("demo-derbyshire")
    await _sweep_at(service, settings, datetime(2027, 1, 1, tzinfo=UTC))
    area = next(n for n in receipt["notifications"] if n["recipient"]["org"] == "E10000007")
    await derbyshire.post(f"/v1/notifications/{area['id']}/acknowledge")

    figures = (await derbyshire.get("/v1/figures")).json()

    [rule] = [r for r in figures["rules"] if r["rule"] == "placement-out-of-area"]
    assert rule["breaches"] == 1
    assert rule["acknowledged_late"] == 1
    assert rule["acknowledged_on_time"] == 0


async def test_acknowledged_visit_duty_makes_the_next_visit_six_weeks_on(
    clocked_service: InProcessService, clock: Clock
) -> None:
    """National protocol 8.5: the visit acknowledged on its due day, 19 January 2027, is
    the visit made; the next is six weeks after it."""
    service = clocked_service
    receipt = await _post(service, "sentenced.custodial", _sentence("2026-12-01"))
    camden = await service.as_client("demo-camden")
    [visit] = [n for n in receipt["notifications"] if n["rule"] == "sentenced-care-order-visits"]
    clock.now = datetime(2027, 1, 19, 15, 0, tzinfo=UTC)

    await camden.post(f"/v1/notifications/{visit['id']}/acknowledge")

    visits = (
        await camden.get("/v1/notifications", params={"rule": "sentenced-care-order-visits"})
    ).json()["items"]
    assert [(n["occurrence"], n["status"], n["due_at"]) for n in visits] == [
        (1, "acknowledged", "2027-01-19T23:59:59Z"),
        (2, "pending", "2027-03-02T23:59:59Z"),
    ]


async def test_visit_duty_that_passes_makes_the_next_one(
    service: InProcessService, settings: Settings
) -> None:
    await _post(service, "sentenced.custodial", _sentence("2026-12-01"))
    camden = await service.as_client("demo-camden")

    await _sweep_at(service, settings, datetime(2027, 1, 20, tzinfo=UTC))

    visits = (
        await camden.get(
            "/v1/notifications",
            params={"rule": "sentenced-care-order-visits", "role": "responsible_authority"},
        )
    ).json()["items"]
    assert [(n["occurrence"], n["status"]) for n in visits] == [(1, "overdue"), (2, "pending")]


async def test_release_ends_the_visit_duties_and_no_more_are_made(
    service: InProcessService, settings: Settings
) -> None:
    await _post(service, "sentenced.custodial", _sentence("2026-12-01"))
    camden = await service.as_client("demo-camden")

    released = await _post(
        service,
        "custody.released",
        incident_data("release", TIME, released_at=TIME.isoformat()),
    )
    await _sweep_at(service, settings, datetime(2027, 6, 1, tzinfo=UTC))

    assert len(released["ended_duties"]) == 1
    visits = (
        await camden.get("/v1/notifications", params={"rule": "sentenced-care-order-visits"})
    ).json()["items"]
    assert [(n["occurrence"], n["status"]) for n in visits] == [(1, "ended")]


async def test_duties_board_lists_open_deadlines_soonest_first_with_overdue_flagged(
    service: InProcessService,
) -> None:
    past = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
    future = datetime(2030, 3, 4, 10, 0, tzinfo=UTC)
    await _post(service, "incident.recorded", incident_data("behaviour", future), time=future)
    await _post(service, "incident.recorded", incident_data("behaviour", past), time=past)
    camden = await service.as_client("demo-camden")

    board = (await camden.get("/v1/duties")).json()["items"]

    assert [(d["due_at"], d["overdue"]) for d in board] == [
        ("2025-03-04T23:59:59Z", True),
        ("2030-03-05T23:59:59Z", False),
    ]


async def test_duties_board_leaves_out_acknowledged_and_withheld(
    service: InProcessService,
) -> None:
    receipt = await _post(service, "incident.recorded", incident_data("behaviour", TIME))
    camden = await service.as_client("demo-camden")
    await camden.post(f"/v1/notifications/{receipt['notifications'][0]['id']}/acknowledge")

    board = (await camden.get("/v1/duties")).json()

    assert board == {"items": [], "next_cursor": None}


async def test_duties_board_is_only_the_callers(service: InProcessService) -> None:
    await _post(service, "incident.recorded", incident_data("behaviour", TIME))
    derbyshire = await service.as_client("demo-derbyshire")

    board = (await derbyshire.get("/v1/duties")).json()

    assert board["items"] == []


async def test_late_acknowledgement_of_a_statutory_duty_is_a_breach_even_before_the_sweep(
    service: InProcessService,
) -> None:
    past = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
    data = incident_data("custodial_sentence", past, sentenced_on="2025-03-03")
    receipt = await _post(service, "sentenced.custodial", data, time=past)
    camden = await service.as_client("demo-camden")
    [first] = [
        n for n in receipt["notifications"] if n["rule"] == "sentenced-care-order-first-visit"
    ]

    response = await camden.post(f"/v1/notifications/{first['id']}/acknowledge")

    assert response.json()["breach"] is True
    assert datetime.fromisoformat(response.json()["due_at"]) < past + timedelta(days=8)
