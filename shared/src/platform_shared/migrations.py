"""Alembic, the same way for every service: one environment each, applied by a command.

A service's `migrations/env.py` calls `run_migrations(metadata)`; its first revision
calls `create_platform_tables()` for the tables this library owns (idempotency keys,
audit log, outbox), written out here once and frozen like any applied revision.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command, context, op
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import MetaData, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from platform_shared.db import UTCDateTime, create_engine


def alembic_config(script_location: Path, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def head_revision(script_location: Path) -> str | None:
    return ScriptDirectory(str(script_location)).get_current_head()


def schema_state(script_location: Path, revision: str | None) -> str:
    """`ok` at or ahead of this release's head; otherwise why the schema is not usable.

    A revision this release does not know was written by a newer release: during a
    rolling deployment the migration job runs first, and the old pods must stay ready
    (migrations are additive, expand then contract).
    """
    script = ScriptDirectory(str(script_location))
    head = script.get_current_head()
    if revision == head:
        return "ok"
    if revision is None:
        return f"not migrated, head {head}"
    try:
        script.get_revision(revision)
    except CommandError:
        return "ok"
    return f"at {revision}, head {head}"


async def current_revision(engine: AsyncEngine) -> str | None:
    def read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with engine.connect() as connection:
        return await connection.run_sync(read)


async def upgrade_to_head(script_location: Path, database_url: str) -> None:
    """Apply every pending migration (in a thread: Alembic runs its own event loop)."""
    config = alembic_config(script_location, database_url)
    await asyncio.to_thread(command.upgrade, config, "head")


def schema_differences(
    connection: Connection, metadata: MetaData, own_tables: Collection[str]
) -> list[Any]:
    """What autogenerate would change to make the database match a service's models.

    Tables of other services' models (imported into the same process by a test run) are
    left out; every table in the database is compared, so a stray one still shows.
    """

    def include(_object: Any, name: str | None, type_: str, reflected: bool, _other: Any) -> bool:
        return not (type_ == "table" and not reflected and name not in own_tables)

    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "include_object": include}
    )
    return list(compare_metadata(context, metadata))


#: The PostgreSQL advisory lock key `migrate` holds while it upgrades a database.
MIGRATION_LOCK = 0x63617265  # "care"


def run_migrations(target_metadata: MetaData) -> None:
    """The body of a service's `env.py`, online (async engine) or offline (SQL script)."""
    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url is not set"
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return

    def migrate(connection: Connection) -> None:
        if connection.dialect.name == "postgresql":
            # Every pod of a release runs `migrate` as its init container: the first takes
            # the lock and upgrades, the others wait, then find the head and do nothing.
            # Held to the end of the transaction the whole upgrade runs in.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()

    async def run() -> None:
        engine = create_engine(url)
        try:
            async with engine.begin() as connection:
                await connection.run_sync(migrate)
        finally:
            await engine.dispose()

    asyncio.run(run())


def add_replayed_headers() -> None:
    """Version 2 of this library's tables: the headers an idempotent replay carries again."""
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.add_column(sa.Column("response_headers", sa.JSON(), nullable=True))


def drop_replayed_headers() -> None:
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.drop_column("response_headers")


def add_dead_letters() -> None:
    """Version 3 of this library's tables: refused events dead-lettered, with their org."""
    with op.batch_alter_table("outbox_events") as batch:
        batch.add_column(sa.Column("org", sa.String(64), nullable=True))
        batch.add_column(sa.Column("dead_lettered_at", UTCDateTime(), nullable=True))
    op.create_index("ix_outbox_events_org_status", "outbox_events", ["org", "status"])


def drop_dead_letters() -> None:
    op.drop_index("ix_outbox_events_org_status", "outbox_events")
    with op.batch_alter_table("outbox_events") as batch:
        batch.drop_column("dead_lettered_at")
        batch.drop_column("org")


def add_outbox_traceparent() -> None:
    """Version 4 of this library's tables: the trace context an outbox event was written in."""
    with op.batch_alter_table("outbox_events") as batch:
        batch.add_column(sa.Column("traceparent", sa.String(64), nullable=True))


def drop_outbox_traceparent() -> None:
    with op.batch_alter_table("outbox_events") as batch:
        batch.drop_column("traceparent")


def create_platform_tables() -> None:
    """Create the idempotency, audit and outbox tables (version 1 of this library's tables)."""
    op.create_table(
        "idempotency_keys",
        sa.Column("org", sa.String(64), nullable=False),
        sa.Column("route", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response_body", sa.JSON(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("org", "route", "key", name="pk_idempotency_keys"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("client_id", sa.String(100), nullable=False),
        sa.Column("org", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("subject_type", sa.String(64), nullable=True),
        sa.Column("subject_id", sa.String(64), nullable=True),
        sa.Column("subject_owner", sa.String(64), nullable=True),
        sa.Column("purpose", sa.String(64), nullable=True),
        sa.Column("outcome", sa.String(64), nullable=True),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_subject", "audit_log", ["subject_id", "at"])
    op.create_index("ix_audit_log_subject_owner", "audit_log", ["subject_owner", "at"])
    op.create_table(
        "outbox_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("subject", sa.String(200), nullable=True),
        sa.Column("time", UTCDateTime(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("lease_token", sa.Uuid(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_outbox_events"),
    )
    op.create_index("ix_outbox_events_due", "outbox_events", ["status", "next_attempt_at"])


def drop_platform_tables() -> None:
    op.drop_table("outbox_events")
    op.drop_table("audit_log")
    op.drop_table("idempotency_keys")
