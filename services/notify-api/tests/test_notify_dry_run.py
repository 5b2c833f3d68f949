"""The dry run (`POST /v1/rules/evaluate`): what the platform would do with an event,
writing nothing, answered by the intake's own code; and the explain trace it shares with
the notifications the intake makes."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import event as outcome
from hypothesis import strategies as st
from sqlalchemy import func, select

from notify.events.models import Event
from notify.notifications.models import Notification
from notify.rules.trace import Trace
from notify.testing import care_leaver_facts, cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService

MET = "police-metropolitan"
CAMDEN = "E09000007"


async def _dry_run(service: InProcessService, body: dict[str, Any], client: str = "demo-camden"):  # type: ignore[no-untyped-def]
    caller = await service.as_client(client)
    return await caller.post("/v1/rules/evaluate", json=body)


def _detention(detained_at: datetime, **overrides: Any) -> dict[str, Any]:
    return incident_data(
        "custody_detention",
        detained_at,
        setting="custody",
        recorded_by=MET,
        recorded_by_kind="police",
        detained_at=detained_at.isoformat(),
        custody_suite="Holborn custody suite",
        **overrides,
    )


async def _counts(service: InProcessService) -> tuple[int, int]:
    async with service.session_factory() as session:
        events = await session.scalar(select(func.count()).select_from(Event))
        notifications = await session.scalar(select(func.count()).select_from(Notification))
    return events or 0, notifications or 0


async def test_a_dry_run_says_what_each_rule_made_of_a_detention_and_writes_nothing(
    service: InProcessService,
) -> None:
    detained = datetime(2026, 11, 27, 2, 10, tzinfo=UTC)
    event = cloud_event("custody.detained", _detention(detained), time=detained)

    response = await _dry_run(service, event)

    assert response.status_code == 200, response.text
    answer = response.json()
    assert set(answer["matched_rules"]) == {
        "police-contact-looked-after",
        "custody-child-appropriate-adult",
        "london-child-information-form",
    }
    considered = {rule["rule"]: rule for rule in answer["considered"]}
    assert considered["police-contact-care-leaver"]["matched"] is False
    assert considered["police-contact-care-leaver"]["why"] == (
        "status is 'looked_after', the rule needs 'care_leaver'"
    )
    [adult] = [n for n in answer["notifications"] if n["rule"] == "custody-child-appropriate-adult"]
    assert adult["recipient"] == {"org": CAMDEN, "role": "responsible_authority"}
    assert adult["duty_holder"] == MET
    assert adult["due_at"] == "2026-11-27T03:10:00Z"
    trace = adult["trace"]
    assert {c["fact"]: (c["value"], c["held"]) for c in trace["rule"]["conditions"]} == {
        "status": ("looked_after", True),
        "under_18": (True, True),
    }
    assert trace["recipient"]["how"] == "responsible authority from the legal status"
    assert trace["duty_holder"]["how"] == "the organisation that recorded the incident"
    assert (trace["deadline"]["anchor"], trace["deadline"]["unit"]) == ("time", "hours")
    yots = [n for n in answer["notifications"] if n["recipient"]["role"] == "home_yot"]
    assert yots[0]["trace"]["recipient"]["how"] == "home YOT of the responsible authority"
    assert await _counts(service) == (0, 0)


async def test_the_simpler_form_takes_facts_and_dates_and_shows_the_days_skipped(
    service: InProcessService,
) -> None:
    data = placement_data(date(2026, 12, 22), emergency=True)
    body = {
        "type": "placement.started",
        "time": "2026-12-22T09:00:00Z",
        "facts": {k: v for k, v in data.items() if k != "start_date"},
        "dates": {"start_date": "2026-12-22"},
    }

    response = await _dry_run(service, body)

    assert response.status_code == 200, response.text
    [area] = [
        n for n in response.json()["notifications"] if n["recipient"]["role"] == "area_authority"
    ]
    assert area["due_at"] == "2026-12-31T23:59:59Z"
    assert area["remind_at"] == "2026-12-31T00:00:00Z"
    assert area["trace"]["deadline"]["skipped"] == [
        {"day": "2026-12-25", "why": "bank holiday: Christmas Day"},
        {"day": "2026-12-26", "why": "bank holiday: Boxing Day"},
        {"day": "2026-12-27", "why": "weekend"},
        {"day": "2026-12-28", "why": "bank holiday: Boxing Day (observed)"},
    ]


async def test_a_withheld_notification_says_which_rule_withheld_it_on_which_fact(
    service: InProcessService,
) -> None:
    time = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
    data = {
        **_detention(time),
        **care_leaver_facts(effective_date="2026-11-27", notify_personal_adviser_consent="refused"),
    }

    answer = (await _dry_run(service, cloud_event("custody.detained", data, time=time))).json()

    [withheld] = answer["withheld"]
    assert withheld["status"] == "withheld"
    assert withheld["trace"]["withheld"]["rule"] == "police-contact-care-leaver-no-consent"
    assert withheld["trace"]["withheld"]["reason"] == (
        "consent to notify the personal adviser is refused"
    )
    facts = {f["fact"]: f["value"] for f in withheld["trace"]["withheld"]["facts"]}
    assert facts["notify_personal_adviser_consent"] == "refused"


async def test_a_dry_run_of_an_incomplete_event_names_every_missing_fact_as_the_intake_does(
    service: InProcessService,
) -> None:
    time = datetime(2026, 11, 27, 2, 10, tzinfo=UTC)
    data = _detention(time)
    del data["status"]
    del data["responsible_authority"]
    event = cloud_event("custody.detained", data, time=time)
    platform = await service.as_client("platform-services")

    dry = await _dry_run(service, event)
    intake = await platform.post("/v1/events", json=event)

    assert (dry.status_code, intake.status_code) == (422, 422)
    assert dry.json()["errors"] == intake.json()["errors"]
    fields = {error["field"] for error in dry.json()["errors"]}
    assert {"data.status", "data.responsible_authority"} <= fields


async def test_the_dry_run_needs_the_rules_read_scope(service: InProcessService) -> None:
    caller = await service.as_client("demo-camden", scope="notifications:read")

    response = await caller.post("/v1/rules/evaluate", json={"type": "custody.detained"})

    assert response.status_code == 403


async def test_a_notification_shows_its_trace_and_a_one_line_explanation(
    service: InProcessService,
) -> None:
    time = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
    platform = await service.as_client("platform-services")
    event = cloud_event(
        "placement.started", placement_data(date(2026, 12, 22), emergency=True), time=time
    )
    receipt = (await platform.post("/v1/events", json=event)).json()
    [area] = [n for n in receipt["notifications"] if n["recipient"]["role"] == "area_authority"]
    derbyshire = await service.as_client("demo-derbyshire")

    detail = (await derbyshire.get(f"/v1/notifications/{area['id']}")).json()

    assert detail["trace"]["rule"]["rule"] == "placement-out-of-area"
    assert detail["trace"]["deadline"]["anchor"] == "start_date"
    assert len(detail["trace"]["deadline"]["skipped"]) == 4
    assert detail["explain"] == (
        "rule placement-out-of-area: every condition held; to E10000007 (area authority of "
        "the placement); due 5 working_days after start_date, 4 days skipped"
    )


# The dry run and the intake agree -------------------------------------------------------------

_DAYS = st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 12, 31))
_HOURS = st.integers(min_value=0, max_value=23)


@st.composite
def _events(draw: st.DrawFn) -> dict[str, Any]:
    day = draw(_DAYS)
    time = datetime(day.year, day.month, day.day, draw(_HOURS), 10, tzinfo=UTC)
    leaver = draw(st.booleans())
    facts: dict[str, Any] = (
        care_leaver_facts(
            effective_date=day.isoformat(),
            notify_personal_adviser_consent=draw(st.sampled_from(["given", "refused", "unknown"])),
        )
        if leaver
        else {"placed_out_of_area": draw(st.booleans())}
    )
    if not leaver and not facts["placed_out_of_area"]:
        facts["area_authority"] = CAMDEN
    kind = draw(st.sampled_from(["placement.started", "custody.detained", "arrest.recorded"]))
    if kind == "placement.started":
        data = placement_data(day, emergency=draw(st.booleans()), **facts)
    else:
        data = {**_detention(time), **facts, "effective_date": day.isoformat()}
    if draw(st.booleans()):
        del data[draw(st.sampled_from(sorted(data)))]  # an incomplete event now and then
    return cloud_event(kind, data, time=time, id=str(uuid.uuid4()))


async def _made(service: InProcessService, event_id: str) -> list[tuple[Any, ...]]:
    async with service.session_factory() as session:
        rows = await session.scalars(select(Notification).where(Notification.event_id == event_id))
        return sorted(
            (
                row.rule_id,
                row.recipient_org,
                row.recipient_role,
                row.status,
                row.due_at,
                row.remind_at,
                row.duty_holder,
                Trace.model_validate(row.trace).model_dump_json(),
            )
            for row in rows
        )


def _answered(answer: dict[str, Any]) -> list[tuple[Any, ...]]:
    def instant(value: str | None) -> datetime | None:
        return datetime.fromisoformat(value) if value else None

    return sorted(
        (
            n["rule"],
            n["recipient"]["org"],
            n["recipient"]["role"],
            n["status"],
            instant(n["due_at"]),
            instant(n["remind_at"]),
            n["duty_holder"],
            Trace.model_validate(n["trace"]).model_dump_json(),
        )
        for n in answer["notifications"] + answer["withheld"]
    )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(event=_events())
async def test_the_dry_run_and_the_intake_make_the_same_notifications(
    service: InProcessService, event: dict[str, Any]
) -> None:
    platform = await service.as_client("platform-services")

    dry = await _dry_run(service, event)
    intake = await platform.post("/v1/events", json=event)

    outcome(f"intake {intake.status_code}, {len(intake.json().get('notifications', []))} made")
    if intake.status_code == 422:
        assert dry.status_code == 422, dry.text
        assert dry.json()["errors"] == intake.json()["errors"]
        return
    assert (intake.status_code, dry.status_code) == (201, 200), (intake.text, dry.text)
    assert dry.json()["matched_rules"] == intake.json()["matched_rules"]
    assert _answered(dry.json()) == await _made(service, event["id"])


async def test_a_dry_run_with_data_and_facts_both_or_a_bad_envelope_is_refused_naming_it(
    service: InProcessService,
) -> None:
    both = await _dry_run(service, {"type": "custody.detained", "data": {}, "facts": {}})
    envelope = await _dry_run(service, {"type": "\u00ffW", "data": {}})

    assert both.status_code == 422
    assert [e["field"] for e in both.json()["errors"]] == ["body.data"]
    assert envelope.status_code == 422
    assert [e["field"] for e in envelope.json()["errors"]] == ["body.type"]
    assert await _counts(service) == (0, 0)
