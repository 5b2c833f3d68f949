"""The queries of the monitoring figures: an authority's incidents of a period.

Bounded to the authority by `readable_incidents` (the incidents' one tenancy rule): the
population of an authority's figures is readable by that authority by construction.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import ColumnElement, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from incidents.incidents.models import Incident
from incidents.incidents.repository import london_day_range, readable_incidents
from incidents.incidents.vocabulary import IncidentKind
from incidents.monitoring.schemas import AuthorityRelation


def _related(authority: str, relation: AuthorityRelation) -> ColumnElement[bool]:
    if relation is AuthorityRelation.RESPONSIBLE:
        return Incident.responsible_authority == authority
    if relation is AuthorityRelation.AREA:
        return Incident.area_authority == authority
    return or_(Incident.responsible_authority == authority, Incident.area_authority == authority)


async def incidents_for_figures(
    session: AsyncSession, authority: str, relation: AuthorityRelation, first: date, last: date
) -> list[Incident]:
    """The incidents of `authority` whose London date lies in [first, last]: the figures'
    population (readable by that authority by construction)."""
    statement = (
        readable_incidents(authority)
        .where(_related(authority, relation), london_day_range(first, last))
        .order_by(Incident.occurred_at)
    )
    return list(await session.scalars(statement))


async def disposals_of_year(
    session: AsyncSession, authority: str, outcomes: Collection[str], first: date, last: date
) -> list[Incident]:
    """The records `authority` may read with an outcome of `outcomes` dated in
    [first, last], or a custodial sentence passed then (the national measure's disposals)."""
    statement = readable_incidents(authority).where(
        or_(
            and_(
                Incident.outcome.in_(sorted(outcomes)),
                Incident.outcome_date >= first,
                Incident.outcome_date <= last,
            ),
            and_(
                Incident.kind == IncidentKind.CUSTODIAL_SENTENCE.value,
                Incident.sentenced_on >= first,
                Incident.sentenced_on <= last,
            ),
        )
    )
    return list(await session.scalars(statement))
