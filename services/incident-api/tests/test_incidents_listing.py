"""GET /v1/incidents: filters by person, kind, London date range and authority; cursor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]


@pytest.fixture
async def derbyshire(service: InProcessService, body: Body) -> httpx.AsyncClient:
    """Derbyshire reads five incidents: four of the Camden child placed in its area and
    one of its own child."""
    home = await service.as_client("demo-home-provider")
    police = await service.as_client("demo-derbyshire-police")
    for created in (
        await home.post("/v1/incidents", json=body(occurred_at="2026-05-31T23:30:00+01:00")),
        await home.post("/v1/incidents", json=body(occurred_at="2026-06-01T00:30:00+01:00")),
        await police.post("/v1/incidents", json=body(kind="arrest", setting="community")),
        await home.post(
            "/v1/incidents",
            json=body(person_ref="child-derbyshire-1", occurred_at="2026-06-30T23:30:00+01:00"),
        ),
        await home.post(
            "/v1/incidents",
            json=body(kind="missing_episode", occurred_at="2026-07-01T00:00:00+01:00"),
        ),
    ):
        assert created.status_code == 201, created.text
    return await service.as_client("demo-derbyshire")


def _times(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["occurred_at"] for item in response.json()["items"]]


async def test_newest_first(derbyshire: httpx.AsyncClient) -> None:
    listed = await derbyshire.get("/v1/incidents")

    assert _times(listed) == [
        "2026-06-30T23:00:00Z",
        "2026-06-30T22:30:00Z",
        "2026-06-10T13:00:00Z",
        "2026-05-31T23:30:00Z",
        "2026-05-31T22:30:00Z",
    ]


async def test_date_range_is_in_london_dates(derbyshire: httpx.AsyncClient) -> None:
    june = await derbyshire.get("/v1/incidents", params={"from": "2026-06-01", "to": "2026-06-30"})

    assert _times(june) == [
        "2026-06-30T22:30:00Z",
        "2026-06-10T13:00:00Z",
        "2026-05-31T23:30:00Z",
    ]


async def test_filter_by_person_and_kind(derbyshire: httpx.AsyncClient) -> None:
    by_person = await derbyshire.get("/v1/incidents", params={"person_ref": "child-derbyshire-1"})
    by_kind = await derbyshire.get("/v1/incidents", params={"kind": "arrest"})

    assert _times(by_person) == ["2026-06-30T22:30:00Z"]
    assert [item["kind"] for item in by_kind.json()["items"]] == ["arrest"]


async def test_filter_by_authority(derbyshire: httpx.AsyncClient) -> None:
    camden_children = await derbyshire.get("/v1/incidents", params={"authority": "E09000007"})

    assert len(_times(camden_children)) == 4


async def test_cursor_walks_every_page_once(derbyshire: httpx.AsyncClient) -> None:
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = await derbyshire.get("/v1/incidents", params=params)
        seen += [item["id"] for item in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        pages += 1
        if cursor is None:
            break

    assert pages == 3
    assert len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "fight"}, "query.kind"),
        ({"limit": 201}, "query.limit"),
        ({"cursor": "not-a-cursor"}, "query.cursor"),
        ({"from": "2026-07-01", "to": "2026-06-01"}, "query.to"),
    ],
)
async def test_bad_query_is_refused_naming_it(
    derbyshire: httpx.AsyncClient, params: dict[str, Any], field: str
) -> None:
    refused = await derbyshire.get("/v1/incidents", params=params)

    assert refused.status_code == 422
    assert field in [error["field"] for error in refused.json()["errors"]]
