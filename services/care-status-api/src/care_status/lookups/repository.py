"""Queries of lookups beside the care-record reader: the lookup audit of an authority.

A lookup's own statements (its probes and audit row) run on `driver.LookupConnection`.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from platform_shared.audit import AuditEntry
from platform_shared.tenancy import tenant_scope


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
