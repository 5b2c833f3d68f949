"""Every query of notifications: the inbox (scoped to the caller's organisation), the
numbering and insertion of new ones, and the intake's supersede and escalation lookups.

Every query of the inbox goes through `readable_notifications`, which scopes it to the
caller's organisation: another organisation's notification is not found.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import Delivery, DeliveryAttempt
from notify.endpoints.models import Endpoint
from notify.events.models import Event
from notify.notifications.models import OPEN_STATUSES, Notification, OrganisationSequence
from platform_shared.auth import Principal
from platform_shared.tenancy import cross_tenant, tenant_scope

_sequences = cast(Table, OrganisationSequence.__table__)
_notifications = cast(Table, Notification.__table__)
# Built once: making a statement costs more CPU than executing it.
_INSERT_NOTIFICATIONS = insert(_notifications)


# -- the inbox (caller-facing) ------------------------------------------------------------


@tenant_scope
def readable_notifications(principal: Principal) -> Select[Notification]:
    """Every notification the caller may see: those addressed to its organisation."""
    return select(Notification).where(Notification.recipient_org == principal.org)


async def readable_notification(
    session: AsyncSession, principal: Principal, notification_id: uuid.UUID, *, lock: bool = False
) -> Notification | None:
    statement = readable_notifications(principal).where(Notification.id == notification_id)
    if lock:
        statement = statement.with_for_update()
    return await session.scalar(statement)


@dataclass(frozen=True)
class InboxFilter:
    status: str | None = None
    due_before: datetime | None = None
    rule: str | None = None
    role: str | None = None
    after_sequence: int | None = None


async def inbox_rows(
    session: AsyncSession,
    principal: Principal,
    filters: InboxFilter,
    *,
    after: int | None,
    limit: int,
) -> list[Notification]:
    """Up to `limit` of the caller's notifications in sequence order, above `after`."""
    statement = readable_notifications(principal)
    if filters.status is not None:
        statement = statement.where(Notification.status == filters.status)
    if filters.due_before is not None:
        statement = statement.where(Notification.due_at < filters.due_before)
    if filters.rule is not None:
        statement = statement.where(Notification.rule_id == filters.rule)
    if filters.role is not None:
        statement = statement.where(Notification.recipient_role == filters.role)
    if after is not None:
        statement = statement.where(Notification.sequence > after)
    return list(await session.scalars(statement.order_by(Notification.sequence).limit(limit)))


@tenant_scope
def readable_deliveries(principal: Principal) -> Select[Delivery]:
    """Deliveries to the caller organisation's endpoints (a notification's recipient's)."""
    return (
        select(Delivery)
        .join(Endpoint, Delivery.endpoint_id == Endpoint.id)
        .where(Endpoint.org == principal.org)
    )


async def deliveries_of(
    session: AsyncSession, principal: Principal, notification_id: uuid.UUID
) -> list[tuple[Delivery, list[DeliveryAttempt]]]:
    """The deliveries of one of the caller's notifications, each with its attempts."""
    deliveries = list(
        await session.scalars(
            readable_deliveries(principal)
            .where(Delivery.notification_id == notification_id)
            .order_by(Delivery.created_at, Delivery.id)
        )
    )
    attempts: dict[uuid.UUID, list[DeliveryAttempt]] = {delivery.id: [] for delivery in deliveries}
    if deliveries:
        for attempt in await session.scalars(
            select(DeliveryAttempt)
            .where(DeliveryAttempt.delivery_id.in_(list(attempts)))
            .order_by(DeliveryAttempt.attempted_at, DeliveryAttempt.id)
        ):
            attempts[attempt.delivery_id].append(attempt)
    return [(delivery, attempts[delivery.id]) for delivery in deliveries]


# -- making notifications (the intake and the follow-ups) --------------------------------


@cross_tenant("the intake numbers each recipient's notifications, whoever sent the event")
@lru_cache(maxsize=64)
def _numbering(dialect: str, organisations: int) -> Any:
    """The upsert that numbers for `organisations` organisations (`org_<i>`, `count_<i>`)."""
    upsert = (postgresql_insert if dialect == "postgresql" else sqlite_insert)(_sequences)
    upsert = upsert.values(
        [
            {"org": bindparam(f"org_{index}"), "last_sequence": bindparam(f"count_{index}")}
            for index in range(organisations)
        ]
    )
    return upsert.on_conflict_do_update(
        index_elements=[_sequences.c.org],
        set_={"last_sequence": _sequences.c.last_sequence + upsert.excluded.last_sequence},
    ).returning(_sequences.c.org, _sequences.c.last_sequence)


