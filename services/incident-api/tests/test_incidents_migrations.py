"""The migrations create exactly the tables the models describe, on both backends."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Connection

import incidents.checklist.models
import incidents.incidents.models
from incidents.main import MIGRATIONS
from platform_shared.audit import AuditEntry
from platform_shared.db import Base, UTCDateTime, create_engine
from platform_shared.idempotency import IdempotencyRecord
from platform_shared.migrations import alembic_config, schema_differences
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


#: The incidents table as revision 0003 left it (the columns a row needs).
INCIDENT_0003 = sa.table(
    "incidents",
    *(
        sa.column(name, kind)
        for name, kind in [
            ("id", sa.Uuid()),
            ("created_at", UTCDateTime()),
            ("updated_at", UTCDateTime()),
            ("version", sa.Integer()),
            ("person_ref", sa.String()),
            ("occurred_at", UTCDateTime()),
            ("kind", sa.String()),
            ("setting", sa.String()),
            ("recorded_by", sa.String()),
            ("recorded_by_kind", sa.String()),
            ("cooling_off_applies", sa.Boolean()),
            ("exploitation_concern", sa.Boolean()),
            ("staff_involved", sa.Boolean()),
            ("police_involved", sa.Boolean()),
            ("facts_status", sa.String()),
        ]
    ),
)


async def test_revision_0004_keeps_existing_incidents_with_the_new_fields_empty(
    database_url: str,
) -> None:
    config = alembic_config(MIGRATIONS, database_url)
    await asyncio.to_thread(command.downgrade, config, "0003")
    made = datetime(2026, 6, 10, 13, 0, tzinfo=UTC)
    row = {
        "id": uuid.uuid4(),
        "created_at": made,
        "updated_at": made,
        "version": 1,
        "person_ref": "child-camden-1",
        "occurred_at": made,
        "kind": "behaviour",
        "setting": "placement",
        "recorded_by": "provider-demo-home",
        "recorded_by_kind": "provider",
        "cooling_off_applies": False,
        "exploitation_concern": False,
        "staff_involved": False,
        "police_involved": False,
        "facts_status": "pending",
    }
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(sa.insert(INCIDENT_0003).values(row))
        await asyncio.to_thread(command.upgrade, config, "head")
        table = incidents.incidents.models.Incident.__table__
        async with engine.connect() as connection:
            stored = (
                await connection.execute(
                    sa.select(
                        table.c.measure_planned_in_ehc_plan,
                        table.c.measure_of_control,
                        table.c.london_incident_level,
                        table.c.hearing_date,
                        table.c.send_or_disability,
                        table.c.version,
                    )
                )
            ).one()
    finally:
        await engine.dispose()

    assert tuple(stored) == (False, None, None, None, None, 1)


async def test_revision_0006_keeps_existing_incidents_with_no_recorder_client(
    database_url: str,
) -> None:
    """Issue 15 finding 2: the recorder's client is new; incidents stored before keep
    every field and have none (their late facts read goes without the header)."""
    config = alembic_config(MIGRATIONS, database_url)
    await asyncio.to_thread(command.downgrade, config, "0005")
    made = datetime(2026, 6, 10, 13, 0, tzinfo=UTC)
    row = {
        "id": uuid.uuid4(),
        "created_at": made,
        "updated_at": made,
        "version": 1,
        "person_ref": "child-camden-1",
        "occurred_at": made,
        "kind": "behaviour",
        "setting": "placement",
        "recorded_by": "provider-demo-home",
        "recorded_by_kind": "provider",
        "cooling_off_applies": False,
        "exploitation_concern": False,
        "staff_involved": False,
        "police_involved": False,
        "facts_status": "pending",
    }
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(sa.insert(INCIDENT_0003).values(row))
        await asyncio.to_thread(command.upgrade, config, "head")
        table = incidents.incidents.models.Incident.__table__
        async with engine.connect() as connection:
            stored = (
                await connection.execute(
                    sa.select(table.c.recorded_by, table.c.recorded_by_client, table.c.version)
                )
            ).one()
    finally:
        await engine.dispose()

    assert tuple(stored) == ("provider-demo-home", None, 1)
