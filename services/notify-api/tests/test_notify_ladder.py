"""The escalation ladder, with literal dates: a reminder at 80 % of the window where the
calendar puts it, overdue steps to whoever can act, the emergency duty team out of hours,
every step closed by the acknowledgement, and settings refused at start naming them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from notify.delivery.worker import DeliveryWorker
from notify.main import create_app, load_rules
from notify.rules.catalogue import RuleFileError
from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService

CAMDEN = "E09000007"
YOT_CAMDEN = "yot-E09000007"
MET = "police-metropolitan"


async def _post(
    service: InProcessService, event_type: str, data: dict[str, Any], time: datetime
) -> dict[str, Any]:
    platform = await service.as_client("platform-services")
    response = await platform.post("/v1/events", json=cloud_event(event_type, data, time=time))
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def _sweep_at(service: InProcessService, settings: Settings, now: datetime) -> int:
    worker = DeliveryWorker(
        service.session_factory,
        settings=settings,
        catalogue=load_rules(settings),
        clock=lambda: now,
    )
    try:
        return await worker.sweep()
    finally:
        await worker.aclose()


async def _inbox(service: InProcessService, client: str, **params: str) -> list[dict[str, Any]]:
    inbox = await service.as_client(client)
    response = await inbox.get("/v1/notifications", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def _detention(detained_at: datetime) -> dict[str, Any]:
    return incident_data(
        "custody_detention",
        detained_at,
        setting="custody",
        recorded_by=MET,
        recorded_by_kind="police",
        detained_at=detained_at.isoformat(),
        custody_suite="Holborn custody suite",
        police_involved=True,
    )


# The reminder -------------------------------------------------------------------------------


async def test_reminder_of_a_5_working_day_window_over_christmas_falls_on_31_december(
    service: InProcessService, settings: Settings
) -> None:
    """Placed Tue 22 Dec 2026 in an emergency: 5 working days are 23, 24, 29, 30 and 31
    December (25 and 28 are bank holidays, 26-27 a weekend). 80 % of them is 4 working
    days: the reminder is at the start of the 5th, 00:00 on Thu 31 December."""
    receipt = await _post(
        service,
        "placement.started",
        placement_data(date(2026, 12, 22), emergency=True),
        datetime(2026, 12, 22, 9, 0, tzinfo=UTC),
    )
    area = next(n for n in receipt["notifications"] if n["recipient"]["role"] == "area_authority")

    [made] = await _inbox(service, "demo-derbyshire", role="area_authority")
    assert made["remind_at"] == "2026-12-31T00:00:00Z"
    await _sweep_at(service, settings, datetime(2026, 12, 30, 23, 59, 59, tzinfo=UTC))
    assert [n for n in await _inbox(service, "demo-derbyshire") if n["kind"] == "reminder"] == []

    await _sweep_at(service, settings, datetime(2026, 12, 31, 0, 0, 1, tzinfo=UTC))

    [reminder] = [n for n in await _inbox(service, "demo-derbyshire") if n["kind"] == "reminder"]
    assert reminder["escalation_of"] == area["id"]
    assert reminder["escalation_step"] == "reminder"
    assert reminder["recipient"] == {"org": "E10000007", "role": "area_authority"}
    assert reminder["due_at"] == "2026-12-31T23:59:59Z"
    # Once only.
    await _sweep_at(service, settings, datetime(2026, 12, 31, 12, 0, tzinfo=UTC))
    reminders = [n for n in await _inbox(service, "demo-derbyshire") if n["kind"] == "reminder"]
    assert len(reminders) == 1


async def test_an_hour_window_shorter_than_4_hours_has_no_reminder(
    service: InProcessService,
) -> None:
    await _post(
        service,
        "custody.detained",
        _detention(datetime(2026, 11, 27, 2, 10, tzinfo=UTC)),
        datetime(2026, 11, 27, 2, 10, tzinfo=UTC),
    )

    [told] = await _inbox(service, "demo-camden", rule="custody-child-appropriate-adult")
    assert told["remind_at"] is None


# Overdue: whoever can act ---------------------------------------------------------------------


async def test_a_yots_overdue_notification_goes_to_its_escalation_contact_and_the_police(
    service: InProcessService, settings: Settings
) -> None:
    """Police contact with a looked-after child: 2 hours, the force's duty. The home YOT's
    notification overdue reaches the YOT's escalation contact and the force, never Camden,
    which cannot acknowledge the YOT's notification."""
    detained = datetime(2026, 11, 27, 2, 10, tzinfo=UTC)
    receipt = await _post(service, "custody.detained", _detention(detained), detained)
    yots = [n for n in receipt["notifications"] if n["recipient"]["org"] == YOT_CAMDEN]
    [yot] = [n for n in yots if n["rule"] == "police-contact-looked-after"]

    await _sweep_at(service, settings, datetime(2026, 11, 27, 4, 10, 1, tzinfo=UTC))

    [contact] = await _inbox(service, "demo-yot-camden", role="escalation_contact")
    assert contact["escalation_of"] == yot["id"]
    assert contact["escalation_step"] == "overdue"
    police = [
        n
        for n in await _inbox(service, "demo-met-custody", role="duty_holder")
        if n["escalation_of"] == yot["id"]
    ]
    assert [n["recipient"] for n in police] == [{"org": MET, "role": "duty_holder"}]
    # Left unacknowledged for the step window (4 hours), still nothing to Camden for it.
    await _sweep_at(service, settings, datetime(2026, 11, 27, 8, 11, tzinfo=UTC))
    camden = await _inbox(service, "demo-camden")
    assert [n for n in camden if n["escalation_of"] == yot["id"]] == []


