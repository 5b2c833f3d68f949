"""History is not news (issue 16): an imported event makes only the duties still open."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from notify.events.imported import ImportedDuty
from notify.notifications.models import Notification
from notify.testing import Clock, cloud_event, placement_data
from platform_shared.testing import InProcessService

#: Tuesday 8 December 2026, the day of the import.
IMPORTED_AT = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
DERBYSHIRE = "E10000007"
IMPORT = {"origin": "import", "import_id": "7d0c1d2e-0000-4000-8000-000000000016"}


async def _count(service: InProcessService, model: type) -> int:
    async with service.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_an_imported_placement_of_years_ago_is_history(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")
    data = {**placement_data(date(2023, 5, 2), emergency=True), **IMPORT}
    response = await platform.post(
        "/v1/events", json=cloud_event("placement.started", data, time=IMPORTED_AT)
    )
    assert response.status_code == 201, response.text
    assert response.json()["matched_rules"] == ["placement-out-of-area"]
    assert response.json()["notifications"] == []
    assert await _count(service, Notification) == 0
    # Counted as imported (area authority and both health bodies), not as late or breached.
    assert await _count(service, ImportedDuty) == 3


async def test_an_imported_placement_still_within_its_window_is_notified(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    data = {**placement_data(date(2026, 12, 6), emergency=True), **IMPORT}
    response = await platform.post(
        "/v1/events", json=cloud_event("placement.started", data, time=IMPORTED_AT)
    )
    assert response.status_code == 201, response.text
    notifications = response.json()["notifications"]
    assert {n["recipient"]["role"] for n in notifications} == {
        "area_authority",
        "area_health",
        "home_health",
    }
    # Sunday 6 December + 5 working days: Friday 11 December.
    assert {n["due_at"] for n in notifications} == {"2026-12-11T23:59:59Z"}
    assert await _count(service, ImportedDuty) == 0


async def test_the_same_placement_recorded_live_is_notified_late(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")
    data = placement_data(date(2023, 5, 2), emergency=True)
    response = await platform.post(
        "/v1/events", json=cloud_event("placement.started", data, time=IMPORTED_AT)
    )
    assert response.status_code == 201, response.text
    assert len(response.json()["notifications"]) == 3
    assert await _count(service, ImportedDuty) == 0


async def test_the_figures_count_imported_history_apart_from_late_or_breached(
    clocked_service: InProcessService, clock: Clock
) -> None:
    clock.now = IMPORTED_AT
    platform = await clocked_service.as_client("platform-services")
    # One placement of 2023, history; one begun two days before the import, still open.
    for placement, start in (("pl_2023", date(2023, 5, 2)), ("pl_2026", date(2026, 12, 6))):
        data = {**placement_data(start, emergency=True, placement_id=placement), **IMPORT}
        response = await platform.post(
            "/v1/events", json=cloud_event("placement.started", data, time=IMPORTED_AT)
        )
        assert response.status_code == 201, response.text
    # A week later, the open duties are still open; the history was never a duty.
    clock.now = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)
    derbyshire = await clocked_service.as_client("demo-derbyshire")
    camden = await clocked_service.as_client("demo-camden")

    figures = (await derbyshire.get("/v1/figures")).json()
    [rule] = [r for r in figures["rules"] if r["rule"] == "placement-out-of-area"]
    assert (rule["notifications"], rule["imported"]) == (1, 1)
    assert (rule["overdue"], rule["breaches"], rule["acknowledged_late"]) == (0, 0, 0)
    # The responsible authority sees every duty of its child: three recipients each.
    [own] = [r for r in (await camden.get("/v1/figures")).json()["rules"]]
    assert (own["rule"], own["notifications"], own["imported"], own["breaches"]) == (
        "placement-out-of-area",
        3,
        3,
        0,
    )
    # The period is the import's, not the placement's start in 2023.
    before = (await camden.get("/v1/figures", params={"to": "2026-12-08T00:00:00Z"})).json()
    assert before["rules"] == []

    duties = await camden.get(
        "/v1/figures/duties", params={"from": "2026-12-07", "to": "2026-12-13"}
    )
    assert duties.status_code == 200, duties.text
    body = duties.json()
    total = body["total"]
    assert (total["made"], total["imported"], total["open"]) == (3, 3, 3)
    assert (total["overdue"], total["breaches"], total["rate_denominator"]) == (0, 0, 0)
    by_recipient = {r["recipient_org"]: (r["made"], r["imported"]) for r in body["rows"]}
    assert by_recipient[DERBYSHIRE] == (1, 1)
    assert [(p["period_start"], p["imported"]) for p in body["series"]] == [("2026-12-07", 3)]
    in_2023 = await camden.get(
        "/v1/figures/duties", params={"from": "2023-05-01", "to": "2023-05-31"}
    )
    assert in_2023.json()["total"]["imported"] == 0
    as_csv = await camden.get(
        "/v1/figures/duties", params={"from": "2026-12-07", "to": "2026-12-13", "format": "csv"}
    )
    lines = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [line["imported"] for line in lines if line["rule"] == "*"] == ["3", "3"]
