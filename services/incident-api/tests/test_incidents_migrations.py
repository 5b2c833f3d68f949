"""The migrations create exactly the tables the models describe, on both backends."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

import incidents.checklist.models
import incidents.incidents.models
from platform_shared.audit import AuditEntry
from platform_shared.db import Base, create_engine
from platform_shared.idempotency import IdempotencyRecord
from platform_shared.migrations import schema_differences
from platform_shared.outbox import OutboxEvent

OWN_TABLES = {
    model.__table__.name
    for model in (
        incidents.incidents.models.Incident,
        incidents.checklist.models.ChecklistSection,
        AuditEntry,
        IdempotencyRecord,
        OutboxEvent,
    )
}


async def test_migrated_schema_matches_the_models(database_url: str) -> None:
    def differences(connection: Connection) -> list[Any]:
        return schema_differences(connection, Base.metadata, OWN_TABLES)

    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            diff = await connection.run_sync(differences)
    finally:
        await engine.dispose()

    assert diff == []