async def test_the_acknowledgement_closes_every_step_and_says_who(
    service: InProcessService, settings: Settings
) -> None:
    detained = datetime(2026, 11, 27, 2, 10, tzinfo=UTC)
    receipt = await _post(service, "custody.detained", _detention(detained), detained)
    [adult] = [
        n for n in receipt["notifications"] if n["rule"] == "custody-child-appropriate-adult"
    ]
    await _sweep_at(service, settings, datetime(2026, 11, 27, 3, 11, tzinfo=UTC))
    await _sweep_at(service, settings, datetime(2026, 11, 27, 7, 12, tzinfo=UTC))
    camden = await service.as_client("demo-camden")
    steps = [n for n in await _inbox(service, "demo-camden") if n["escalation_of"] == adult["id"]]
    assert {(n["recipient"]["role"], n["escalation_step"]) for n in steps} == {
        ("escalation_contact", "overdue"),
        ("escalation", "breach"),
        ("emergency_duty", "breach"),
    }

    response = await camden.post(
        f"/v1/notifications/{adult['id']}/acknowledge",
        json={"by": "Camden emergency duty team", "action": "social worker attending custody"},
    )

    assert response.status_code == 200, response.text
    assert response.json()["acknowledgement"] == {
        "by": "Camden emergency duty team",
        "note": None,
        "action": "social worker attending custody",
    }
    steps = [n for n in await _inbox(service, "demo-camden") if n["escalation_of"] == adult["id"]]
    police = [
        n for n in await _inbox(service, "demo-met-custody") if n["escalation_of"] == adult["id"]
    ]
    assert len(police) == 1
    assert {(n["status"], n["ended_reason"]) for n in steps + police} == {
        ("ended", "original_acknowledged")
    }
    # The duty holder sees who acknowledged and what they did.
    met = await service.as_client("demo-met-custody")
    board = (await met.get("/v1/duties", params={"state": "met"})).json()
    [duty] = [d for d in board["items"] if d["notification_id"] == adult["id"]]
    assert duty["acknowledgement"]["action"] == "social worker attending custody"


# Out of hours -------------------------------------------------------------------------------


@pytest.fixture
def half_hour_steps(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"escalation_ladder": {"*": {"statutory_guidance": {"step_window": "PT30M"}}}}
    )


async def test_an_hour_window_breach_at_2_on_a_sunday_reaches_the_emergency_duty_team(
    service: InProcessService, half_hour_steps: Settings
) -> None:
    """Detained 00:30 on Sunday 29 November 2026: the appropriate adult is due 01:30; its
    overdue step (30 minutes) left unacknowledged is a breach at 02:00 on a Sunday, out
    of Camden's office hours: the emergency duty team is told with the head of service."""
    detained = datetime(2026, 11, 29, 0, 30, tzinfo=UTC)
    receipt = await _post(service, "custody.detained", _detention(detained), detained)
    [adult] = [
        n for n in receipt["notifications"] if n["rule"] == "custody-child-appropriate-adult"
    ]
    await _sweep_at(service, half_hour_steps, datetime(2026, 11, 29, 1, 30, 1, tzinfo=UTC))

    await _sweep_at(service, half_hour_steps, datetime(2026, 11, 29, 2, 0, 2, tzinfo=UTC))

    [edt] = await _inbox(service, "demo-camden", role="emergency_duty")
    assert edt["escalation_of"] == adult["id"]
    assert edt["created_at"] == "2026-11-29T02:00:02Z"
    [route] = await _inbox(service, "demo-camden", role="escalation")
    assert route["escalation_of"] == adult["id"]
    detail = (
        await (await service.as_client("demo-camden")).get(f"/v1/notifications/{edt['id']}")
    ).json()
    assert detail["trace"]["step"]["step"] == "breach"
    assert "emergency duty team" in detail["trace"]["step"]["recipient_reason"]


