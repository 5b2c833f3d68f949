"""The inbox: each organisation sees and acknowledges only its own notifications."""

from __future__ import annotations

from datetime import UTC, date, datetime

from notify.testing import cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService

TIME = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


async def _post(service: InProcessService, event_type: str, data: dict[str, object]) -> dict:
    platform = await service.as_client("platform-services")
    response = await platform.post("/v1/events", json=cloud_event(event_type, data, time=TIME))
    assert response.status_code == 201, response.text
    return response.json()


async def _placement(service: InProcessService) -> str:
    receipt = await _post(
        service, "placement.started", placement_data(date(2026, 12, 22), emergency=True)
    )
    return next(n["id"] for n in receipt["notifications"] if n["recipient"]["org"] == "E10000007")


async def test_recipient_reads_its_notification_with_rule_basis_and_citation(
    service: InProcessService,
) -> None:
    notification_id = await _placement(service)
    derbyshire = await service.as_client("demo-derbyshire")

    response = await derbyshire.get(f"/v1/notifications/{notification_id}")

    assert response.status_code == 200
    body = response.json()
    assert body["rule"] == "placement-out-of-area"
    assert body["basis"] == "statutory"
    assert "reg 13" in body["citation"]
    assert body["status"] == "pending"
    assert body["due_at"] == "2026-12-31T23:59:59Z"
    assert body["due_at_local"] == "2026-12-31T23:59:59Z"
    assert body["subject"]["person_ref"] == "pr_0001"
    assert body["subject"]["placed_out_of_area"] is True
    assert body["deliveries"] == []


async def test_another_organisation_cannot_read_the_notification(
    service: InProcessService,
) -> None:
    notification_id = await _placement(service)
    camden = await service.as_client("demo-camden")

    response = await camden.get(f"/v1/notifications/{notification_id}")

    assert response.status_code == 404


async def test_another_organisation_cannot_acknowledge_the_notification(
    service: InProcessService,
) -> None:
    notification_id = await _placement(service)
    camden = await service.as_client("demo-camden")
    derbyshire = await service.as_client("demo-derbyshire")

    response = await camden.post(f"/v1/notifications/{notification_id}/acknowledge")

    assert response.status_code == 404
    still = await derbyshire.get(f"/v1/notifications/{notification_id}")
    assert still.json()["status"] == "pending"


async def test_another_organisation_does_not_see_it_in_its_inbox(
    service: InProcessService,
) -> None:
    await _placement(service)
    camden = await service.as_client("demo-camden")

    response = await camden.get("/v1/notifications")

    assert response.json() == {"items": [], "next_cursor": None}


async def test_acknowledging_is_idempotent(service: InProcessService) -> None:
    notification_id = await _placement(service)
    derbyshire = await service.as_client("demo-derbyshire")

    first = await derbyshire.post(f"/v1/notifications/{notification_id}/acknowledge")
    again = await derbyshire.post(f"/v1/notifications/{notification_id}/acknowledge")

    assert first.status_code == 200
    assert first.json()["status"] == "acknowledged"
    assert again.status_code == 200
    assert again.json()["acknowledged_at"] == first.json()["acknowledged_at"]


async def test_acknowledging_needs_the_ack_scope(service: InProcessService) -> None:
    await _post(service, "arrest.recorded", incident_data("arrest", TIME))
    police = await service.as_client("demo-met-custody", "notifications:read")

    response = await police.post(
        "/v1/notifications/00000000-0000-0000-0000-000000000000/acknowledge"
    )

    assert response.status_code == 403


async def test_a_withheld_notification_cannot_be_acknowledged(
    service: InProcessService,
) -> None:
    data = {
        **incident_data("arrest", TIME),
        "status": "care_leaver",
        "notify_personal_adviser_consent": "unknown",
    }
    receipt = await _post(service, "arrest.recorded", data)
    [withheld] = [n for n in receipt["notifications"] if n["status"] == "withheld"]
    camden = await service.as_client("demo-camden")

    response = await camden.post(f"/v1/notifications/{withheld['id']}/acknowledge")

    assert response.status_code == 409
    detail = await camden.get(f"/v1/notifications/{withheld['id']}")
    assert detail.json()["withheld_reason"] == "consent to notify the personal adviser is unknown"


async def test_sequence_numbers_rise_by_one_per_recipient_organisation(
    service: InProcessService,
) -> None:
    for _ in range(3):
        await _post(service, "arrest.recorded", incident_data("arrest", TIME))
    yot = await service.as_client("demo-yot-camden")

    response = await yot.get("/v1/notifications")

    assert [n["sequence"] for n in response.json()["items"]] == [1, 2, 3]


async def test_inbox_pages_with_a_cursor(service: InProcessService) -> None:
    for _ in range(3):
        await _post(service, "arrest.recorded", incident_data("arrest", TIME))
    yot = await service.as_client("demo-yot-camden")

    first = await yot.get("/v1/notifications", params={"limit": 2})
    second = await yot.get(
        "/v1/notifications", params={"limit": 2, "cursor": first.json()["next_cursor"]}
    )

    assert [n["sequence"] for n in first.json()["items"]] == [1, 2]
    assert [n["sequence"] for n in second.json()["items"]] == [3]
    assert second.json()["next_cursor"] is None


async def test_inbox_filters_by_rule_and_due_before(service: InProcessService) -> None:
    await _post(service, "arrest.recorded", incident_data("arrest", TIME))
    await _post(service, "incident.recorded", incident_data("behaviour", TIME))
    camden = await service.as_client("demo-camden")

    by_rule = await camden.get("/v1/notifications", params={"rule": "incident-in-placement"})
    soon = await camden.get("/v1/notifications", params={"due_before": "2026-12-22T12:00:00Z"})

    assert [n["rule"] for n in by_rule.json()["items"]] == ["incident-in-placement"]
    assert [n["rule"] for n in soon.json()["items"]] == ["police-contact-looked-after"]


async def test_a_cursor_not_made_by_the_list_is_refused(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.get("/v1/notifications", params={"cursor": "not-a-cursor"})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.cursor"


async def test_an_inbox_filter_it_does_not_take_is_400_not_the_whole_inbox(
    service: InProcessService,
) -> None:
    derbyshire = await service.as_client("demo-derbyshire")

    response = await derbyshire.get("/v1/notifications", params={"person_ref": "pr_x"})

    assert response.status_code == 400
    [issue] = response.json()["errors"]
    assert issue["field"] == "query.person_ref"
    assert "due_before" in issue["reason"]
