"""Dates and instants in requests are ISO 8601 text: a number is refused, naming the field.

pydantic would otherwise read `0` or `0.5` as a Unix time (1970-01-01).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from notify.events.models import Event
from notify.testing import cloud_event, incident_data, placement_data
from platform_shared.testing import InProcessService

TIME = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


async def _events_stored(service: InProcessService) -> int:
    async with service.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(Event)) or 0)


def _fields(response: Any) -> set[str]:
    return {error["field"] for error in response.json()["errors"]}


@pytest.mark.parametrize("number", [0, 1.5, "0.5"])
async def test_event_time_written_as_a_number_is_refused(
    service: InProcessService, number: object
) -> None:
    platform = await service.as_client("platform-services")
    event = cloud_event("weather.changed", {}, time=TIME)
    event["time"] = number

    response = await platform.post("/v1/events", json=event)

    assert response.status_code == 422
    assert _fields(response) == {"body.time"}
    assert await _events_stored(service) == 0


async def test_a_date_in_event_data_written_as_a_number_is_refused(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    data = placement_data(date(2026, 12, 22), emergency=True)
    data["start_date"] = 0

    response = await platform.post(
        "/v1/events", json=cloud_event("placement.started", data, time=TIME)
    )

    assert response.status_code == 422
    assert "data.start_date" in _fields(response)
    assert await _events_stored(service) == 0


async def test_an_instant_in_event_data_written_as_a_number_is_refused(
    service: InProcessService,
) -> None:
    platform = await service.as_client("platform-services")
    data = incident_data("arrest", TIME)
    data["occurred_at"] = 1766394000

    response = await platform.post(
        "/v1/events", json=cloud_event("arrest.recorded", data, time=TIME)
    )

    assert response.status_code == 422
    assert "data.occurred_at" in _fields(response)
    assert await _events_stored(service) == 0


async def test_inbox_due_before_written_as_a_number_is_refused(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.get("/v1/notifications", params={"due_before": "0.5"})

    assert response.status_code == 422
    assert _fields(response) == {"query.due_before"}


@pytest.mark.parametrize("parameter", ["from", "to"])
async def test_figures_period_written_as_a_number_is_refused(
    service: InProcessService, parameter: str
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.get("/v1/figures", params={parameter: "0.5"})

    assert response.status_code == 422
    assert _fields(response) == {f"query.{parameter}"}


async def test_figures_period_written_as_iso_8601_is_accepted(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.get(
        "/v1/figures", params={"from": "2026-12-01T00:00:00Z", "to": "2027-01-01T00:00:00+00:00"}
    )

    assert response.status_code == 200
    assert response.json()["period_to"] == "2027-01-01T00:00:00Z"


# The convention of every point in time in a query (docs/api-changes.md): a day means
# 00:00 Europe/London on it, and a period's `to` given as a day includes that day.
async def test_figures_period_given_as_days_includes_both_days(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.get("/v1/figures", params={"from": "2026-07-01", "to": "2026-07-31"})

    assert response.status_code == 200
    assert _instant(response.json()["period_from"]) == datetime(2026, 6, 30, 23, tzinfo=UTC)
    assert _instant(response.json()["period_to"]) == datetime(2026, 7, 31, 23, tzinfo=UTC)


async def test_figures_period_given_as_days_in_winter_is_utc_midnight(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.get("/v1/figures", params={"from": "2026-12-01", "to": "2027-01-31"})

    assert _instant(response.json()["period_from"]) == datetime(2026, 12, 1, tzinfo=UTC)
    assert _instant(response.json()["period_to"]) == datetime(2027, 2, 1, tzinfo=UTC)


async def test_a_day_that_does_not_exist_is_refused_naming_the_parameter(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.get("/v1/notifications", params={"due_before": "2026-02-30"})

    assert response.status_code == 422
    assert _fields(response) == {"query.due_before"}


async def test_inbox_due_before_given_as_a_day_is_london_midnight(
    service: InProcessService,
) -> None:
    await _post_placement(service)
    derbyshire = await service.as_client("demo-derbyshire")

    # due 23:59:59 on 31 December: before 1 January, not before 31 December.
    before_new_year = await derbyshire.get(
        "/v1/notifications", params={"due_before": "2027-01-01", "rule": "placement-out-of-area"}
    )
    before_the_31st = await derbyshire.get(
        "/v1/notifications", params={"due_before": "2026-12-31", "rule": "placement-out-of-area"}
    )

    assert before_new_year.status_code == 200
    assert len(before_new_year.json()["items"]) == 1
    assert before_the_31st.json()["items"] == []


async def _post_placement(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")
    data = placement_data(date(2026, 12, 22), emergency=True)
    response = await platform.post(
        "/v1/events", json=cloud_event("placement.started", data, time=TIME)
    )
    assert response.status_code in (200, 201, 202), response.text


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)
