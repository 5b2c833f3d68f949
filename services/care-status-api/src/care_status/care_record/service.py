"""The care record as the use cases take it: the caller's child, or a 404.

A change first locks the child's row for the transaction (`lock_for_change`), then reads
the record: so two changes of one child's history are checked one after the other, each
against the history the other left. After its change, a write reads the record again
(`read_again`) for the facts its events carry.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.care_record.record import CareRecord
from care_status.care_record.repository import read_owned_record
from care_status.children.models import Child
from care_status.children.repository import lock_owned_child
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.problems import NotFound


def child_not_found() -> NotFound:
    return NotFound("No child record with this id is visible to your organisation")


async def owned_record(session: AsyncSession, child_id: uuid.UUID, org: str) -> CareRecord:
    """The record of a child `org` is responsible for; 404 for any other child."""
    record = await read_owned_record(session, child_id, org)
    if record is None:
        raise child_not_found()
    return record


async def lock_for_change(
    session: AsyncSession, child_id: uuid.UUID, org: str
) -> tuple[Child, CareRecord]:
    """The caller's child, locked, and its record as it stands; 404 for any other child."""
    child = await lock_owned_child(session, child_id, org)
    if child is None:
        raise child_not_found()
    return child, await owned_record(session, child_id, org)


async def read_again(session: AsyncSession, record: CareRecord) -> CareRecord:
    """The record after this transaction's changes (flushed first)."""
    await session.flush()
    return await owned_record(session, record.child.id, record.child.responsible_authority)


def audit_child(
    session: AsyncSession,
    caller: Principal,
    action: str,
    child_id: uuid.UUID | None,
    owner: str,
    *,
    purpose: str | None = None,
    outcome: str | None = None,
    details: dict[str, object] | None = None,
) -> None:
    """The audit row of an action on a child's record (or, without a child, on the list)."""
    record_audit(
        session,
        caller,
        action,
        subject_type="child",
        subject_id=child_id,
        subject_owner=owner,
        purpose=purpose,
        outcome=outcome,
        details=details,
    )
