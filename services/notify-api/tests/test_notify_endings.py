"""What ends a notification: an acknowledged original, a changed release date, the age of 18."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from notify.delivery.worker import DeliveryWorker
from notify.rules.catalogue import load_catalogue
from notify.settings import Settings
from notify.testing import cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService

TIME = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
DERBYSHIRE = "E10000007"


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


async def _notifications(service: InProcessService, client: str, **params: str) -> list[Any]:
    caller = await service.as_client(client)
    items: list[Any] = (await caller.get("/v1/notifications", params=params)).json()["items"]
    return items


# Escalations -----------------------------------------------------------------------------


async def test_acknowledging_the_original_closes_its_escalation(
    service: InProcessService, settings: Settings
) -> None:
    receipt = await _post(
        service, "placement.started", placement_data(date(2026, 12, 22), emergency=True)
    )
    area = next(n for n in receipt["notifications"] if n["recipient"]["org"] == DERBYSHIRE)
    await _sweep_at(service, settings, datetime(2027, 1, 1, tzinfo=UTC))
    derbyshire = await service.as_client("demo-derbyshire")

    await derbyshire.post(f"/v1/notifications/{area['id']}/acknowledge")

    escalations = await _notifications(service, "demo-camden", role="escalation")
    by_recipient = {
        n["subject"]["escalated_recipient"]["org"]: (n["status"], n["ended_reason"])
        for n in escalations
    }
    assert by_recipient == {
        DERBYSHIRE: ("ended", "original_acknowledged"),
        f"health-{DERBYSHIRE}": ("pending", None),
        "health-E09000007": ("pending", None),
    }


async def test_a_closed_escalation_leaves_the_board(
    service: InProcessService, settings: Settings
) -> None:
    receipt = await _post(
        service, "placement.started", placement_data(date(2026, 12, 22), emergency=True)
    )
    area = next(n for n in receipt["notifications"] if n["recipient"]["org"] == DERBYSHIRE)
    await _sweep_at(service, settings, datetime(2027, 1, 1, tzinfo=UTC))
    derbyshire = await service.as_client("demo-derbyshire")
    camden = await service.as_client("demo-camden")

    await derbyshire.post(f"/v1/notifications/{area['id']}/acknowledge")

    board = (await camden.get("/v1/duties")).json()["items"]
    escalated = {
        d["subject"]["escalated_recipient"]["org"] for d in board if d["kind"] == "escalation"
    }
    assert escalated == {f"health-{DERBYSHIRE}", "health-E09000007"}


# A changed release date ---------------------------------------------------------------------


def _release(incident_id: str, release_date: str) -> dict[str, Any]:
    return incident_data(
        "custodial_sentence", TIME, incident_id=incident_id, release_date=release_date
    )


async def test_a_changed_release_date_supersedes_the_earlier_release_notifications(
    service: InProcessService,
) -> None:
    first = await _post(service, "release_date.set", _release("in_release_1", "2027-03-01"))

    second = await _post(
        service,
        "release_date.set",
        _release("in_release_1", "2027-04-01"),
        time=datetime(2027, 1, 5, 9, 0, tzinfo=UTC),
    )

    assert sorted(second["superseded"]) == sorted(n["id"] for n in first["notifications"])
    items = await _notifications(service, "demo-camden", rule="release-arrangements-confirmed")
    assert [(n["due_at"], n["status"], n["ended_reason"]) for n in items] == [
        ("2027-02-19T23:59:59Z", "ended", "superseded"),
        ("2027-03-22T23:59:59Z", "pending", None),
    ]
    home_yot = await _notifications(service, "demo-yot-camden")
    assert [n["status"] for n in home_yot] == ["ended", "pending"]


async def test_another_incidents_release_date_supersedes_nothing(
    service: InProcessService,
) -> None:
    await _post(service, "release_date.set", _release("in_release_1", "2027-03-01"))

    other = await _post(service, "release_date.set", _release("in_release_2", "2027-04-01"))

    assert other["superseded"] == []
    items = await _notifications(service, "demo-camden", rule="release-arrangements-confirmed")
    assert [n["status"] for n in items] == ["pending", "pending"]


async def test_an_acknowledged_release_notification_stays_met_when_the_date_changes(
    service: InProcessService,
) -> None:
    first = await _post(service, "release_date.set", _release("in_release_1", "2027-03-01"))
    camden_id = next(
        n["id"]
        for n in first["notifications"]
        if n["rule"] == "release-arrangements-confirmed"
        and n["recipient"]["org"] != "yot-E09000007"
    )
    camden = await service.as_client("demo-camden")
    await camden.post(f"/v1/notifications/{camden_id}/acknowledge")

    second = await _post(
        service,
        "release_date.set",
        _release("in_release_1", "2027-04-01"),
        time=datetime(2027, 1, 5, 9, 0, tzinfo=UTC),
    )

    assert camden_id not in second["superseded"]
    # The YOT's and the release-day collection (Revision 2) are superseded.
    assert len(second["superseded"]) == 2
    earlier = (await camden.get(f"/v1/notifications/{camden_id}")).json()
    assert earlier["status"] == "acknowledged"


async def test_a_release_date_event_arriving_after_a_later_one_is_made_superseded(
    service: InProcessService,
) -> None:
    later = await _post(
        service,
        "release_date.set",
        _release("in_release_1", "2027-04-01"),
        time=datetime(2027, 1, 5, 9, 0, tzinfo=UTC),
    )

    late_arrival = await _post(
        service, "release_date.set", _release("in_release_1", "2027-03-01"), time=TIME
    )

    assert late_arrival["superseded"] == []
    assert {n["status"] for n in late_arrival["notifications"]} == {"ended"}
    items = await _notifications(service, "demo-camden", rule="release-arrangements-confirmed")
    assert [(n["due_at"], n["status"]) for n in items] == [
        ("2027-03-22T23:59:59Z", "pending"),
        ("2027-02-19T23:59:59Z", "ended"),
    ]
    assert {n["status"] for n in later["notifications"]} == {"pending"}


async def test_a_superseded_overdue_notification_closes_its_escalation(
    service: InProcessService, settings: Settings
) -> None:
    await _post(service, "release_date.set", _release("in_release_1", "2027-03-01"))
    await _sweep_at(service, settings, datetime(2027, 2, 20, tzinfo=UTC))

    await _post(
        service,
        "release_date.set",
        _release("in_release_1", "2027-04-01"),
        time=datetime(2027, 2, 20, 9, 0, tzinfo=UTC),
    )

    # The ladder's overdue steps: Camden's own escalation contact (for its notification)
    # and Camden as duty holder (for the YOT's); both end with their originals.
    contact = await _notifications(service, "demo-camden", role="escalation_contact")
    holder = await _notifications(service, "demo-camden", role="duty_holder")
    escalations = contact + holder
    assert len(escalations) == 2
    assert {(n["status"], n["ended_reason"]) for n in escalations} == {("ended", "superseded")}


async def test_a_release_date_event_without_its_incident_id_is_refused(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    data = _release("in_release_1", "2027-03-01")
    del data["incident_id"]

    response = await platform.post(
        "/v1/events", json=cloud_event("release_date.set", data, time=TIME)
    )

    assert response.status_code == 422
    assert "data.incident_id" in response.text


# Recurring visits end at 18 -----------------------------------------------------------------


async def _sweep_until_quiet(service: InProcessService, settings: Settings) -> None:
    for _ in range(30):
        if await _sweep_at(service, settings, datetime(2030, 1, 1, tzinfo=UTC)) == 0:
            return
    raise AssertionError("the sweeper never ran out of work")


async def _visit_due_days(service: InProcessService) -> list[str]:
    visits = await _notifications(
        service, "demo-camden", rule="sentenced-care-order-visits", role="responsible_authority"
    )
    return [n["due_at"][:10] for n in visits]


async def test_visits_stop_before_the_day_a_17_year_old_is_certainly_18(
    service: InProcessService, settings: Settings
) -> None:
    # Aged 17 on 22 December 2026: certainly 18 on 22 December 2027. The ninth visit is
    # due on 21 December 2027, the tenth would be 21 March 2028: not made.
    data = incident_data("custodial_sentence", TIME, sentenced_on="2026-12-01", age=17)
    data.update(age_band="16_17")
    await _post(service, "sentenced.custodial", data)

    await _sweep_until_quiet(service, settings)

    assert await _visit_due_days(service) == [
        "2027-01-19",
        "2027-03-02",
        "2027-04-13",
        "2027-05-25",
        "2027-07-06",
        "2027-08-17",
        "2027-09-28",
        "2027-11-09",
        "2027-12-21",
    ]


async def test_no_visit_falls_due_on_the_day_the_child_is_certainly_18(
    service: InProcessService, settings: Settings
) -> None:
    # Aged 17 on 21 December 2026: certainly 18 on 21 December 2027, the ninth visit's day.
    data = incident_data(
        "custodial_sentence", TIME, sentenced_on="2026-12-01", age=17, effective_date="2026-12-21"
    )
    await _post(service, "sentenced.custodial", data)

    await _sweep_until_quiet(service, settings)

    assert (await _visit_due_days(service))[-1] == "2027-11-09"


async def test_a_young_person_already_18_gets_no_recurring_visit(
    service: InProcessService,
) -> None:
    data = incident_data(
        "custodial_sentence",
        TIME,
        sentenced_on="2026-12-01",
        age=18,
        age_band="18_20",
        under_18=False,
    )

    receipt = await _post(service, "sentenced.custodial", data)

    assert "sentenced-care-order-visits" in receipt["matched_rules"]
    assert [n["rule"] for n in receipt["notifications"]] == ["sentenced-care-order-first-visit"]
