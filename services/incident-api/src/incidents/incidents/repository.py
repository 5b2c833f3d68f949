"""Every query of incidents, in one place, scoped to whoever asks.

A caller reads an incident when its organisation recorded it, is the child's
responsible authority, is the area authority where the child is placed, or is the
police force named on it (the force the CPS checklist goes to). `readable_by` is the
only place that rule is written; every caller-facing query is built on it (a test
checks that no other module selects incidents).
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from incidents.incidents.models import Incident
from platform_shared.calendar import start_of_day
from platform_shared.problems import Invalid, NotFound


class AuthorityRelation(StrEnum):
    """Which incidents of an authority: of children it is responsible for, placed in its
    area, or either."""

    ANY = "any"
    RESPONSIBLE = "responsible"
    AREA = "area"


def readable_by(org: str) -> ColumnElement[bool]:
    """The incidents `org` may read (docs: recorder, responsible and area authority)."""
    return or_(
        Incident.recorded_by == org,
        Incident.responsible_authority == org,
        Incident.area_authority == org,
        Incident.police_force == org,
    )


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


@dataclass(frozen=True)
class IncidentFilters:
    person_ref: str | None = None
    kind: str | None = None
    occurred_from: date | None = None
    occurred_to: date | None = None
    authority: str | None = None


def london_day_range(first: date | None, last: date | None) -> ColumnElement[bool]:
    """Incidents whose Europe/London date lies in [first, last] (either end may be open)."""
    conditions: list[ColumnElement[bool]] = []
    if first is not None:
        conditions.append(Incident.occurred_at >= start_of_day(first))
    if last is not None:
        conditions.append(Incident.occurred_at < start_of_day(last + timedelta(days=1)))
    return and_(*conditions) if conditions else Incident.id.is_not(None)


def encode_cursor(incident: Incident) -> str:
    raw = json.dumps({"at": incident.occurred_at.isoformat(), "id": str(incident.id)})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = json.loads(base64.urlsafe_b64decode(padded.encode()))
        at = datetime.fromisoformat(raw["at"])
        if at.tzinfo is None:
            raise ValueError("naive")
        return at, uuid.UUID(raw["id"])
    except (ValueError, KeyError, TypeError) as error:
        raise Invalid("query.cursor", "not a cursor this service issued") from error


async def list_readable(
    session: AsyncSession,
    org: str,
    filters: IncidentFilters,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[Incident], str | None]:
    """One page of the incidents `org` may read, newest first, and the next cursor."""
    statement = readable_incidents(org).where(
        london_day_range(filters.occurred_from, filters.occurred_to)
    )
    if filters.person_ref is not None:
        statement = statement.where(Incident.person_ref == filters.person_ref)
    if filters.kind is not None:
        statement = statement.where(Incident.kind == filters.kind)
    if filters.authority is not None:
        statement = statement.where(
            or_(
                Incident.responsible_authority == filters.authority,
                Incident.area_authority == filters.authority,
            )
        )
    if cursor is not None:
        at, last_id = decode_cursor(cursor)
        statement = statement.where(
            or_(
                Incident.occurred_at < at,
                and_(Incident.occurred_at == at, Incident.id < last_id),
            )
        )
    statement = statement.order_by(Incident.occurred_at.desc(), Incident.id.desc())
    rows = list(await session.scalars(statement.limit(limit + 1)))
    page = rows[:limit]
    next_cursor = encode_cursor(page[-1]) if len(rows) > limit else None
    return page, next_cursor


async def get_for_relay(
    session: AsyncSession, incident_id: uuid.UUID, *, for_update: bool = False
) -> Incident | None:
    """The incident an outbox event announces, for the relay's enrichment (no caller)."""
    statement = select(Incident).where(Incident.id == incident_id)
    if for_update:
        statement = statement.with_for_update()
    result: Incident | None = await session.scalar(statement)
    return result


def authority_relation(authority: str, relation: AuthorityRelation) -> ColumnElement[bool]:
    if relation == "responsible":
        return Incident.responsible_authority == authority
    if relation == "area":
        return Incident.area_authority == authority
    return or_(Incident.responsible_authority == authority, Incident.area_authority == authority)


async def incidents_for_figures(
    session: AsyncSession, authority: str, relation: AuthorityRelation, first: date, last: date
) -> list[Incident]:
    """The incidents of `authority` whose London date lies in [first, last]: the figures'
    population (readable by that authority by construction)."""
    statement = (
        readable_incidents(authority)
        .where(authority_relation(authority, relation), london_day_range(first, last))
        .order_by(Incident.occurred_at)
    )
    return list(await session.scalars(statement))
