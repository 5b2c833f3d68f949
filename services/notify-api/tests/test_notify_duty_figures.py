"""Duty figures (`GET /v1/figures/duties`) with literal dates: per rule and recipient,
rates with their denominator, time to acknowledge, a weekly series, CSV, partnerships."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from notify.delivery.worker import DeliveryWorker
from notify.main import create_app, load_rules
from notify.settings import Settings
from notify.testing import Clock, cloud_event, placement_data
from platform_shared.testing import InProcessService, serve_in_process

DERBYSHIRE = "E10000007"
CAMDEN = "E09000007"


@pytest.fixture
def partnered(settings: Settings) -> Settings:
    return settings.model_copy(update={"partnerships": {"camden-derbyshire": [CAMDEN, DERBYSHIRE]}})


@pytest.fixture
async def figures_service(
    partnered: Settings, auth: Any, clock: Clock
) -> AsyncIterator[InProcessService]:
    app = create_app(partnered, clock=clock)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


async def _place(service: InProcessService, clock: Clock, start: date, placement: str) -> Any:
    clock.now = datetime(start.year, start.month, start.day, 9, 0, tzinfo=UTC)
    platform = await service.as_client("platform-services")
    data = placement_data(start, emergency=True, placement_id=placement)
    response = await platform.post(
        "/v1/events", json=cloud_event("placement.started", data, time=clock.now)
    )
    assert response.status_code == 201, response.text
    return next(n for n in response.json()["notifications"] if n["recipient"]["org"] == DERBYSHIRE)


async def _sweep(service: InProcessService, settings: Settings, now: datetime) -> None:
    worker = DeliveryWorker(
        service.session_factory,
        settings=settings,
        catalogue=load_rules(settings),
        clock=lambda: now,
    )
    try:
        await worker.sweep()
    finally:
        await worker.aclose()


async def test_duty_figures_per_rule_and_recipient_with_rate_times_and_a_weekly_series(
    figures_service: InProcessService, partnered: Settings, clock: Clock
) -> None:
    service = figures_service
    derbyshire = await service.as_client("demo-derbyshire")
    # Mon 7 Dec 2026: met after one hour. Tue 8 Dec: met after three hours.
    # Mon 14 Dec: left; due Mon 21 Dec, overdue at the sweep of Tue 22 Dec.
    first = await _place(service, clock, date(2026, 12, 7), "pl_a")
    clock.now += timedelta(hours=1)
    await derbyshire.post(f"/v1/notifications/{first['id']}/acknowledge")
    second = await _place(service, clock, date(2026, 12, 8), "pl_b")
    clock.now += timedelta(hours=3)
    await derbyshire.post(f"/v1/notifications/{second['id']}/acknowledge")
    await _place(service, clock, date(2026, 12, 14), "pl_c")
    await _sweep(service, partnered, datetime(2026, 12, 22, 0, 0, 1, tzinfo=UTC))
    clock.now = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)

    response = await derbyshire.get(
        "/v1/figures/duties", params={"from": "2026-12-07", "to": "2026-12-20"}
    )

    assert response.status_code == 200, response.text
    figures = response.json()
    [area] = [
        r
        for r in figures["rows"]
        if (r["rule"], r["recipient_org"]) == ("placement-out-of-area", DERBYSHIRE)
    ]
    assert (area["made"], area["met_on_time"], area["met_late"], area["overdue"]) == (3, 2, 0, 1)
    assert (area["on_time_rate"], area["rate_denominator"]) == (0.6667, 3)
    assert area["breaches"] == 1
    # The overdue one's ladder: Derbyshire's escalation contact, Camden as duty holder,
    # Camden's head of service (a statutory breach).
    assert area["escalations"] == 3
    assert area["median_seconds_to_acknowledge"] == 7200
    assert area["p90_seconds_to_acknowledge"] == 10800
    # The home health body's notifications are Camden's concern, not Derbyshire's.
    assert {r["recipient_org"] for r in figures["rows"]} == {DERBYSHIRE}
    assert [(p["period_start"], p["made"], p["met_on_time"]) for p in figures["series"]] == [
        ("2026-12-07", 2, 2),
        ("2026-12-14", 1, 0),
    ]

    as_csv = await derbyshire.get(
        "/v1/figures/duties",
        params={"from": "2026-12-07", "to": "2026-12-20"},
        headers={"Accept": "text/csv"},
    )
    assert as_csv.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(as_csv.text)))
    [row] = [line for line in lines if line["rule"] == "placement-out-of-area"]
    assert (row["period"], row["made"], row["on_time_rate"]) == (
        "2026-12-07/2026-12-20",
        "3",
        "0.6667",
    )
    assert [line["period"] for line in lines if line["rule"] == "*"][1:] == [
        "week:2026-12-07",
        "week:2026-12-14",
    ]

    # Camden's partnership with Derbyshire: every authority's duties of the period.
    camden = await service.as_client("demo-camden")
    partnership = (
        await camden.get(
            "/v1/figures/duties",
            params={
                "from": "2026-12-07",
                "to": "2026-12-20",
                "partnership": "camden-derbyshire",
                "series": "month",
            },
        )
    ).json()
    assert partnership["organisations"] == [CAMDEN, DERBYSHIRE]
    assert {r["recipient_org"] for r in partnership["rows"]} == {
        DERBYSHIRE,
        "health-E10000007",
        "health-E09000007",
    }
    assert [p["period_start"] for p in partnership["series"]] == ["2026-12-01"]


async def test_a_partnership_the_caller_is_not_part_of_is_refused(
    figures_service: InProcessService,
) -> None:
    yot = await figures_service.as_client("demo-met-custody")

    response = await yot.get("/v1/figures/duties", params={"partnership": "camden-derbyshire"})

    assert response.status_code == 403


async def test_an_unknown_partnership_and_a_backwards_period_are_named(
    figures_service: InProcessService,
) -> None:
    camden = await figures_service.as_client("demo-camden")

    unknown = await camden.get("/v1/figures/duties", params={"partnership": "nowhere"})
    backwards = await camden.get(
        "/v1/figures/duties", params={"from": "2026-12-07", "to": "2026-12-01"}
    )

    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "query.partnership"
    assert backwards.status_code == 422
    assert backwards.json()["errors"][0]["field"] == "query.to"


def test_a_partnership_of_unknown_authorities_stops_the_service(settings: Settings) -> None:
    from notify.rules.catalogue import RuleFileError

    with pytest.raises(RuleFileError, match="'E99' is not a local authority"):
        create_app(settings.model_copy(update={"partnerships": {"x": ["E99"]}}))
