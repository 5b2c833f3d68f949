"""Queries of the access log: the audit rows about one child of the caller's authority."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from platform_shared.audit import AuditEntry
from platform_shared.tenancy import tenant_scope


@tenant_scope
async def access_log_page(
    session: AsyncSession,
    org: str,
    child_id: uuid.UUID,
    left_out: tuple[str, ...],
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
) -> list[AuditEntry]:
    """`limit` audit rows about `child_id` owned by `org`, newest first, after the
    (instant, id) `after`; rows of the actions `left_out` are not listed."""
    statement = (
        select(AuditEntry)
        .where(
            AuditEntry.subject_owner == org,
            AuditEntry.subject_type == "child",
            AuditEntry.subject_id == str(child_id),
            AuditEntry.action.not_in(left_out),
        )
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    if after is not None:
        before_at, before_id = after
        statement = statement.where(
            or_(
                AuditEntry.at < before_at,
                and_(AuditEntry.at == before_at, AuditEntry.id < before_id),
            )
        )
    return list(await session.scalars(statement))
