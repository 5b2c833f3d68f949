"""The figures' queries: counts of what concerns the caller's organisation.

A notification concerns an organisation when it is the recipient or the responsible
authority (`concerning`); an event concerns its responsible authority.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import Delivery, DeliveryStatus
from notify.events.imported import ImportedDuty
from notify.events.models import Event
from notify.notifications.models import Notification, NotificationKind
from platform_shared.auth import Principal
from platform_shared.tenancy import cross_tenant, tenant_scope


def _in_period(column: Any, start: datetime | None, end: datetime | None) -> list[Any]:
    conditions = []
    if start is not None:
        conditions.append(column >= start)
    if end is not None:
        conditions.append(column < end)
    return conditions


@tenant_scope
def concerning(
    principal: Principal, start: datetime | None, end: datetime | None
) -> ColumnElement[bool]:
    """Notifications of the period the caller receives or is the responsible authority of."""
    concerns = or_(
        Notification.recipient_org == principal.org,
        Notification.responsible_authority == principal.org,
    )
    return and_(concerns, *_in_period(Notification.created_at, start, end))


_LATE = case(
    (
        and_(
            Notification.acknowledged_at.is_not(None),
            or_(
                Notification.acknowledged_at > Notification.due_at,
                Notification.overdue_at.is_not(None),
            ),
        ),
        True,
    ),
    else_=False,
)


async def notification_counts(
    session: AsyncSession, principal: Principal, start: datetime | None, end: datetime | None
) -> list[Any]:
    """(rule, basis, kind, status, breach, late, count) of the notifications concerning the
    caller (the platform's own notices left out)."""
    columns = (
        Notification.rule_id,
        Notification.basis,
        Notification.kind,
        Notification.status,
        Notification.breach,
    )
    result = await session.execute(
        select(*columns, _LATE.label("late"), func.count())
        .where(concerning(principal, start, end), Notification.kind != NotificationKind.NOTICE)
        .group_by(*columns, _LATE)
    )
    return list(result)


@tenant_scope
async def imported_duty_counts(
    session: AsyncSession, principal: Principal, start: datetime | None, end: datetime | None
) -> list[Any]:
    """(rule, basis, count) of the duties an import's history would have required, past on
    the day of the import, concerning the caller (recipient or responsible authority); the
    period is of the import."""
    basis = func.coalesce(ImportedDuty.basis, "")
    result = await session.execute(
        select(ImportedDuty.rule_id, basis, func.count())
        .where(
            or_(
                ImportedDuty.recipient_org == principal.org,
                ImportedDuty.responsible_authority == principal.org,
            ),
            *_in_period(ImportedDuty.imported_at, start, end),
        )
        .group_by(ImportedDuty.rule_id, basis)
    )
    return list(result)


@cross_tenant(
    "failed pushes of notifications concerning the caller, whichever organisation's endpoint "
    "they went to; only counts per rule leave"
)
async def failed_delivery_counts(
    session: AsyncSession, principal: Principal, start: datetime | None, end: datetime | None
) -> list[Any]:
    """(rule, basis, count) of the failed pushes of notifications concerning the caller."""
    result = await session.execute(
        select(Notification.rule_id, Notification.basis, func.count())
        .join(Delivery, Delivery.notification_id == Notification.id)
        .where(concerning(principal, start, end), Delivery.status == DeliveryStatus.FAILED)
        .group_by(Notification.rule_id, Notification.basis)
    )
    return list(result)


@tenant_scope
async def unmatched_event_counts(
    session: AsyncSession, principal: Principal, start: datetime | None, end: datetime | None
) -> list[Any]:
    """(type, count) of the events about the caller's people that no rule matched."""
    result = await session.execute(
        select(Event.type, func.count())
        .where(
            Event.responsible_authority == principal.org,
            Event.matched.is_(False),
            *_in_period(Event.received_at, start, end),
        )
        .group_by(Event.type)
        .order_by(Event.type)
    )
    return list(result)


@cross_tenant(
    "the duties of the caller's organisation or of its partnership's authorities (setting "
    "`partnerships`), as counts only"
)
async def duty_rows(
    session: AsyncSession, orgs: Sequence[str], start: datetime, end: datetime
) -> list[Notification]:
    """The notifications made in [start, end) that `orgs` receive or are the responsible
    authority of, the platform's notices left out, and the escalation steps of those."""
    concerned = and_(
        or_(
            Notification.recipient_org.in_(list(orgs)),
            Notification.responsible_authority.in_(list(orgs)),
        ),
        Notification.kind != NotificationKind.NOTICE,
        Notification.created_at >= start,
        Notification.created_at < end,
    )
    # The ladder's steps of those, whoever they went to (the police, say): counted only.
    originals = select(Notification.id).where(concerned).scalar_subquery()
    return list(
        await session.scalars(
            select(Notification).where(or_(concerned, Notification.escalation_of.in_(originals)))
        )
    )


@cross_tenant(
    "the imported duties of the caller's organisation or of its partnership's authorities "
    "(setting `partnerships`), as counts only"
)
async def imported_duty_rows(
    session: AsyncSession, orgs: Sequence[str], start: datetime, end: datetime
) -> list[Any]:
    """(rule, basis, recipient, imported at) of the duties imported as history in [start,
    end) that `orgs` receive or are the responsible authority of."""
    result = await session.execute(
        select(
            ImportedDuty.rule_id,
            func.coalesce(ImportedDuty.basis, ""),
            ImportedDuty.recipient_org,
            ImportedDuty.imported_at,
        ).where(
            or_(
                ImportedDuty.recipient_org.in_(list(orgs)),
                ImportedDuty.responsible_authority.in_(list(orgs)),
            ),
            ImportedDuty.imported_at >= start,
            ImportedDuty.imported_at < end,
        )
    )
    return list(result)
