"""Routers read "now" from the app's clock (`Now`), so tests and apps can fix it."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from fastapi import FastAPI

from platform_shared.web.clock import Clock, Now

FIXED = datetime(2024, 3, 31, 0, 30, tzinfo=UTC)


def clock_app(clock: Clock | None) -> FastAPI:
    app = FastAPI()
    if clock is not None:
        app.state.clock = clock

    @app.get("/now")
    async def now(at: Now) -> dict[str, str]:
        return {"now": at.isoformat()}

    return app


async def read_now(app: FastAPI) -> datetime:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return datetime.fromisoformat((await client.get("/now")).json()["now"])


async def test_now_is_the_apps_clock() -> None:
    assert await read_now(clock_app(lambda: FIXED)) == FIXED


async def test_the_clock_is_read_on_every_request() -> None:
    instants = iter([FIXED, FIXED.replace(hour=1)])
    app = clock_app(lambda: next(instants))

    assert [await read_now(app), await read_now(app)] == [FIXED, FIXED.replace(hour=1)]


async def test_without_a_clock_now_is_the_current_utc_instant() -> None:
    before = datetime.now(UTC)

    now = await read_now(clock_app(None))

    assert now.tzinfo is not None
    assert before <= now <= datetime.now(UTC)
