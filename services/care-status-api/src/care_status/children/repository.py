"""Queries of child records, always scoped to the caller's organisation.

Every statement that reads a child for a caller starts from `children_of(org)` (the
responsible authority's own records); another organisation's child is therefore a 404
here, in one place. A child's whole record (its history) is read by the one care-record
reader (`care_record.repository`); the area authority's read of a child placed in its
area is there too.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from care_status.children.models import Child
from platform_shared.tenancy import cross_tenant, tenant_scope


@tenant_scope
def children_of(org: str) -> Select[Child]:
    """The statement of every child record `org` is the responsible authority for."""
    return select(Child).where(Child.responsible_authority == org)


async def lock_owned_child(session: AsyncSession, child_id: uuid.UUID, org: str) -> Child | None:
    """The child `org` is responsible for, locked for the transaction (it will change)."""
    return await session.scalar(children_of(org).where(Child.id == child_id).with_for_update())


async def nhs_number_taken(
    session: AsyncSession, org: str, nhs_number: str, except_id: uuid.UUID | None = None
) -> bool:
    """Whether `org` already holds another record with this NHS number."""
    statement = children_of(org).where(Child.nhs_number == nhs_number)
    if except_id is not None:
        statement = statement.where(Child.id != except_id)
    return await session.scalar(statement.limit(1)) is not None


async def children_page(
    session: AsyncSession, org: str, limit: int, after: tuple[datetime, uuid.UUID] | None
) -> list[Child]:
    """`limit` of `org`'s children in creation order, after the (instant, id) `after`."""
    statement = children_of(org).order_by(Child.created_at, Child.id).limit(limit)
    if after is not None:
        after_at, after_id = after
        statement = statement.where(
            or_(
                Child.created_at > after_at, and_(Child.created_at == after_at, Child.id > after_id)
            )
        )
    return list(await session.scalars(statement))


async def same_name_and_birth(
    session: AsyncSession, org: str, given_name_key: str, family_name_key: str, born: date
) -> uuid.UUID | None:
    """The id of a record of `org` with these name keys and date of birth (the lookup's
    match by name), the oldest when there are several; None when there is none."""
    statement = (
        children_of(org)
        .where(
            Child.family_name_key == family_name_key,
            Child.given_name_key == given_name_key,
            Child.date_of_birth == born,
        )
        .order_by(Child.created_at, Child.id)
        .limit(1)
    )
    child = await session.scalar(statement)
    return child.id if child is not None else None


@cross_tenant("a refused read is audited for the organisation that really holds the record")
async def owner_of(session: AsyncSession, child_id: uuid.UUID) -> str | None:
    """The responsible authority of a child, whoever asks; None when there is no such child."""
    owner: str | None = await session.scalar(
        select(Child.responsible_authority).where(Child.id == child_id)
    )
    return owner
