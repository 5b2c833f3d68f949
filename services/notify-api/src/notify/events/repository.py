"""Every query of the event intake: the event row, its receipt, the supersede lookups.

The intake takes in events of every organisation from the services' relays: its queries
cross organisations by design (an event id is unique across the platform).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from notify.events.models import Event
from platform_shared.tenancy import cross_tenant


def _insert_event_statement(insert: Any) -> Any:
    return (
        insert(_events)
        .on_conflict_do_nothing(index_elements=[_events.c.id])
        .returning(_events.c.id)
    )


_events = cast(Table, Event.__table__)
# Statements built once: building one costs more CPU than executing it (values are
# parameters).
_INSERT_EVENT = {
    "postgresql": _insert_event_statement(postgresql_insert),
    "sqlite": _insert_event_statement(sqlite_insert),
}


@cross_tenant("an event id is unique across the platform: its receipt is written by id")
def _write_receipt_statement() -> Any:
    return update(_events).where(_events.c.id == bindparam("event_id"))


_WRITE_RECEIPT = _write_receipt_statement()
#: Namespaces this service's advisory locks on supersede keys.
_SUPERSEDE_LOCKS = "notify.supersede_key"


@cross_tenant("an event id is unique across the platform: a repeat is found whoever sent it")
async def stored_receipt(session: AsyncSession, event_id: str) -> dict[str, Any] | None:
    """The receipt first given for an event id, or None when the id is new."""
    receipt: dict[str, Any] | None = await session.scalar(
        select(Event.receipt).where(Event.id == event_id)
    )
    return receipt


async def insert_event(session: AsyncSession, row: dict[str, Any]) -> bool:
    """Insert the event row; False when the id is already stored (by a concurrent request).

    `ON CONFLICT DO NOTHING`: two deliveries of the same id racing each other make
    notifications once, and a new event costs no lookup first.
    """
    statement = _INSERT_EVENT[session.get_bind().dialect.name]
    return (await session.execute(statement, row)).scalar_one_or_none() is not None


async def insert_events(session: AsyncSession, rows: list[dict[str, Any]]) -> set[str]:
    """Insert the rows of a batch's events in one statement; returns the ids inserted (an id
    already stored, by an earlier post or a concurrent one, is left out)."""
    if not rows:
        return set()
    statement = _INSERT_EVENT[session.get_bind().dialect.name]
    return set((await session.execute(statement, rows)).scalars())


@cross_tenant("an event id is unique across the platform: a repeat is found whoever sent it")
async def stored_receipts(session: AsyncSession, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The receipts first given for those of `event_ids` that are stored, by id."""
    if not event_ids:
        return {}
    rows = await session.execute(select(Event.id, Event.receipt).where(Event.id.in_(event_ids)))
    return {event_id: receipt for event_id, receipt in rows}


@cross_tenant("writes the receipts of the event rows this intake has just inserted")
async def write_receipts(session: AsyncSession, receipts: dict[str, dict[str, Any]]) -> None:
    """Write each event's receipt (one executemany for all)."""
    if receipts:
        await session.execute(
            _WRITE_RECEIPT,
            [{"event_id": event_id, "receipt": receipt} for event_id, receipt in receipts.items()],
        )


@cross_tenant("writes the receipt of the event row this intake has just inserted")
async def write_receipt(session: AsyncSession, event_id: str, receipt: dict[str, Any]) -> None:
    await session.execute(_WRITE_RECEIPT, {"event_id": event_id, "receipt": receipt})


async def take_turns_on(session: AsyncSession, key: str) -> None:
    """Take in events of one supersede key one at a time, until this transaction ends.

    Two events of a key taken in at once would each miss the other's uncommitted rows, and
    neither would supersede the other (the relays post concurrently, and several relays
    run side by side). A transaction-scoped advisory lock on PostgreSQL; SQLite writers
    already take turns (`BEGIN IMMEDIATE`).
    """
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(
            select(func.pg_advisory_xact_lock(func.hashtext(_SUPERSEDE_LOCKS), func.hashtext(key)))
        )


@cross_tenant("a later event of the same key supersedes this one, whoever sent it")
async def later_event_stored(
    session: AsyncSession, *, key: str, event_id: str, event_time: datetime
) -> bool:
    """Whether an event of the same key and a later time is already stored.

    Then the event arrived out of order: what it requires is made already `superseded`.
    """
    later = await session.scalar(
        select(Event.id)
        .where(Event.supersede_key == key, Event.time > event_time, Event.id != event_id)
        .limit(1)
    )
    return later is not None