async def allocate_sequences(session: AsyncSession, orgs: Sequence[str]) -> list[int]:
    """The next sequence number for each of `orgs`, in order (an org may come more than once).

    One upsert for all of them: each counter row stays locked until the transaction ends,
    so numbers are handed out in commit order and a rolled-back one is handed out again.
    The rows are taken in the order of their codes, so two transactions numbering for the
    same organisations wait for each other rather than deadlock.
    """
    if not orgs:
        return []
    wanted = Counter(orgs)
    last = await _advance_counters(session, wanted)
    # The org's numbers are last - wanted + 1 .. last, handed out in the order asked.
    following = {org: last[org] - wanted[org] for org in wanted}
    sequences = []
    for org in orgs:
        following[org] += 1
        sequences.append(following[org])
    return sequences


@cross_tenant("the sweeper numbers ladder steps for every organisation it escalates to")
async def lock_sequences(session: AsyncSession, orgs: Iterable[str]) -> None:
    """Lock the sequence counters of `orgs`, in the order of their codes, numbering nothing.

    For a transaction that will number notifications for several of them one at a time
    (the sweeper's ladder steps): taken up front in one statement, they are held in the
    same order as the intake takes them, so the two wait for each other, never deadlock.
    """
    wanted = {org: 0 for org in orgs if org}
    if wanted:
        await _advance_counters(session, wanted)


async def _advance_counters(session: AsyncSession, by: Mapping[str, int]) -> dict[str, int]:
    """Advance each organisation's counter by its count (0 locks it only), taking the rows
    in the order of their codes; the counters' new values."""
    parameters: dict[str, Any] = {}
    for index, org in enumerate(sorted(by)):
        parameters[f"org_{index}"] = org
        parameters[f"count_{index}"] = by[org]
    statement = _numbering(session.get_bind().dialect.name, len(by))
    return {org: int(value) for org, value in (await session.execute(statement, parameters)).all()}


@cross_tenant("a registration starts its endpoint's stream at its organisation's inbox")
async def hold_sequence(session: AsyncSession, org: str) -> int:
    """Lock the organisation's sequence counter (as numbering does) and return its last
    number: nothing is numbered for it until the transaction ends."""
    statement = _numbering(session.get_bind().dialect.name, 1)
    row = (await session.execute(statement, {"org_0": org, "count_0": 0})).one()
    return int(row[1])


async def insert_notifications(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await session.execute(_INSERT_NOTIFICATIONS, rows)


@cross_tenant("an escalation is closed with its original, whichever organisation it went to")
async def open_escalations_of(session: AsyncSession, original_id: uuid.UUID) -> list[Notification]:
    """The open escalations of a notification, locked."""
    return list(
        await session.scalars(
            select(Notification)
            .where(
                Notification.escalation_of == original_id,
                Notification.status.in_(list(OPEN_STATUSES)),
            )
            .with_for_update()
        )
    )


@cross_tenant("a later event supersedes what earlier ones of its key required, for everyone")
async def open_of_earlier_events(
    session: AsyncSession, *, key: str, event_id: str, event_time: datetime
) -> list[Notification]:
    """Open notifications of other events of the key at or before `event_time`, locked."""
    return list(
        await session.scalars(
            select(Notification)
            .join(Event, Notification.event_id == Event.id)
            .where(
                Notification.supersede_key == key,
                Notification.status.in_(list(OPEN_STATUSES)),
                Event.time <= event_time,
                Event.id != event_id,
            )
            .order_by(Notification.created_at, Notification.id)
            .with_for_update(of=Notification)
        )
    )


@cross_tenant("the intake tells the emitting organisation once, whoever asks again")
async def notice_exists(session: AsyncSession, key: str) -> bool:
    """Whether a notification with this key was made already (a notice is made once)."""
    found = await session.scalar(select(Notification.id).where(Notification.key == key))
    return found is not None


@cross_tenant("the escalation ladder raises each step once, whichever organisation it went to")
async def notification_by_key(session: AsyncSession, key: str) -> uuid.UUID | None:
    """The id of the notification with this key, if one was made."""
    found: uuid.UUID | None = await session.scalar(
        select(Notification.id).where(Notification.key == key)
    )
    return found


@cross_tenant("an escalation step chases its original, whichever organisation received it")
async def original_of(session: AsyncSession, escalation: Notification) -> Notification | None:
    """The notification an escalation step chases."""
    if escalation.escalation_of is None:
        return None
    return await session.get(Notification, escalation.escalation_of)
