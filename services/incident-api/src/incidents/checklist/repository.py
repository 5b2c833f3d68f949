"""Every query of CPS checklist sections: those of incidents the caller may read.

A section belongs to the organisations of its incident, so each query joins the
incident and bounds it with `readable_by` (the incidents' one tenancy rule).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from incidents.checklist.models import ChecklistSection
from incidents.incidents.models import Incident
from incidents.incidents.repository import readable_by
from platform_shared.tenancy import tenant_scope


@tenant_scope
def readable_sections(org: str, *columns: Any) -> Select[Any]:
    """The sections (or `columns` of them) of the incidents `org` may read."""
    return (
        select(*(columns or (ChecklistSection,)))
        .join(Incident, Incident.id == ChecklistSection.incident_id)
        .where(readable_by(org))
    )


async def sections_of(
    session: AsyncSession, org: str, incident_id: uuid.UUID
) -> dict[int, ChecklistSection]:
    """The written sections of an incident `org` may read, by section number."""
    rows = await session.scalars(
        readable_sections(org).where(ChecklistSection.incident_id == incident_id)
    )
    return {row.section: row for row in rows}


async def completion_times(
    session: AsyncSession, org: str, incident_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, dict[int, datetime]]:
    """For each incident `org` may read, when each written section was first written."""
    written: dict[uuid.UUID, dict[int, datetime]] = {
        incident_id: {} for incident_id in incident_ids
    }
    if not written:
        return written
    rows = await session.execute(
        readable_sections(
            org,
            ChecklistSection.incident_id,
            ChecklistSection.section,
            ChecklistSection.completed_at,
        ).where(ChecklistSection.incident_id.in_(list(written)))
    )
    for incident_id, section, completed_at in rows:
        written[incident_id][section] = completed_at
    return written
