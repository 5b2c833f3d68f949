"""Queries of lookups: the connection a lookup runs on, its audit row, the lookup audit.

A lookup reads (the care-record reader: `care_record.repository.read_matching_records`)
and then writes its audit row, on one pooled connection and no session. On PostgreSQL
each statement commits by itself (autocommit): the audit insert is the last statement, so
its success is the commit, and the two round trips of BEGIN and COMMIT are saved. On
SQLite the work is one transaction committed at the end, as a session's is. Either way a
failure before the insert leaves nothing behind, and the answer exists only once its audit
row is committed. A connection lost in the driver is invalidated by SQLAlchemy (not given
back to the pool) and raised as its `OperationalError` (a 503).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from platform_shared.audit import AuditEntry
from platform_shared.tenancy import tenant_scope


@asynccontextmanager
async def lookup_connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection for a read followed by its audit row (see the module docstring)."""
    if engine.dialect.name == "sqlite":
        async with engine.begin() as connection:
            yield connection
        return
    async with engine.connect() as connection:
        yield await connection.execution_options(isolation_level="AUTOCOMMIT")


@tenant_scope
async def lookup_audit_page(
    session: AsyncSession,
    org: str,
    actions: tuple[str, ...],
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
    child_id: uuid.UUID | None,
) -> list[AuditEntry]:
    """Audit rows of `actions` about `org`'s children, newest first: `limit` rows after
    the (instant, id) `after`."""
    statement = (
        select(AuditEntry)
        .where(AuditEntry.subject_owner == org, AuditEntry.action.in_(actions))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    if child_id is not None:
        statement = statement.where(AuditEntry.subject_id == str(child_id))
    if after is not None:
        before_at, before_id = after
        statement = statement.where(
            or_(
                AuditEntry.at < before_at,
                and_(AuditEntry.at == before_at, AuditEntry.id < before_id),
            )
        )
    return list(await session.scalars(statement))
