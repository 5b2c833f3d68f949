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
from care_status.children.repository import lock_owned_child, owner_of
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.problems import NotFound


class RecordNotVisible(NotFound):
    """A 404 for a child the caller may not see: another organisation's, or none at all.

    Issue 15 finding 8: such a refusal is audited, for the organisation that really holds
    the record (`audit_refused`), in a transaction of its own since the request's rolls
    back (`care_status.refusals`).
    """

    def __init__(self, child_id: uuid.UUID) -> None:
        super().__init__("No child record with this id is visible to your organisation")
        self.child_id = child_id


def child_not_found(child_id: uuid.UUID) -> RecordNotVisible:
    return RecordNotVisible(child_id)


#: The outcome of an audit row of a read or change refused with a 404.
REFUSED = "refused"


async def audit_refused(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    action: str,
    details: dict[str, object],
) -> None:
    """The audit row of a refused read or change of `child_id`: its owner is the real
    responsible authority, so that authority sees who tried (None when no such child)."""
    owner = await owner_of(session, child_id)
    record_audit(
        session,
        caller,
        action,
        subject_type="child",
        subject_id=child_id,
        subject_owner=owner,
        outcome=REFUSED,
        details=details,
    )


async def owned_record(session: AsyncSession, child_id: uuid.UUID, org: str) -> CareRecord:
    """The record of a child `org` is responsible for; 404 for any other child."""
    record = await read_owned_record(session, child_id, org)
    if record is None:
        raise child_not_found(child_id)
    return record


async def lock_for_change(
    session: AsyncSession, child_id: uuid.UUID, org: str
) -> tuple[Child, CareRecord]:
    """The caller's child, locked, and its record as it stands; 404 for any other child."""
    child = await lock_owned_child(session, child_id, org)
    if child is None:
        raise child_not_found(child_id)
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
