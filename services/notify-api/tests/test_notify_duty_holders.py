"""Duty holders: whose duty a notification discharges, and their board showing it met."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from notify.rules.catalogue import load_rule_file
from notify.testing import cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService

#: Tuesday 22 December 2037: five working days run to Thursday 31 December (25 and 28
#: December are bank holidays, 26-27 a weekend), far enough ahead to acknowledge in time.
START = date(2037, 12, 22)
RECORDED = datetime(2037, 12, 22, 9, 0, tzinfo=UTC)
DERBYSHIRE = "E10000007"
CAMDEN = "E09000007"


async def _post(
    service: InProcessService, event_type: str, data: dict[str, Any], time: datetime = RECORDED
) -> dict[str, Any]:
    platform = await service.as_client("platform-services")
    response = await platform.post(
        "/v1/events",
        json=cloud_event(event_type, data, time=time, source="care-status-api"),
    )
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def _emergency_placement(service: InProcessService) -> str:
    """Camden places a child in Derbyshire in an emergency; Derbyshire's notification id."""
    receipt = await _post(service, "placement.started", placement_data(START, emergency=True))
    return next(n["id"] for n in receipt["notifications"] if n["recipient"]["org"] == DERBYSHIRE)


async def _board(service: InProcessService, client: str, **params: str) -> list[dict[str, Any]]:
    caller = await service.as_client(client)
    response = await caller.get("/v1/duties", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_every_rule_names_its_duty_holder() -> None:
    holders = {rule.id: rule.duty_holder for rule in load_rule_file().rules}

    assert holders == {
        "placement-out-of-area": "responsible_authority",
        "placement-out-of-area-yjs-order": "responsible_authority",
        "care-leaver-placed-out-of-area": "responsible_authority",
        "police-contact-looked-after": "recorded_by",
        "custody-child-appropriate-adult": "recorded_by",
        "police-contact-care-leaver": "recorded_by",
        "police-contact-care-leaver-no-consent": "recorded_by",
        "incident-in-placement": "provider",
        "cps-checklist-due": "provider",
        "london-child-information-form": "recorded_by",
        "restraint-measure-record": "provider",
        "restraint-measure-record-signed": "provider",
        "restraint-measure-record-child": "provider",
        "sentenced-care-order-first-visit": "responsible_authority",
        "sentenced-care-order-visits": "responsible_authority",
        "detained-section-20-visit": "responsible_authority",
        "release-arrangements-confirmed": "responsible_authority",
        "release-pathway-plan-review": "responsible_authority",
        "placement-ended-out-of-area": "responsible_authority",
        "incident-in-placement-care-leaver": "provider",
        "incident-in-placement-care-leaver-no-consent": "provider",
        "exploitation-concern": "recorded_by",
        "court-hearing-social-worker": "responsible_authority",
        "release-day-collection": "responsible_authority",
        "care-leaver-custody-visits": "responsible_authority",
    }


async def test_journey_area_authority_acknowledges_and_camdens_board_shows_the_duty_met(
    service: InProcessService,
) -> None:
    await _post(service, "placement.started", placement_data(START, emergency=True))
    derbyshire = await service.as_client("demo-derbyshire")
    inbox = (await derbyshire.get("/v1/notifications")).json()["items"]
    [notification] = [n for n in inbox if n["rule"] == "placement-out-of-area"]
    assert notification["due_at"] == "2037-12-31T23:59:59Z"
    assert notification["duty_holder"] == CAMDEN

    acknowledged = await derbyshire.post(f"/v1/notifications/{notification['id']}/acknowledge")

    assert acknowledged.status_code == 200
    [met] = await _board(service, "demo-camden", state="met")
    assert met["notification_id"] == notification["id"]
    assert met["caller_role"] == "duty_holder"
    assert met["recipient"] == {"org": DERBYSHIRE, "role": "area_authority"}
    assert met["met_at"] == acknowledged.json()["acknowledged_at"]
    assert met["met_on_time"] is True
    assert met["overdue"] is False
    still_open = [d["notification_id"] for d in await _board(service, "demo-camden")]
    assert notification["id"] not in still_open
    assert await _board(service, "demo-derbyshire-police", state="all") == []


async def test_duty_holder_board_lists_the_open_notifications_made_on_its_behalf(
    service: InProcessService,
) -> None:
    await _emergency_placement(service)

    board = await _board(service, "demo-camden")

    assert {(d["recipient"]["org"], d["caller_role"], d["duty_holder"]) for d in board} == {
        (DERBYSHIRE, "duty_holder", CAMDEN),
        (f"health-{DERBYSHIRE}", "duty_holder", CAMDEN),
        (f"health-{CAMDEN}", "duty_holder", CAMDEN),
    }
    assert {(d["met_at"], d["met_on_time"]) for d in board} == {(None, None)}


async def test_recipient_board_shows_it_as_the_recipients(service: InProcessService) -> None:
    await _emergency_placement(service)

    [duty] = await _board(service, "demo-derbyshire")

    assert (duty["caller_role"], duty["rule"], duty["due_at"]) == (
        "recipient",
        "placement-out-of-area",
        "2037-12-31T23:59:59Z",
    )


async def test_an_unrelated_organisation_never_sees_it(service: InProcessService) -> None:
    notification_id = await _emergency_placement(service)
    police = await service.as_client("demo-derbyshire-police")

    assert await _board(service, "demo-derbyshire-police", state="all") == []
    assert (await police.get("/v1/notifications")).json()["items"] == []
    assert (await police.get(f"/v1/notifications/{notification_id}")).status_code == 404


async def test_the_duty_holder_cannot_acknowledge_for_the_recipient(
    service: InProcessService,
) -> None:
    notification_id = await _emergency_placement(service)
    camden = await service.as_client("demo-camden")

    response = await camden.post(f"/v1/notifications/{notification_id}/acknowledge")

    assert response.status_code == 404
    [duty] = [
        d for d in await _board(service, "demo-camden") if d["notification_id"] == notification_id
    ]
    assert duty["status"] == "pending"


async def test_a_late_acknowledgement_is_met_but_not_on_time(service: InProcessService) -> None:
    # Tuesday 4 March 2025: due Tuesday 11 March 2025 23:59:59 GMT, long past.
    receipt = await _post(
        service,
        "placement.started",
        placement_data(date(2025, 3, 4), emergency=True),
        time=datetime(2025, 3, 4, 9, 0, tzinfo=UTC),
    )
    area = next(n for n in receipt["notifications"] if n["recipient"]["org"] == DERBYSHIRE)
    derbyshire = await service.as_client("demo-derbyshire")
    await derbyshire.post(f"/v1/notifications/{area['id']}/acknowledge")

    [met] = await _board(service, "demo-camden", state="met")

    assert (met["due_at"], met["met_on_time"]) == ("2025-03-11T23:59:59Z", False)


async def test_state_all_lists_open_and_met_soonest_first(service: InProcessService) -> None:
    notification_id = await _emergency_placement(service)
    await _post(
        service,
        "placement.started",
        placement_data(date(2038, 1, 4), emergency=True, placement_id="pl_0002"),
    )
    derbyshire = await service.as_client("demo-derbyshire")
    await derbyshire.post(f"/v1/notifications/{notification_id}/acknowledge")

    board = await _board(service, "demo-derbyshire", state="all")

    assert [(d["due_at"], d["status"]) for d in board] == [
        ("2037-12-31T23:59:59Z", "acknowledged"),
        ("2038-01-11T23:59:59Z", "pending"),
    ]


async def test_an_unknown_state_is_refused_naming_the_parameter(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.get("/v1/duties", params={"state": "done"})

    assert response.status_code == 422
    assert "query.state" in response.text


async def test_the_police_force_that_recorded_a_detention_holds_the_duty(
    service: InProcessService,
) -> None:
    detained = datetime(2037, 12, 22, 9, 0, tzinfo=UTC)
    data = incident_data(
        "custody_detention",
        detained,
        setting="police_custody",
        recorded_by="police-derbyshire",
        recorded_by_kind="police",
        custody_suite="Chesterfield",
        detained_at=detained.isoformat(),
    )
    await _post(service, "custody.detained", data, time=detained)

    board = await _board(service, "demo-derbyshire-police")

    assert {(d["rule"], d["recipient"]["org"], d["caller_role"]) for d in board} == {
        ("police-contact-looked-after", CAMDEN, "duty_holder"),
        ("police-contact-looked-after", "yot-E09000007", "duty_holder"),
        ("police-contact-looked-after", "yot-E10000007", "duty_holder"),
        ("custody-child-appropriate-adult", CAMDEN, "duty_holder"),
    }


async def test_a_holder_that_is_also_the_recipient_sees_it_as_recipient(
    service: InProcessService,
) -> None:
    data = incident_data("custodial_sentence", RECORDED, sentenced_on="2037-12-21")
    await _post(service, "sentenced.custodial", data)

    board = await _board(service, "demo-camden")

    assert {(d["rule"], d["duty_holder"], d["caller_role"]) for d in board} == {
        ("sentenced-care-order-first-visit", CAMDEN, "recipient"),
        ("sentenced-care-order-visits", CAMDEN, "recipient"),
    }
