"""`/metrics` of notify-api: the delivery backlog, attempts by outcome, endpoint states,
duties and the event intake, as an operator's Prometheus reads them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from prometheus_client.parser import text_string_to_metric_families

from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, placement_data, seeded_worker
from platform_shared.calendar import utc_now
from platform_shared.testing import InProcessService, free_port

T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


async def _samples(
    service: InProcessService,
) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    anonymous = await service.as_client(None)
    answer = await anonymous.get("/metrics")
    assert answer.status_code == 200
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


async def test_backlog_attempts_endpoint_states_and_intake_are_counted(
    service: InProcessService, settings: Settings
) -> None:
    camden = await service.as_client("demo-camden")
    # Nothing listens on this port: every push is refused and retried later.
    registered = await camden.post(
        "/v1/endpoints",
        json={"channel": "webhook", "url": f"http://127.0.0.1:{free_port()}/hooks"},
    )
    assert registered.status_code == 201, registered.text
    platform = await service.as_client("platform-services")
    event = cloud_event("incident.recorded", incident_data("behaviour", T0), time=T0)
    assert (await platform.post("/v1/events", json=event)).status_code == 201
    assert (await platform.post("/v1/events", json=event)).status_code == 200
    lacking = placement_data(date(2026, 12, 22), emergency=True)
    del lacking["responsible_authority"]
    refused = cloud_event("placement.started", lacking, time=T0, source="care-status-api")
    assert (await platform.post("/v1/events", json=refused)).status_code == 422

    before = await _samples(service)
    assert before[("notify_delivery_backlog", (("channel", "webhook"),))] == 1
    assert before[("notify_delivery_due", (("channel", "webhook"),))] == 1
    assert before[("notify_delivery_backlog", (("channel", "email"),))] == 0
    assert before[("notify_delivery_oldest_pending_age_seconds", (("channel", "webhook"),))] >= 0
    assert (
        before[("notify_deliveries", (("endpoint_state", "enabled"), ("status", "pending")))] == 1
    )
    assert before[("notify_delivery_attempts_total", (("outcome", "retry"),))] == 0
    assert before[("notify_events_received_total", (("outcome", "accepted"),))] == 1
    assert before[("notify_events_received_total", (("outcome", "repeat"),))] == 1
    assert before[("notify_events_received_total", (("outcome", "refused"),))] == 1

    worker = seeded_worker(
        service.session_factory,
        settings,
        Clock(utc_now().replace(microsecond=0) + timedelta(seconds=1)),
        delivery_timeout_seconds=0.5,
    )
    try:
        assert await worker.deliver_due() == 1
    finally:
        await worker.aclose()

    after = await _samples(service)
    assert after[("notify_delivery_attempts_total", (("outcome", "retry"),))] == 1
    assert after[("notify_delivery_attempts_total", (("outcome", "delivered"),))] == 0
    # Still pending, but waiting for its retry: not due, so no worker is added for it.
    assert after[("notify_delivery_backlog", (("channel", "webhook"),))] == 1
    assert after[("notify_delivery_due", (("channel", "webhook"),))] == 0
    assert after[("notify_delivery_oldest_due_age_seconds", (("channel", "webhook"),))] == 0
    assert after[("outbox_pending_events", ())] == 0


async def test_overdue_and_breached_duties_are_counted_by_rule(
    clocked_service: InProcessService, clock: Clock, settings: Settings
) -> None:
    service = clocked_service
    platform = await service.as_client("platform-services")
    event = cloud_event("incident.recorded", incident_data("behaviour", T0), time=T0)
    answer = await platform.post("/v1/events", json=event)
    assert answer.status_code == 201, answer.text
    rules = {n["rule"] for n in answer.json()["notifications"]}
    assert rules

    clock.now = T0 + timedelta(days=30)
    worker = seeded_worker(service.session_factory, settings, clock)
    try:
        await worker.sweep()
    finally:
        await worker.aclose()

    samples = await _samples(service)
    overdue = {
        dict(labels)["rule"]: value
        for (name, labels), value in samples.items()
        if name == "notify_duties_overdue"
    }
    # Every rule reads 0 but those of the incident, now overdue.
    assert set(overdue) >= rules
    assert {rule for rule, value in overdue.items() if value > 0} == rules
    breached = {
        dict(labels)["rule"]
        for (name, labels), _value in samples.items()
        if name == "notify_duties_breached_total"
    }
    assert breached >= rules
