"""The queries of the monitoring figures: an authority's incidents of a period.

Bounded to the authority by `readable_incidents` (the incidents' one tenancy rule): the
population of an authority's figures is readable by that authority by construction.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, or_
from sqlalchemy.ext.asyncio import AsyncSession

from incidents.incidents.models import Incident
from incidents.incidents.repository import london_day_range, readable_incidents
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
