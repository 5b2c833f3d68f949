"""`run_retrying`: a transaction PostgreSQL ends for a deadlock runs again, whole."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from platform_shared.db import create_engine, create_session_factory, run_retrying
from platform_shared.testing import DatabaseFactories, postgres_unavailable_reason

from .conftest import MIGRATIONS

BUMP = text("UPDATE counters SET n = n + 1 WHERE id = :id")


async def test_the_victim_of_a_deadlock_runs_again_and_both_commit(
    database_factories: DatabaseFactories,
) -> None:
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)  # a deadlock needs row locks: PostgreSQL only
    url = await database_factories.get(MIGRATIONS, "postgresql").acreate()
    engine = create_engine(url, pool_size=4)
    sessions = create_session_factory(engine)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE counters (id int PRIMARY KEY, n int)"))
            await connection.execute(text("INSERT INTO counters VALUES (1, 0), (2, 0)"))
        runs = {"a": 0, "b": 0}
        holding = {"a": asyncio.Event(), "b": asyncio.Event()}

        async def bump_both(session: AsyncSession, name: str, other: str, first: int) -> None:
            runs[name] += 1
            await session.execute(BUMP, {"id": first})
            if runs[name] == 1:  # the first run of each waits until both hold a row
                holding[name].set()
                await holding[other].wait()
            await session.execute(BUMP, {"id": 3 - first})

        async def transaction(name: str, other: str, first: int) -> None:
            async with sessions() as session:
                await run_retrying(session, lambda: bump_both(session, name, other, first))
                await session.commit()

        await asyncio.wait_for(
            asyncio.gather(transaction("a", "b", 1), transaction("b", "a", 2)), timeout=60
        )
        async with engine.connect() as connection:
            counts = (await connection.execute(text("SELECT n FROM counters ORDER BY id"))).all()
    finally:
        await engine.dispose()

    assert sorted(runs.values()) == [1, 2]  # one transaction was the victim, and ran again
    assert [row.n for row in counts] == [2, 2]  # each committed both its updates, once