async def test_the_same_breach_in_office_hours_goes_to_the_head_of_service_only(
    service: InProcessService, half_hour_steps: Settings
) -> None:
    """Detained 09:00 on Monday 30 November 2026: the breach at 10:30 is in office hours."""
    detained = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    await _post(service, "custody.detained", _detention(detained), detained)
    await _sweep_at(service, half_hour_steps, datetime(2026, 11, 30, 10, 0, 1, tzinfo=UTC))

    await _sweep_at(service, half_hour_steps, datetime(2026, 11, 30, 10, 30, 2, tzinfo=UTC))

    assert len(await _inbox(service, "demo-camden", role="escalation")) == 1
    assert await _inbox(service, "demo-camden", role="emergency_duty") == []


# Settings refused at start --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ladder", "named"),
    [
        ({"*": {"*": {"overdue_roles": ["team_manager"]}}}, "unknown role 'team_manager'"),
        ({"*": {"*": {"breach_roles": ["escalation_contact"]}}}, "*.*.breach_roles"),
        (
            {CAMDEN: {"statutory_guidance": {"step_window": "PT2H"}}},
            "longer than the duty custody-child-appropriate-adult",
        ),
        ({"E99999999": {"*": {}}}, "'E99999999' is not a local authority"),
        ({"*": {"urgent": {}}}, "unknown rule kind 'urgent'"),
    ],
)
def test_an_escalation_setting_it_cannot_follow_stops_the_service(
    settings: Settings, ladder: dict[str, Any], named: str
) -> None:
    with pytest.raises(RuleFileError, match="escalation_ladder") as refused:
        create_app(settings.model_copy(update={"escalation_ladder": ladder}))
    assert named in str(refused.value)


def test_a_step_window_within_every_duty_is_accepted(settings: Settings) -> None:
    ladder = {CAMDEN: {"statutory_guidance": {"step_window": "PT30M", "office_hours": None}}}

    catalogue = load_rules(settings.model_copy(update={"escalation_ladder": ladder}))

    camden = catalogue.ladders.for_rule(CAMDEN, "statutory_guidance")
    assert camden.step_window == timedelta(minutes=30)
    assert camden.office_hours is None
    assert catalogue.ladders.for_rule("E10000007", "statutory_guidance").step_window == timedelta(
        hours=4
    )


async def test_the_next_visit_of_a_series_has_its_reminder_and_its_trace(
    clocked_service: InProcessService, clock: Clock
) -> None:
    """Sentenced 1 December 2026; the visit met on Tue 19 January 2027 at 15:00 makes the
    next, due Tue 2 March 23:59:59: reminded at 80 % of the 42 days 8:59:59 between, on
    Mon 22 February at 12:35:59.2."""
    service = clocked_service
    receipt = await _post(
        service,
        "sentenced.custodial",
        incident_data("custodial_sentence", clock.now, sentenced_on="2026-12-01"),
        clock.now,
    )
    [visit] = [n for n in receipt["notifications"] if n["rule"] == "sentenced-care-order-visits"]
    clock.now = datetime(2027, 1, 19, 15, 0, tzinfo=UTC)
    camden = await service.as_client("demo-camden")
    await camden.post(f"/v1/notifications/{visit['id']}/acknowledge")

    [following] = await _inbox(
        service, "demo-camden", rule="sentenced-care-order-visits", status="pending"
    )

    assert following["due_at"] == "2027-03-02T23:59:59Z"
    assert following["remind_at"] == "2027-02-22T12:35:59.200000Z"
    detail = (await camden.get(f"/v1/notifications/{following['id']}")).json()
    assert detail["trace"]["deadline"]["recurrence"] == (
        "occurrence 2 of a recurring duty, due 2027-03-02"
    )
