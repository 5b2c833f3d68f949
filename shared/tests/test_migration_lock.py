"""Every pod migrates in its init container: several `migrate`s of one PostgreSQL database
at once queue on an advisory lock, and each ends with the database at the head."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from platform_shared.db import create_engine
from platform_shared.migrations import MIGRATION_LOCK, head_revision
from platform_shared.testing import (
    _admin_execute,
    _with_database,
    postgres_admin_url,
    postgres_unavailable_reason,
)

MIGRATIONS = Path(__file__).parent / "migrations"


async def _revision_and_tables(url: str) -> tuple[str, int]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            revision = (
                await connection.execute(text("SELECT version_num FROM alembic_version"))
            ).scalar_one()
            outboxes = (
                await connection.execute(
                    text("SELECT count(*) FROM pg_tables WHERE tablename = 'outbox_events'")
                )
            ).scalar_one()
    finally:
        await engine.dispose()
    return str(revision), int(outboxes)


def _migrate_process(url: str) -> subprocess.Popen[str]:
    """`migrate` as a pod's init container runs it: a process of its own."""
    script = (
        "import asyncio, sys; from pathlib import Path; "
        "from platform_shared.migrations import upgrade_to_head; "
        "asyncio.run(upgrade_to_head(Path(sys.argv[1]), sys.argv[2]))"
    )
    return subprocess.Popen(
        [sys.executable, "-c", script, str(MIGRATIONS), url], stderr=subprocess.PIPE, text=True
    )


@pytest.fixture
def empty_database() -> Iterator[str]:
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    name = f"t_lock_{uuid.uuid4().hex[:20]}"
    asyncio.run(_admin_execute(f'CREATE DATABASE "{name}"'))
    try:
        yield _with_database(postgres_admin_url(), name)
    finally:
        asyncio.run(_admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _waits_on_the_lock(url: str, process: subprocess.Popen[str]) -> bool:
    """Whether `migrate` is seen waiting for the advisory lock (before it ends)."""
    engine = create_engine(url)
    try:
        for _ in range(600):
            async with engine.connect() as connection:
                waiting = (
                    await connection.execute(
                        text(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                            "AND objid = :key AND NOT granted"
                        ),
                        {"key": MIGRATION_LOCK},
                    )
                ).scalar_one()
            if waiting or process.poll() is not None:
                return bool(waiting)
            await asyncio.sleep(0.05)
    finally:
        await engine.dispose()
    return False


async def _holding_the_lock(url: str) -> bool:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            process = _migrate_process(url)
            try:
                waited = await _waits_on_the_lock(url, process)
                tables = (
                    await connection.execute(
                        text("SELECT count(*) FROM pg_tables WHERE tablename = 'alembic_version'")
                    )
                ).scalar_one()
            finally:
                await connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK}
                )
            _, errors = process.communicate(timeout=120)
            assert process.returncode == 0, errors
            return waited and tables == 0
    finally:
        await engine.dispose()


def test_migrate_waits_while_another_holds_the_lock(empty_database: str) -> None:
    # Another pod's migrate holds the lock: this one waits, writes nothing, then upgrades.
    assert asyncio.run(_holding_the_lock(empty_database))
    assert asyncio.run(_revision_and_tables(empty_database)) == (head_revision(MIGRATIONS), 1)


def test_concurrent_migrations_of_an_empty_database_all_succeed(empty_database: str) -> None:
    url = empty_database
    runs = [_migrate_process(url) for _ in range(4)]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], errors
    assert asyncio.run(_revision_and_tables(url)) == (head_revision(MIGRATIONS), 1)
