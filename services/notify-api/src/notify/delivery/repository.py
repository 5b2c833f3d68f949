"""Every query of deliveries: enqueueing, claiming, recording attempts, stopping pushes.

The delivery worker and the intake work across organisations by design (a queue of every
organisation's pushes); each such query says why (`@cross_tenant`). Statements are built
once at import: building one costs more CPU than executing it (values are parameters).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from notify.delivery.models import (
    AttemptOutcome,
    Delivery,
    DeliveryAttempt,
    DeliveryStatus,
    EndpointStream,
)
from notify.endpoints.models import Endpoint
from notify.notifications.models import OPEN_STATUSES, Notification, OrganisationSequence
from platform_shared.auth import Principal
from platform_shared.tenancy import cross_tenant, tenant_scope

_endpoints = cast(Table, Endpoint.__table__)
#: How a change locks an endpoint row: `FOR NO KEY UPDATE`, which the foreign keys of new
#: deliveries (`FOR KEY SHARE`) never wait for (`lock_endpoint`). SQLite ignores it.
ENDPOINT_LOCK: dict[str, Any] = {"key_share": True}


@cross_tenant("a new notification is pushed to its recipient's endpoints, whoever caused it")
def _endpoints_of_statement() -> Any:
    return select(
        _endpoints.c.id,
        _endpoints.c.org,
        _endpoints.c.channel,
        _endpoints.c.roles,
        _endpoints.c.rules,
    ).where(
        _endpoints.c.org.in_(bindparam("orgs", expanding=True)),
        _endpoints.c.enabled.is_(True),
        _endpoints.c.removed_at.is_(None),
    )


@cross_tenant("the worker records the pushes it claimed, for every organisation's endpoints")
def _update_delivery_statement() -> Any:
    # Set-based recording: one statement per table for the whole group (an executemany,
    # which asyncpg sends in one round trip). Always conditioned on the lease token, which
    # the rows were read with under lock, so a lost lease cannot be written over.
    return (
        update(Delivery)
        .where(Delivery.id == bindparam("b_id"), Delivery.lease_token == bindparam("b_token"))
        .values(
            attempts=bindparam("b_attempts"),
            lease_token=None,
            last_error=bindparam("b_error"),
            status=bindparam("b_status"),
            next_attempt_at=bindparam("b_next"),
            delivered_at=bindparam("b_delivered_at"),
            ended_reason=bindparam("b_ended_reason"),
            ended_at=bindparam("b_ended_at"),
            next_trigger=None,
        )
    )


@cross_tenant("the worker records the delivery of every organisation's notifications")
def _update_notification_statement() -> Any:
    return (
        update(Notification)
        .where(Notification.id == bindparam("b_id"))
        .values(
            status=bindparam("b_status"),
            delivered_at=bindparam("b_delivered_at"),
            updated_at=bindparam("b_updated_at"),
        )
    )


_ENDPOINTS_OF = _endpoints_of_statement()
_INSERT_DELIVERIES = insert(cast(Table, Delivery.__table__))
_UPDATE_DELIVERY = _update_delivery_statement()
_UPDATE_NOTIFICATION = _update_notification_statement()
_INSERT_ATTEMPT = insert(DeliveryAttempt)


# -- enqueueing (the intake and the follow-ups, in their transaction) -------------------


@cross_tenant("a new notification is pushed to its recipient's endpoints, whoever caused it")
async def enabled_endpoints_of(session: AsyncSession, orgs: Iterable[str]) -> Sequence[Any]:
    """The enabled endpoints of the organisations (id, org, channel, filters)."""
    return (await session.execute(_ENDPOINTS_OF, {"orgs": sorted(orgs)})).all()


async def insert_deliveries(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await session.execute(_INSERT_DELIVERIES, rows)


@cross_tenant("stops the pushes of one notification, read by its caller's scope or a worker")
async def cancel_pending_deliveries(
    session: AsyncSession, notification_id: uuid.UUID, reason: str
) -> None:
    """Stop pushing a notification that no longer needs it (acknowledged, ended)."""
    await session.execute(
        update(Delivery)
        .where(
            Delivery.notification_id == notification_id,
            Delivery.status == DeliveryStatus.PENDING,
        )
        .values(status=DeliveryStatus.CANCELLED, ended_reason=reason)
    )


@cross_tenant("stops the pushes to one endpoint, read by its owner's scope or the worker")
async def end_pending_deliveries_to(
    session: AsyncSession,
    endpoint_id: uuid.UUID,
    *,
    status: DeliveryStatus,
    reason: str,
    now: datetime,
) -> None:
    """End the deliveries still pending to an endpoint (removed, gone, or disabled)."""
    await session.execute(
        update(Delivery)
        .where(Delivery.endpoint_id == endpoint_id, Delivery.status == DeliveryStatus.PENDING)
        .values(status=status, ended_reason=reason, ended_at=now, next_trigger=None)
    )


# -- claiming (the worker) ----------------------------------------------------------------


@cross_tenant("the delivery worker serves the queue of every organisation")
def _claimable_deliveries(now: datetime, order_wait: timedelta) -> Any:
    """The ids of deliveries due, and not behind an earlier pending delivery to the same
    endpoint that is not due (in flight under another lease, or waiting for its retry),
    unless they have waited `order_wait` since they were made. Deliveries made before
    ordered push have no number and wait for nothing.

    Each endpoint's first not-due number is found once (from the pending rows not due,
    few), so the cost is linear in the queue, not quadratic.
    """
    blocking = (
        select(
            Delivery.endpoint_id.label("endpoint_id"),
            func.min(Delivery.endpoint_sequence).label("first_waiting"),
        )
        .where(Delivery.status == DeliveryStatus.PENDING, Delivery.next_attempt_at > now)
        .group_by(Delivery.endpoint_id)
        .subquery()
    )
    return (
        select(Delivery.id)
        .outerjoin(blocking, blocking.c.endpoint_id == Delivery.endpoint_id)
        .where(
            Delivery.status == DeliveryStatus.PENDING,
            Delivery.next_attempt_at <= now,
            or_(
                Delivery.endpoint_sequence.is_(None),
                blocking.c.first_waiting.is_(None),
                Delivery.endpoint_sequence < blocking.c.first_waiting,
                Delivery.created_at <= now - order_wait,
            ),
        )
    )


@cross_tenant("the delivery worker serves the queue of every organisation")
async def claim_deliveries(
    session: AsyncSession,
    *,
    now: datetime,
    limit: int,
    lease: timedelta,
    order_wait: timedelta = timedelta(0),
) -> list[Delivery]:
    """Lease up to `limit` due deliveries, in each endpoint's sequence order.

    The endpoints with due deliveries are found first; their rows are then locked
    `FOR NO KEY UPDATE SKIP LOCKED` (`ENDPOINT_LOCK`: the intake's foreign keys never wait
    for it), so that two workers never claim for the same endpoint at once (one skips
    it; the other's leases, committed, then hold its later deliveries back); then, for
    the endpoints locked, the due deliveries not behind an earlier pending one are
    leased, lowest endpoint sequence first (an endpoint's claimed deliveries are a
    prefix of its due ones). On SQLite the claim is one UPDATE under the write lock.
    """
    claimable = _claimable_deliveries(now, order_wait)
    candidates = (
        claimable.add_columns(Delivery.endpoint_id)
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(limit)
        .subquery()
    )
    endpoint_ids = sorted(set(await session.scalars(select(candidates.c.endpoint_id))))
    if not endpoint_ids:
        return []
    locked = list(
        await session.scalars(
            select(Endpoint.id)
            .where(Endpoint.id.in_(endpoint_ids))
            .order_by(Endpoint.id)
            .with_for_update(skip_locked=True, **ENDPOINT_LOCK)
        )
    )
    if not locked:
        return []
    token = uuid.uuid4()
    chosen = (
        claimable.where(Delivery.endpoint_id.in_(locked))
        .order_by(
            func.coalesce(Delivery.endpoint_sequence, 0), Delivery.next_attempt_at, Delivery.id
        )
        .limit(limit)
        .with_for_update(of=Delivery, skip_locked=True)
    )
    await session.execute(
        update(Delivery)
        .where(Delivery.id.in_(chosen.scalar_subquery()))
        .values(lease_token=token, next_attempt_at=now + lease)
        .execution_options(synchronize_session=False)
    )
    return list(
        await session.scalars(
            select(Delivery)
            .where(Delivery.lease_token == token)
            .order_by(func.coalesce(Delivery.endpoint_sequence, 0), Delivery.id)
        )
    )


@cross_tenant("the worker hands back the leases of pushes it did not make (ordered push)")
async def release_deliveries(
    session: AsyncSession, leases: Sequence[tuple[uuid.UUID, uuid.UUID]], now: datetime
) -> None:
    """Make leased deliveries due again, unpushed (a push before them was not accepted)."""
    for delivery_id, token in leases:
        await session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id, Delivery.lease_token == token)
            .values(lease_token=None, next_attempt_at=now)
        )


# -- ordered push: the endpoints' streams ---------------------------------------------------


@cross_tenant("a new notification is numbered in its recipient's endpoints' streams")
async def lock_streams(
    session: AsyncSession, endpoint_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, Any]:
    """The stream rows of the endpoints, locked in id order (after the org's counter)."""
    rows = await session.execute(
        select(
            EndpointStream.endpoint_id,
            EndpointStream.last_endpoint_sequence,
            EndpointStream.last_inbox_sequence,
        )
        .where(EndpointStream.endpoint_id.in_(sorted(endpoint_ids)))
        .order_by(EndpointStream.endpoint_id)
        .with_for_update()
    )
    return {row.endpoint_id: row for row in rows}


async def insert_streams(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    if rows:
        await session.execute(insert(EndpointStream), rows)


@cross_tenant("a new notification is numbered in its recipient's endpoints' streams")
async def advance_streams(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Set where each stream is (`b_id`, `b_endpoint_sequence`, `b_inbox_sequence`)."""
    if rows:
        streams = cast(Table, EndpointStream.__table__)
        connection = await session.connection()
        await connection.execute(
            update(streams)
            .where(streams.c.endpoint_id == bindparam("b_id"))
            .values(
                last_endpoint_sequence=bindparam("b_endpoint_sequence"),
                last_inbox_sequence=bindparam("b_inbox_sequence"),
            ),
            rows,
        )


@cross_tenant("the sweeper sends every organisation's idle endpoints their heartbeat")
async def heartbeat_candidates(session: AsyncSession) -> Sequence[Any]:
    """Enabled webhooks with a heartbeat: the endpoint, where its stream is and where its
    organisation's inbox is (read in one statement: the same commit numbered both), and
    when it was last sent a heartbeat or an attempt."""
    last_attempt = (
        select(func.max(DeliveryAttempt.attempted_at))
        .join(Delivery, Delivery.id == DeliveryAttempt.delivery_id)
        .where(Delivery.endpoint_id == Endpoint.id)
        .scalar_subquery()
    )
    return (
        await session.execute(
            select(
                Endpoint,
                EndpointStream.last_endpoint_sequence,
                EndpointStream.last_inbox_sequence,
                EndpointStream.last_heartbeat_at,
                func.coalesce(OrganisationSequence.last_sequence, 0),
                last_attempt,
            )
            .join(EndpointStream, EndpointStream.endpoint_id == Endpoint.id)
            .outerjoin(OrganisationSequence, OrganisationSequence.org == Endpoint.org)
            .where(
                Endpoint.enabled.is_(True),
                Endpoint.removed_at.is_(None),
                Endpoint.heartbeat_seconds.is_not(None),
            )
            .order_by(Endpoint.id)
        )
    ).all()


@cross_tenant("the sweeper sends every organisation's idle endpoints their heartbeat")
async def mark_heartbeat(session: AsyncSession, endpoint_id: uuid.UUID, now: datetime) -> None:
    await session.execute(
        update(EndpointStream)
        .where(EndpointStream.endpoint_id == endpoint_id)
        .values(last_heartbeat_at=now)
    )


@cross_tenant("the worker says in each push what came before it in the endpoint's stream")
async def undelivered_between(
    session: AsyncSession, endpoint_id: uuid.UUID, *, low: int, high: int
) -> dict[int, Any]:
    """The endpoint's deliveries numbered in [low, high) that were not delivered, by
    endpoint sequence (status, end, the inbox sequence of their notification, and of the
    delivery before them)."""
    rows = await session.execute(
        select(
            Delivery.endpoint_sequence,
            Delivery.status,
            Delivery.ended_reason,
            Notification.sequence,
            Delivery.previous_sequence,
        )
        .join(Notification, Notification.id == Delivery.notification_id)
        .where(
            Delivery.endpoint_id == endpoint_id,
            Delivery.endpoint_sequence >= low,
            Delivery.endpoint_sequence < high,
            Delivery.status != DeliveryStatus.DELIVERED,
        )
    )
    return {int(row[0] or 0): row for row in rows}


@cross_tenant("the worker says in each push which inbox sequences the endpoint never gets")
async def notifications_between(
    session: AsyncSession, org: str, *, after: int, before: int, limit: int
) -> Sequence[Any]:
    """The organisation's notifications numbered strictly between `after` and `before`."""
    return (
        await session.execute(
            select(
                Notification.sequence,
                Notification.status,
                Notification.withheld_reason,
                Notification.recipient_role,
                Notification.rule_id,
                Notification.created_at,
            )
            .where(
                Notification.recipient_org == org,
                Notification.sequence > after,
                Notification.sequence < before,
            )
            .order_by(Notification.sequence)
            .limit(limit)
        )
    ).all()


@cross_tenant("a registration starts its endpoint's stream where its organisation's inbox is")
async def first_sequence_since(session: AsyncSession, org: str, since: datetime) -> int | None:
    """The lowest inbox sequence of the organisation's notifications made since `since`."""
    return await session.scalar(
        select(func.min(Notification.sequence)).where(
            Notification.recipient_org == org, Notification.created_at >= since
        )
    )


@cross_tenant("the delivery worker reads what its claimed deliveries push")
async def notifications_and_endpoints_of(
    session: AsyncSession, deliveries: Sequence[Delivery]
) -> tuple[dict[uuid.UUID, Notification], dict[uuid.UUID, Endpoint]]:
    """The notifications and endpoints of claimed deliveries, by id."""
    notifications = {
        row.id: row
        for row in await session.scalars(
            select(Notification).where(Notification.id.in_([d.notification_id for d in deliveries]))
        )
    }
    endpoints = {
        row.id: row
        for row in await session.scalars(
            select(Endpoint).where(Endpoint.id.in_([d.endpoint_id for d in deliveries]))
        )
    }
    return notifications, endpoints


# -- recording (the worker) ---------------------------------------------------------------


@cross_tenant("the delivery worker records the attempts of every organisation's pushes")
async def lock_endpoints(connection: AsyncConnection, endpoint_ids: Sequence[uuid.UUID]) -> None:
    """Lock endpoints (in id order) before their deliveries, as removing one does.

    `FOR NO KEY UPDATE` (`ENDPOINT_LOCK`): see `lock_endpoint`.
    """
    await connection.execute(
        select(Endpoint.id)
        .where(Endpoint.id.in_(sorted(endpoint_ids)))
        .order_by(Endpoint.id)
        .with_for_update(**ENDPOINT_LOCK)
    )


@cross_tenant("the delivery worker records the attempts of every organisation's pushes")
async def lock_notifications(
    connection: AsyncConnection, notification_ids: Sequence[uuid.UUID], *, skip_locked: bool
) -> dict[uuid.UUID, Any]:
    """Status and first delivery of notifications, locked in id order."""
    rows = await connection.execute(
        select(Notification.id, Notification.status, Notification.delivered_at)
        .where(Notification.id.in_(sorted(notification_ids)))
        .order_by(Notification.id)
        .with_for_update(skip_locked=skip_locked)
    )
    return {row.id: row for row in rows}


@cross_tenant("the delivery worker records the attempts of every organisation's pushes")
async def lock_deliveries(
    connection: AsyncConnection, delivery_ids: Sequence[uuid.UUID], *, skip_locked: bool
) -> dict[uuid.UUID, Any]:
    """What recording an attempt reads of its delivery, locked in id order."""
    rows = await connection.execute(
        select(
            Delivery.id,
            Delivery.status,
            Delivery.lease_token,
            Delivery.attempts,
            Delivery.next_attempt_at,
            Delivery.give_up_at,
            Delivery.delivered_at,
            Delivery.ended_reason,
            Delivery.ended_at,
            Delivery.next_trigger,
        )
        .where(Delivery.id.in_(delivery_ids))
        .order_by(Delivery.id)
        .with_for_update(skip_locked=skip_locked)
    )
    return {row.id: row for row in rows}


@cross_tenant("the delivery worker records the attempts of every organisation's pushes")
async def write_attempts(
    connection: AsyncConnection,
    *,
    deliveries: list[dict[str, Any]],
    notifications: list[dict[str, Any]],
) -> None:
    """The recorded deliveries (`b_*` parameters) and first-delivered notifications."""
    if deliveries:
        await connection.execute(_UPDATE_DELIVERY, deliveries)
    if notifications:
        await connection.execute(_UPDATE_NOTIFICATION, notifications)


async def insert_attempts(connection: AsyncConnection, rows: list[dict[str, Any]]) -> None:
    if rows:
        await connection.execute(_INSERT_ATTEMPT, rows)


@cross_tenant("a 410 Gone disables the endpoint that answered it, whatever its organisation")
async def lock_endpoint(session: AsyncSession, endpoint_id: uuid.UUID) -> Endpoint | None:
    """The endpoint, locked `FOR NO KEY UPDATE` for a change of its columns (never its id).

    The intake inserts deliveries to an endpoint while holding its recipients' sequence
    counters, and each insert's foreign key locks the endpoint `FOR KEY SHARE`. A 410 locks
    the endpoint and then numbers its notice (a sequence counter). `FOR UPDATE` conflicts
    with `FOR KEY SHARE`, and the two deadlocked (issue 15, finding 6); `FOR NO KEY UPDATE`
    does not, so the intake goes on and the 410 waits for its counter: the locks are
    always taken counter, then endpoint (the foreign key never waits on the endpoint).
    """
    return await session.scalar(
        select(Endpoint).where(Endpoint.id == endpoint_id).with_for_update(**ENDPOINT_LOCK)
    )


# -- operations (the organisation's own: retry, recover, stats) ---------------------------


@tenant_scope
def readable_deliveries(principal: Principal) -> Select[Delivery]:
    """The deliveries to the caller organisation's endpoints (removed ones' too)."""
    owned = select(Endpoint.id).where(Endpoint.org == principal.org)
    return select(Delivery).where(Delivery.endpoint_id.in_(owned.scalar_subquery()))


async def readable_delivery(
    session: AsyncSession, principal: Principal, delivery_id: uuid.UUID, *, lock: bool = False
) -> Delivery | None:
    """One of the caller's deliveries, or None (another organisation's is None too)."""
    statement = readable_deliveries(principal).where(Delivery.id == delivery_id)
    if lock:
        statement = statement.with_for_update()
    return await session.scalar(statement)


@tenant_scope
async def notification_status_of(
    session: AsyncSession, principal: Principal, notification_id: uuid.UUID
) -> str | None:
    """The status of one of the caller's notifications."""
    return await session.scalar(
        select(Notification.status).where(
            Notification.id == notification_id, Notification.recipient_org == principal.org
        )
    )


@tenant_scope
async def failed_deliveries_ended_in(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: uuid.UUID,
    *,
    since: datetime,
    until: datetime,
) -> list[tuple[Delivery, str]]:
    """The endpoint's deliveries that ended `failed` in [since, until], with their
    notification's status, locked for a change, oldest notification first.

    A delivery ended before `ended_at` was kept counts from when it was made.
    """
    ended = func.coalesce(Delivery.ended_at, Delivery.created_at)
    rows = await session.execute(
        readable_deliveries(principal)
        .add_columns(Notification.status)
        .join(Notification, Notification.id == Delivery.notification_id)
        .where(
            Delivery.endpoint_id == endpoint_id,
            Delivery.status == DeliveryStatus.FAILED,
            Notification.recipient_org == principal.org,
            ended >= since,
            ended <= until,
        )
        .order_by(Notification.sequence, Delivery.id)
        .with_for_update(of=Delivery)
    )
    return [(row[0], row[1]) for row in rows]


@tenant_scope
async def delivery_counts(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: uuid.UUID,
    *,
    since: datetime,
    until: datetime,
) -> dict[str, int]:
    """How many of the endpoint's deliveries made in [since, until) are in each status."""
    rows = await session.execute(
        select(Delivery.status, func.count())
        .where(
            Delivery.endpoint_id == endpoint_id,
            Delivery.endpoint_id.in_(
                select(Endpoint.id).where(Endpoint.org == principal.org).scalar_subquery()
            ),
            Delivery.created_at >= since,
            Delivery.created_at < until,
        )
        .group_by(Delivery.status)
    )
    return {str(row[0]): int(row[1]) for row in rows}


@tenant_scope
async def attempt_streak(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
) -> tuple[datetime | None, int, datetime | None]:
    """The endpoint's last accepted attempt, and the run of attempts not accepted since
    (how many, and when the first of them was made)."""
    of_endpoint = (
        select(DeliveryAttempt.attempted_at, DeliveryAttempt.outcome)
        .join(Delivery, Delivery.id == DeliveryAttempt.delivery_id)
        .where(
            Delivery.endpoint_id == endpoint_id,
            Delivery.endpoint_id.in_(
                select(Endpoint.id).where(Endpoint.org == principal.org).scalar_subquery()
            ),
        )
        .subquery()
    )
    last_success = await session.scalar(
        select(func.max(of_endpoint.c.attempted_at)).where(
            of_endpoint.c.outcome == AttemptOutcome.DELIVERED
        )
    )
    streak = select(func.count(), func.min(of_endpoint.c.attempted_at)).where(
        of_endpoint.c.outcome != AttemptOutcome.DELIVERED
    )
    if last_success is not None:
        streak = streak.where(of_endpoint.c.attempted_at > last_success)
    count, first = (await session.execute(streak)).one()
    return last_success, int(count or 0), first


@tenant_scope
async def open_notifications_since(
    session: AsyncSession, principal: Principal, since: datetime, *, limit: int
) -> list[Notification]:
    """The caller organisation's open notifications made since `since`, in sequence order."""
    return list(
        await session.scalars(
            select(Notification)
            .where(
                Notification.recipient_org == principal.org,
                Notification.status.in_(OPEN_STATUSES),
                Notification.created_at >= since,
            )
            .order_by(Notification.sequence)
            .limit(limit)
        )
    )


# -- failure streaks (the worker and the sweeper) -----------------------------------------


@cross_tenant("the worker keeps the failure streak of every organisation's endpoints")
async def mark_failing(
    connection: AsyncConnection, first_failures: dict[uuid.UUID, datetime]
) -> None:
    """Start the failure streak of endpoints that had none (in id order)."""
    for endpoint_id in sorted(first_failures):
        await connection.execute(
            update(Endpoint)
            .where(Endpoint.id == endpoint_id, Endpoint.failing_since.is_(None))
            .values(failing_since=first_failures[endpoint_id])
        )


@cross_tenant("the worker keeps the failure streak of every organisation's endpoints")
async def mark_healthy(connection: AsyncConnection, endpoint_ids: Iterable[uuid.UUID]) -> None:
    """End the failure streak of endpoints that accepted an attempt."""
    for endpoint_id in sorted(endpoint_ids):
        await connection.execute(
            update(Endpoint)
            .where(Endpoint.id == endpoint_id, Endpoint.failing_since.is_not(None))
            .values(failing_since=None, failure_warned_at=None)
        )


@cross_tenant("the sweeper warns and disables every organisation's failing endpoints")
async def failing_endpoints(session: AsyncSession, *, failing_before: datetime) -> list[uuid.UUID]:
    """Enabled endpoints whose failure streak began before `failing_before`."""
    return list(
        await session.scalars(
            select(Endpoint.id)
            .where(
                Endpoint.enabled.is_(True),
                Endpoint.removed_at.is_(None),
                Endpoint.failing_since <= failing_before,
            )
            .order_by(Endpoint.id)
        )
    )


@cross_tenant("the sweeper checks a failing endpoint's attempts, whatever its organisation")
async def accepted_since(session: AsyncSession, endpoint_id: uuid.UUID, since: datetime) -> bool:
    """Whether an attempt to the endpoint was accepted after `since`."""
    found = await session.scalar(
        select(DeliveryAttempt.id)
        .join(Delivery, Delivery.id == DeliveryAttempt.delivery_id)
        .where(
            Delivery.endpoint_id == endpoint_id,
            DeliveryAttempt.outcome == AttemptOutcome.DELIVERED,
            DeliveryAttempt.attempted_at > since,
        )
        .limit(1)
    )
    return found is not None


@cross_tenant("the sweeper tells each organisation of its exhausted deliveries")
async def exhausted_unnoticed(
    session: AsyncSession, *, reasons: Sequence[str], limit: int
) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """Failed deliveries of notifications (not notices) whose end is one of `reasons`
    (a `%` pattern each) and of which nobody was told: (delivery, endpoint, org), locked."""
    condition = or_(*(Delivery.ended_reason.like(reason) for reason in reasons))
    rows = await session.execute(
        select(Delivery.id, Delivery.endpoint_id, Endpoint.org)
        .join(Endpoint, Endpoint.id == Delivery.endpoint_id)
        .join(Notification, Notification.id == Delivery.notification_id)
        .where(
            Delivery.status == DeliveryStatus.FAILED,
            Delivery.exhaustion_noticed_at.is_(None),
            Notification.kind != "notice",
            condition,
        )
        .order_by(Delivery.id)
        .limit(limit)
        .with_for_update(of=Delivery, skip_locked=True)
    )
    return [(row[0], row[1], row[2]) for row in rows]


@cross_tenant("the sweeper tells each organisation of its exhausted deliveries")
async def mark_exhaustion_noticed(
    session: AsyncSession, delivery_ids: Sequence[uuid.UUID], now: datetime
) -> None:
    await session.execute(
        update(Delivery).where(Delivery.id.in_(delivery_ids)).values(exhaustion_noticed_at=now)
    )


@cross_tenant("the sweeper tells each organisation of its recovered deliveries")
async def recovered_unnoticed(
    session: AsyncSession, *, limit: int
) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """Deliveries a retry or a recover made pending that are now delivered, of which
    nobody was told: (delivery, endpoint, org), locked."""
    rows = await session.execute(
        select(Delivery.id, Delivery.endpoint_id, Endpoint.org)
        .join(Endpoint, Endpoint.id == Delivery.endpoint_id)
        .where(
            Delivery.status == DeliveryStatus.DELIVERED,
            Delivery.recovery_requested_at.is_not(None),
        )
        .order_by(Delivery.id)
        .limit(limit)
        .with_for_update(of=Delivery, skip_locked=True)
    )
    return [(row[0], row[1], row[2]) for row in rows]


@cross_tenant("the sweeper tells each organisation of its recovered deliveries")
async def mark_recovery_noticed(session: AsyncSession, delivery_ids: Sequence[uuid.UUID]) -> None:
    await session.execute(
        update(Delivery).where(Delivery.id.in_(delivery_ids)).values(recovery_requested_at=None)
    )
