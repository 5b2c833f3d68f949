"""History is not news (issue 16): an imported event makes only the duties still open."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from notify.events.imported import ImportedDuty
from notify.notifications.models import Notification
from notify.testing import cloud_event, placement_data
from platform_shared.testing import InProcessService

#: Tuesday 8 December 2026, the day of the import.
IMPORTED_AT = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
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
