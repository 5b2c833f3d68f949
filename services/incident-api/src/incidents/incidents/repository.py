"""Every query of incidents, in one place, scoped to whoever asks.

A caller reads an incident when its organisation recorded it, is the child's
responsible authority, is the area authority where the child is placed, or is the
police force named on it (the force the CPS checklist goes to). `readable_by` is the
only place that rule is written (`@tenant_scope`); every caller-facing query is built on
it. The relay's enrichment is the one deliberate read across organisations
(`@cross_tenant`).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from incidents.incidents.models import Incident
from incidents.incidents.schemas import IncidentFilters
from platform_shared.calendar import start_of_day
from platform_shared.problems import NotFound
from platform_shared.tenancy import cross_tenant, tenant_scope
from platform_shared.web.pagination import decode_instant_cursor, next_cursor_of


@tenant_scope
def readable_by(org: str) -> ColumnElement[bool]:
    """The incidents `org` may read (docs: recorder, responsible and area authority)."""
    return or_(
        Incident.recorded_by == org,
        Incident.responsible_authority == org,
        Incident.area_authority == org,
        Incident.police_force == org,
    )


@tenant_scope
def readable_incidents(org: str) -> Select[Incident]:
    """The statement every read of incidents on behalf of a caller starts from."""
    return select(Incident).where(readable_by(org))


async def get_readable(
    session: AsyncSession, org: str, incident_id: uuid.UUID, *, for_update: bool = False
) -> Incident:
    """The incident, if `org` may read it; NotFound otherwise (existence is not disclosed)."""
    statement = readable_incidents(org).where(Incident.id == incident_id)
    if for_update:
        statement = statement.with_for_update()
    incident = await session.scalar(statement)
    if incident is None:
        raise NotFound("No such incident")
    return incident


def london_day_range(first: date | None, last: date | None) -> ColumnElement[bool]:
    """Incidents whose Europe/London date lies in [first, last] (either end may be open)."""
    conditions: list[ColumnElement[bool]] = []
    if first is not None:
        conditions.append(Incident.occurred_at >= start_of_day(first))
    if last is not None:
        conditions.append(Incident.occurred_at < start_of_day(last + timedelta(days=1)))
    return and_(*conditions) if conditions else Incident.id.is_not(None)


def _filtered(statement: Select[Incident], filters: IncidentFilters) -> Select[Incident]:
    statement = statement.where(london_day_range(filters.occurred_from, filters.occurred_to))
    if filters.person_ref is not None:
        statement = statement.where(Incident.person_ref == filters.person_ref)
    if filters.kind is not None:
        statement = statement.where(Incident.kind == filters.kind.value)
    if filters.authority is not None:
        statement = statement.where(
            or_(
                Incident.responsible_authority == filters.authority,
                Incident.area_authority == filters.authority,
            )
        )
    return statement


def _after(statement: Select[Incident], cursor: str | None) -> Select[Incident]:
    """The rows after the cursor's position, newest first (occurred_at, then id)."""
    if cursor is None:
        return statement
    at, last_id = decode_instant_cursor(cursor)
    return statement.where(
        or_(Incident.occurred_at < at, and_(Incident.occurred_at == at, Incident.id < last_id))
    )


def _position(incident: Incident) -> list[str]:
    return [incident.occurred_at.isoformat(), str(incident.id)]


async def list_readable(
    session: AsyncSession,
    org: str,
    filters: IncidentFilters,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[Incident], str | None]:
    """One page of the incidents `org` may read, newest first, and the next cursor."""
    statement = _after(_filtered(readable_incidents(org), filters), cursor)
    statement = statement.order_by(Incident.occurred_at.desc(), Incident.id.desc())
    rows = list(await session.scalars(statement.limit(limit + 1)))
    return next_cursor_of(rows, limit, _position)


@cross_tenant(
    "the outbox relay completes pending events of every organisation with their status "
    "facts; it acts for no caller and returns nothing to one"
)
async def get_for_relay(
    session: AsyncSession, incident_id: uuid.UUID, *, for_update: bool = False
) -> Incident | None:
    """The incident an outbox event announces, for the relay's enrichment (no caller)."""
    statement = select(Incident).where(Incident.id == incident_id)
    if for_update:
        statement = statement.with_for_update()
    result: Incident | None = await session.scalar(statement)
    return result
