"""Cursor pages: a cursor returned by a list brings the next page; any other is a 422."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest
from fastapi import FastAPI

from platform_shared.problems import Invalid, install_problem_handlers
from platform_shared.web.pagination import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    Cursor,
    Limit,
    Page,
    decode_cursor,
    decode_instant_cursor,
    encode_cursor,
    instant_cursor,
    next_cursor_of,
)

NUMBERS = list(range(1, 8))


class NumberPage(Page[int]):
    pass


def numbers_app() -> FastAPI:
    """A list of the numbers 1..7, paged by the last number returned."""
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/numbers")
    async def numbers(cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> NumberPage:
        after = decode_cursor(cursor, 1)[0] if cursor else 0
        rows = [n for n in NUMBERS if n > after][: limit + 1]
        items, next_cursor = next_cursor_of(rows, limit, lambda n: [n])
        return NumberPage(items=items, next_cursor=next_cursor)

    return app


async def get_numbers(params: dict[str, object]) -> httpx.Response:
    transport = httpx.ASGITransport(app=numbers_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.get("/numbers", params=params)  # type: ignore[arg-type]


async def test_following_next_cursor_reads_every_item_once_in_order() -> None:
    seen: list[int] = []
    cursor = None

    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = (await get_numbers(params)).json()
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert seen == NUMBERS


@pytest.mark.parametrize(
    "cursor",
    ["not-base64-json!", encode_cursor(["a", "b"]), encode_cursor([]), "eyJhIjoxfQ"],
    ids=["garbage", "wrong-arity", "empty", "an-object"],
)
async def test_a_cursor_this_list_did_not_make_is_a_422_naming_query_cursor(cursor: str) -> None:
    response = await get_numbers({"cursor": cursor})

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["query.cursor"]


@pytest.mark.parametrize("limit", [0, MAX_LIMIT + 1])
async def test_a_limit_out_of_range_is_a_422_naming_query_limit(limit: int) -> None:
    response = await get_numbers({"limit": limit})

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["query.limit"]


def test_a_cursor_is_url_safe_and_holds_its_sort_key() -> None:
    position = ["2024-05-01T10:00:00+00:00", "a/b+c?", None, 3]

    cursor = encode_cursor(position)

    assert set(cursor) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert decode_cursor(cursor, 4) == position


def test_an_instant_cursor_round_trips_the_instant_and_the_row() -> None:
    at = datetime(2024, 5, 1, 11, 30, tzinfo=timezone(timedelta(hours=1)))
    row = uuid.uuid4()

    assert decode_instant_cursor(instant_cursor(at, row)) == (at, row)


@pytest.mark.parametrize(
    "position",
    [["2024-05-01T10:00:00", str(uuid.UUID(int=1))], ["2024-05-01T10:00:00+00:00", "x"], [1, 2]],
    ids=["naive-instant", "not-a-uuid", "numbers"],
)
def test_an_instant_cursor_with_a_bad_key_is_invalid_on_query_cursor(
    position: list[object],
) -> None:
    with pytest.raises(Invalid) as raised:
        decode_instant_cursor(encode_cursor(position))

    assert [issue.field for issue in raised.value.errors] == ["query.cursor"]


def test_next_cursor_of_a_full_fetch_is_the_key_of_the_last_item_kept() -> None:
    rows = [(datetime(2024, 1, day, tzinfo=UTC), day) for day in range(1, 5)]

    page, cursor = next_cursor_of(rows, 3, lambda row: [row[1]])

    assert page == rows[:3]
    assert cursor is not None
    assert decode_cursor(cursor, 1) == [3]


@pytest.mark.parametrize("fetched", [0, 2, 3])
def test_next_cursor_of_the_last_page_is_none(fetched: int) -> None:
    rows = list(range(fetched))

    page, cursor = next_cursor_of(rows, 3, lambda row: [row])

    assert page == rows
    assert cursor is None
