"""Queries of imports and of the children an import loads, scoped to the authority."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from care_status.children.models import Child
from care_status.imports.models import (
    Import,
    ImportedChild,
    ImportFile,
    ImportIssue,
    ImportStatus,
)
from care_status.leaving_care.models import LeavingCare
from platform_shared.queue import claim_due
from platform_shared.tenancy import cross_tenant, tenant_scope


@tenant_scope
async def child_by_local_reference(session: AsyncSession, org: str, ref: str) -> Child | None:
    """The child of `org` with this local reference (SSDA903 CHILD), locked."""
    return await session.scalar(
        select(Child)
        .where(Child.responsible_authority == org, Child.local_reference == ref)
        .order_by(Child.created_at)
        .limit(1)
        .with_for_update()
    )


@tenant_scope
async def import_of(session: AsyncSession, org: str, import_id: uuid.UUID) -> Import | None:
    return await session.scalar(
        select(Import).where(Import.authority == org, Import.id == import_id)
    )


@cross_tenant("the worker runs every authority's imports, each for its own authority")
async def claim_imports(
    session: AsyncSession, *, limit: int, lease: timedelta, now: datetime
) -> list[Import]:
    """Lease imports to run: queued ones, and those whose worker died (lease run out)."""
    return await claim_due(
        session,
        Import,
        due=Import.status.in_([ImportStatus.QUEUED, ImportStatus.VALIDATING, ImportStatus.LOADING]),
        order_by=[Import.created_at],
        limit=limit,
        lease=lease,
        now=now,
    )


@cross_tenant("the worker holds the lease of this import (claim_imports)")
async def leased_import(
    session: AsyncSession, import_id: uuid.UUID, token: uuid.UUID | None
) -> Import | None:
    """The import, if this worker still holds its lease; locked."""
    return await session.scalar(
        select(Import).where(Import.id == import_id, Import.lease_token == token).with_for_update()
    )


@cross_tenant("the worker holds the lease of this import (claim_imports)")
async def extend_lease(
    session: AsyncSession, import_id: uuid.UUID, token: uuid.UUID | None, until: datetime
) -> bool:
    result = await session.execute(
        update(Import)
        .where(Import.id == import_id, Import.lease_token == token)
        .values(next_attempt_at=until)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


async def files_of(session: AsyncSession, import_id: uuid.UUID) -> list[tuple[str, bytes]]:
    rows = await session.execute(
        select(ImportFile.name, ImportFile.content)
        .where(ImportFile.import_id == import_id)
        .order_by(ImportFile.name)
    )
    return [(name, content) for name, content in rows]


async def drop_files(session: AsyncSession, import_id: uuid.UUID) -> None:
    await session.execute(delete(ImportFile).where(ImportFile.import_id == import_id))


async def issues_of(session: AsyncSession, import_id: uuid.UUID) -> list[ImportIssue]:
    rows = await session.scalars(
        select(ImportIssue)
        .where(ImportIssue.import_id == import_id)
        .order_by(ImportIssue.file, ImportIssue.row, ImportIssue.code)
    )
    return list(rows)


async def clear_issues(session: AsyncSession, import_id: uuid.UUID) -> None:
    await session.execute(delete(ImportIssue).where(ImportIssue.import_id == import_id))


async def children_done(session: AsyncSession, import_id: uuid.UUID) -> dict[str, ImportedChild]:
    rows = await session.scalars(select(ImportedChild).where(ImportedChild.import_id == import_id))
    return {row.child: row for row in rows}


async def outcome_counts(session: AsyncSession, import_id: uuid.UUID) -> dict[str, int]:
    """Children by outcome, episodes, events and rows of the children done."""
    rows = await session.execute(
        select(
            ImportedChild.outcome,
            func.count(),
            func.sum(ImportedChild.episodes),
            func.sum(ImportedChild.events),
            func.sum(ImportedChild.rows),
        )
        .where(ImportedChild.import_id == import_id)
        .group_by(ImportedChild.outcome)
    )
    counts = {"created": 0, "changed": 0, "unchanged": 0, "refused": 0}
    counts.update({"episodes": 0, "events": 0, "rows": 0})
    for outcome, children, episodes, events, done_rows in rows:
        counts[outcome] = int(children)
        counts["episodes"] += int(episodes or 0)
        counts["events"] += int(events or 0)
        counts["rows"] += int(done_rows or 0)
    return counts


async def history_rows(session: AsyncSession, model: Any, child_id: uuid.UUID) -> list[Any]:
    """The legal statuses or placements of a child already locked (its owner's)."""
    return list(
        await session.scalars(
            select(model).where(model.child_id == child_id).order_by(model.start_date)
        )
    )


async def leaving_care_of(session: AsyncSession, child_id: uuid.UUID) -> LeavingCare | None:
    return await session.scalar(select(LeavingCare).where(LeavingCare.child_id == child_id))


@cross_tenant("the command line runs the import it has just created, for its authority")
async def claim_import(
    session: AsyncSession, import_id: uuid.UUID, *, lease: timedelta, now: datetime
) -> Import | None:
    """Lease this one import (the command line's), if it is due."""
    claimed = await claim_due(
        session,
        Import,
        due=Import.id == import_id,
        order_by=[Import.created_at],
        limit=1,
        lease=lease,
        now=now,
    )
    return claimed[0] if claimed else None


@cross_tenant("the operators' figures count every authority's imports; counts only, no child")
async def progress_figures(
    session: AsyncSession, now: datetime
) -> tuple[dict[str, int], int, int, float]:
    """Imports by status; rows of the unfinished ones, total and done; the oldest queued
    import's age in seconds (0 when none waits)."""
    by_status = {
        status: count
        for status, count in (
            await session.execute(select(Import.status, func.count()).group_by(Import.status))
        ).all()
    }
    unfinished = Import.status.not_in([ImportStatus.DONE, ImportStatus.FAILED])
    total, done = (
        await session.execute(
            select(
                func.coalesce(func.sum(Import.total_rows), 0),
                func.coalesce(func.sum(Import.done_rows), 0),
            ).where(unfinished)
        )
    ).one()
    oldest = await session.scalar(
        select(func.min(Import.created_at)).where(Import.status == ImportStatus.QUEUED)
    )
    age = (now - oldest).total_seconds() if oldest is not None else 0.0
    return by_status, int(total), int(done), max(age, 0.0)
