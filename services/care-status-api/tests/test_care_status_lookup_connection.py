"""`driver.lookup_connection`: a lookup's read, then its audit row (on asyncpg itself on
PostgreSQL, through SQLAlchemy on SQLite)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from care_status.driver import lookup_connection
from platform_shared.audit import AuditEntry
from platform_shared.auth import Principal
from platform_shared.db import create_engine

CALLER = Principal(client_id="demo-met-custody", org="police-metropolitan", scopes=frozenset())


class LookupFailed(Exception):
    pass


_COUNT = select(func.count()).select_from(AuditEntry)


async def _audit_rows(url: str) -> list[AuditEntry]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(select(AuditEntry.__table__))
            return [AuditEntry(**row._mapping) for row in rows]
    finally:
        await engine.dispose()


async def test_the_audit_row_is_committed_when_the_connection_is_done(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        async with lookup_connection(engine) as connection:
            assert [tuple(row) for row in await connection.execute(_COUNT, {})] == [(0,)]
            await connection.insert_audit(
                CALLER,
                "lookup",
                subject_type="child",
                subject_id="c-1",
                subject_owner="E09000007",
                purpose="custody",
                outcome="looked_after",
                details={"requester_reference": "CR/1"},
            )
    finally:
        await engine.dispose()

    # Seen from another connection: the same row `record_audit` would have written.
    [row] = await _audit_rows(database_url)
    assert (row.client_id, row.org, row.action, row.subject_id, row.subject_owner) == (
        "demo-met-custody",
        "police-metropolitan",
        "lookup",
        "c-1",
        "E09000007",
    )
    assert (row.purpose, row.outcome, row.details) == (
        "custody",
        "looked_after",
        {"requester_reference": "CR/1"},
    )
    assert row.at.tzinfo is not None


async def test_a_failure_before_the_audit_row_leaves_nothing(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        with pytest.raises(LookupFailed):
            async with lookup_connection(engine) as connection:
                await connection.execute(_COUNT, {})
                raise LookupFailed
        # The connection went back to the pool in a usable state.
        async with lookup_connection(engine) as connection:
            await connection.insert_audit(CALLER, "lookup", outcome="no_record")
    finally:
        await engine.dispose()

    assert [row.outcome for row in await _audit_rows(database_url)] == ["no_record"]


async def test_a_connection_lost_on_postgresql_is_unavailable_and_not_reused(
    database_url: str, backend: str
) -> None:
    """The statements run on asyncpg itself: a server-side kill is SQLAlchemy's
    `OperationalError` (a 503 for the caller), and the dead connection leaves the pool."""
    if backend != "postgresql":
        return  # SQLite has no server to lose; its statements run through SQLAlchemy
    engine = create_engine(database_url, pool_size=1)
    try:
        async with lookup_connection(engine) as connection:
            [(backend_pid,)] = await connection.execute(_BACKEND_PID, {})
        killer = create_engine(database_url)
        async with killer.connect() as other:
            await other.execute(text(f"SELECT pg_terminate_backend({int(backend_pid)})"))
        await killer.dispose()
        with pytest.raises(OperationalError):
            async with lookup_connection(engine) as connection:
                await connection.execute(_COUNT, {})
        # The pool's one connection was replaced: the next lookup runs.
        async with lookup_connection(engine) as connection:
            [(new_pid,)] = await connection.execute(_BACKEND_PID, {})
            await connection.insert_audit(CALLER, "lookup", outcome="no_record")
        assert new_pid != backend_pid
    finally:
        await engine.dispose()

    assert [row.outcome for row in await _audit_rows(database_url)] == ["no_record"]


_BACKEND_PID = select(func.pg_backend_pid())
