"""Revision 0002 on a database with notifications made before duty holders existed."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import command

from notify.main import MIGRATIONS, create_app
from platform_shared.db import Base, UTCDateTime, create_engine
from platform_shared.migrations import alembic_config, schema_differences
from platform_shared.testing import serve_in_process

from .conftest import make_settings

#: notify-api's tables and the shared library's (other services' models share `Base`
#: when the whole suite runs in one process).
OWN_TABLES = {
    mapper.class_.__tablename__
    for mapper in Base.registry.mappers
    if mapper.class_.__module__.startswith(("notify.", "platform_shared."))
}

OLD_NOTIFICATION = sa.table(
    "notifications",
    *(
        sa.column(name, kind)
        for name, kind in [
            ("id", sa.Uuid()),
            ("key", sa.String()),
            ("kind", sa.String()),
            ("rule_id", sa.String()),
            ("rules_version", sa.String()),
            ("recipient_org", sa.String()),
            ("recipient_role", sa.String()),
            ("person_ref", sa.String()),
            ("responsible_authority", sa.String()),
            ("subject", sa.JSON()),
            ("due_at", UTCDateTime()),
            ("status", sa.String()),
            ("sequence", sa.Integer()),
            ("recurrence_anchor", sa.Date()),
            ("basis", sa.String()),
            ("citation", sa.Text()),
            ("breach", sa.Boolean()),
            ("created_at", UTCDateTime()),
            ("updated_at", UTCDateTime()),
            ("successor_created", sa.Boolean()),
        ]
    ),
)


async def _insert_old_notification(database_url: str) -> uuid.UUID:
    notification_id = uuid.uuid4()
    made = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
    row: dict[str, Any] = {
        "id": notification_id,
        "key": "ev-old|placement-out-of-area|E10000007|area_authority|0",
        "kind": "rule",
        "rule_id": "placement-out-of-area",
        "rules_version": "2026.1",
        "recipient_org": "E10000007",
        "recipient_role": "area_authority",
        "person_ref": "pr_0001",
        "responsible_authority": "E09000007",
        "subject": {"person_ref": "pr_0001", "start_date": date(2037, 12, 22).isoformat()},
        "due_at": datetime(2037, 12, 31, 23, 59, 59, tzinfo=UTC),
        "status": "pending",
        "sequence": 1,
        "recurrence_anchor": None,
        "basis": "statutory",
        "citation": "reg 13",
        "breach": False,
        "created_at": made,
        "updated_at": made,
        "successor_created": False,
    }
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(sa.insert(OLD_NOTIFICATION).values(**row))
    finally:
        await engine.dispose()
    return notification_id


async def test_notifications_made_before_revision_0002_have_no_duty_holder(
    database_url: str, auth: Any
) -> None:
    config = alembic_config(MIGRATIONS, database_url)
    await asyncio.to_thread(command.downgrade, config, "0001")
    notification_id = await _insert_old_notification(database_url)

    await asyncio.to_thread(command.upgrade, config, "head")

    app = create_app(make_settings(database_url))
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as service:
        derbyshire = await service.as_client("demo-derbyshire")
        read = (await derbyshire.get(f"/v1/notifications/{notification_id}")).json()
        board = (await derbyshire.get("/v1/duties")).json()["items"]
    assert (read["duty_holder"], read["ended_reason"]) == (None, None)
    assert [(d["notification_id"], d["caller_role"]) for d in board] == [
        (str(notification_id), "recipient")
    ]


async def test_migrations_build_exactly_the_models_schema(database_url: str) -> None:
    """Revision 0004 (before_event duties, visits made) adds what the models declare."""
    create_app(make_settings(database_url))  # imports every model of the service
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            differences = await connection.run_sync(
                lambda sync: schema_differences(sync, Base.metadata, OWN_TABLES)
            )
    finally:
        await engine.dispose()

    assert differences == []
