"""The migrations build exactly the models' schema, and lookups probe an index."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from care_status import models
from care_status.models import Base
from platform_shared.db import create_engine
from platform_shared.migrations import schema_differences

OWN_TABLES = {getattr(models, name).__table__.name for name in models.__all__ if name != "Base"}


def _differences(connection: Connection) -> list[Any]:
    return schema_differences(connection, Base.metadata, OWN_TABLES)


async def test_migrations_match_the_models(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            differences = await connection.run_sync(_differences)
    finally:
        await engine.dispose()

    assert differences == []


NAME_PROBE = (
    "SELECT id FROM children WHERE family_name_key = 'obrien' "
    "AND given_name_key = 'siobhan' AND date_of_birth = '2011-02-03'"
)


async def test_lookup_by_name_is_an_index_probe(database_url: str, backend: str) -> None:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            if backend == "sqlite":
                rows = await connection.execute(text("EXPLAIN QUERY PLAN " + NAME_PROBE))
                plan = " ".join(str(row[-1]) for row in rows)
            else:
                await connection.execute(text("SET enable_seqscan = off"))
                rows = await connection.execute(text("EXPLAIN " + NAME_PROBE))
                plan = " ".join(str(row[0]) for row in rows)
    finally:
        await engine.dispose()

    assert "ix_children_name_key" in plan
