"""The database is the queue: claim due rows with a lease, safely from many processes.

A claim is one UPDATE of rows chosen by `SELECT ... FOR UPDATE SKIP LOCKED` (PostgreSQL),
so concurrent workers never claim the same row; on SQLite the write lock serialises the
claims. The lease (a later `next_attempt_at` and a token) means a worker that dies after
claiming loses nothing: when the lease runs out the row is due again.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from platform_shared.calendar import utc_now


class Leased(Protocol):
    id: Any
    lease_token: Any
    next_attempt_at: Any


RowT = TypeVar("RowT")


async def claim_due(
    session: AsyncSession,
    model: type[RowT],
    *,
    due: ColumnElement[bool],
    order_by: Sequence[InstrumentedAttribute[Any]],
    limit: int,
    lease: timedelta,
    now: datetime | None = None,
) -> list[RowT]:
    """Lease up to `limit` rows of `model` matching `due`; commit to make the claim stick."""
    now = now or utc_now()
    token = uuid.uuid4()
    table: Any = model
    chosen = (
        select(table.id)
        .where(due, table.next_attempt_at <= now)
        .order_by(*order_by)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    await session.execute(
        update(table)
        .where(table.id.in_(chosen.scalar_subquery()))
        .values(lease_token=token, next_attempt_at=now + lease)
        .execution_options(synchronize_session=False)
    )
    rows = await session.scalars(
        select(table).where(table.lease_token == token).order_by(*order_by)
    )
    return list(rows)
