"""Every query of the notification log, and of the notifications the purge and the proof
requests touch.

The log itself is no organisation's: its entries hold ids and codes only, and its
checkpoints are public. A proof request reads one notification, scoped to its recipient
or its duty holder.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import delete, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import Delivery, DeliveryAttempt
from notify.endpoints.models import Endpoint
from notify.events.models import Event
from notify.notifications.models import OPEN_STATUSES, Notification
from notify.proofs.models import ProofCheckpoint, ProofLeaf, ProofLogHead
from platform_shared.auth import Principal
from platform_shared.tenancy import cross_tenant, tenant_scope

HEAD_ID = 1


@tenant_scope
async def provable_notification(
    session: AsyncSession, principal: Principal, notification_id: uuid.UUID
) -> Notification | None:
    """The notification if the caller is its recipient or its duty holder."""
    return await session.scalar(
        select(Notification).where(
            Notification.id == notification_id,
            or_(
                Notification.recipient_org == principal.org,
                Notification.duty_holder == principal.org,
            ),
        )
    )


async def lock_head(session: AsyncSession) -> ProofLogHead:
    head = await session.scalar(
        select(ProofLogHead).where(ProofLogHead.id == HEAD_ID).with_for_update()
    )
    assert head is not None, "revision 0007 makes the log's head row"
    return head


async def lock_head_unless_locked(session: AsyncSession) -> ProofLogHead | None:
    """The head row, locked; None when another transaction holds it (on PostgreSQL: a
    worker that finds another sequencing leaves it to it rather than wait)."""
    return await session.scalar(
        select(ProofLogHead).where(ProofLogHead.id == HEAD_ID).with_for_update(skip_locked=True)
    )


async def head(session: AsyncSession) -> ProofLogHead | None:
    return await session.get(ProofLogHead, HEAD_ID)


async def unsequenced(session: AsyncSession, limit: int) -> Sequence[Any]:
    result = await session.execute(
        select(ProofLeaf.id, ProofLeaf.entry)
        .where(ProofLeaf.tree_index.is_(None))
        .order_by(ProofLeaf.id)
        .limit(limit)
    )
    return result.all()


async def set_tree_indexes(session: AsyncSession, indexes: list[dict[str, int]]) -> None:
    if not indexes:
        return
    if session.get_bind().dialect.name != "postgresql":
        await session.execute(update(ProofLeaf), indexes)
        return
    # One statement for the whole batch rather than one per entry.
    await session.execute(
        text(
            "UPDATE proof_leaves SET tree_index = given.tree_index "
            "FROM unnest(CAST(:ids AS bigint[]), CAST(:indexes AS bigint[])) "
            "AS given(id, tree_index) WHERE proof_leaves.id = given.id"
        ),
        {
            "ids": [row["id"] for row in indexes],
            "indexes": [row["tree_index"] for row in indexes],
        },
    )


async def entries_between(
    session: AsyncSession, start: int, end: int
) -> list[tuple[int | None, str]]:
    """(tree index, entry) of the sequenced leaves from `start` to below `end`, in tree order."""
    result = await session.execute(
        select(ProofLeaf.tree_index, ProofLeaf.entry)
        .where(ProofLeaf.tree_index >= start, ProofLeaf.tree_index < end)
        .order_by(ProofLeaf.tree_index)
    )
    return [(index, entry) for index, entry in result.all()]


async def entries_in_pages(
    session: AsyncSession, start: int, end: int, page: int = 10_000
) -> AsyncIterator[tuple[int, str]]:
    """`entries_between`, read `page` entries at a time: a whole log is never in memory."""
    while start < end:
        entries = await session.execute(
            select(ProofLeaf.tree_index, ProofLeaf.entry)
            .where(ProofLeaf.tree_index >= start, ProofLeaf.tree_index < end)
            .order_by(ProofLeaf.tree_index)
            .limit(page)
        )
        rows = [(cast(int, index), entry) for index, entry in entries.all()]
        if not rows:
            return
        for row in rows:
            yield row
        start = rows[-1][0] + 1


async def leaves_of(session: AsyncSession, notification_id: uuid.UUID) -> Sequence[ProofLeaf]:
    result = await session.scalars(
        select(ProofLeaf).where(ProofLeaf.notification_id == notification_id).order_by(ProofLeaf.id)
    )
    return result.all()


async def latest_checkpoint(session: AsyncSession) -> ProofCheckpoint | None:
    return await session.scalar(
        select(ProofCheckpoint).order_by(ProofCheckpoint.size.desc()).limit(1)
    )


async def checkpoints(session: AsyncSession, *, above: int = -1) -> Sequence[ProofCheckpoint]:
    """The checkpoints of a size larger than `above` (every one by default), smallest first."""
    result = await session.scalars(
        select(ProofCheckpoint).where(ProofCheckpoint.size > above).order_by(ProofCheckpoint.size)
    )
    return result.all()


async def add_checkpoint(session: AsyncSession, checkpoint: ProofCheckpoint) -> None:
    session.add(checkpoint)


# -- the purge ----------------------------------------------------------------------------


@cross_tenant("the retention purge removes every organisation's expired personal data")
async def purgeable_notifications(
    session: AsyncSession, closed_before: datetime, limit: int
) -> Sequence[Notification]:
    """Closed notifications about a person, last changed before `closed_before`, not yet
    purged."""
    result = await session.scalars(
        select(Notification)
        .where(
            Notification.status.not_in(OPEN_STATUSES),
            Notification.updated_at < closed_before,
            # About a person, not yet purged (the purge clears it; notices have none).
            Notification.person_ref.is_not(None),
        )
        .order_by(Notification.updated_at)
        .limit(limit)
        .with_for_update()
    )
    return result.all()


@cross_tenant("the retention purge removes every organisation's expired personal data")
async def purge_event_data(session: AsyncSession, event_ids: Sequence[str]) -> None:
    """Events of purged notifications keep their ids, types and times, not their data."""
    if event_ids:
        await session.execute(
            update(Event)
            .where(Event.id.in_(event_ids))
            .values(data=None, subject=None, person_ref=None, receipt={})
        )


@cross_tenant("the retention purge removes every organisation's expired personal data")
async def purge_old_event_data(session: AsyncSession, received_before: datetime) -> None:
    await session.execute(
        update(Event)
        .where(Event.received_at < received_before, Event.data.is_not(None))
        .values(data=None, subject=None, person_ref=None, receipt={})
    )


@cross_tenant("the retention purge removes every organisation's expired personal data")
async def purge_delivery_responses(session: AsyncSession, before: datetime) -> None:
    """A receiver's error text may quote what it was sent: cleared after the period."""
    await session.execute(
        update(Delivery)
        .where(Delivery.created_at < before, Delivery.last_error.is_not(None))
        .values(last_error=None)
    )
    await session.execute(
        update(DeliveryAttempt)
        .where(DeliveryAttempt.attempted_at < before, DeliveryAttempt.error.is_not(None))
        .values(error=None)
    )


@cross_tenant("the retention purge removes every organisation's expired personal data")
async def purge_attempt_details(session: AsyncSession, before: datetime) -> None:
    await session.execute(delete(DeliveryAttempt).where(DeliveryAttempt.attempted_at < before))


@cross_tenant("checkpoints are public: every subscribing organisation's endpoint gets them")
async def webhook_endpoints(session: AsyncSession) -> Sequence[Endpoint]:
    result = await session.scalars(
        select(Endpoint).where(
            Endpoint.enabled.is_(True),
            Endpoint.removed_at.is_(None),
            Endpoint.channel == "webhook",
            Endpoint.rules.is_not(None),
        )
    )
    return result.all()
