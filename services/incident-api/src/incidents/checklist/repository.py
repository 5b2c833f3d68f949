"""Every query of CPS checklist sections: those of incidents the caller may read.

A section belongs to the organisations of its incident, so each query joins the
incident and bounds it with `readable_by` (the incidents' one tenancy rule).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from incidents.checklist.models import ChecklistSection
from incidents.incidents.models import Incident
from incidents.incidents.repository import readable_by


async def sections_of(
    session: AsyncSession, org: str, incident_id: uuid.UUID
) -> dict[int, ChecklistSection]:
    """The written sections of an incident `org` may read, by section number."""
    rows = await session.scalars(
        select(ChecklistSection)
        .join(Incident, Incident.id == ChecklistSection.incident_id)
        .where(ChecklistSection.incident_id == incident_id, readable_by(org))
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
        select(
            ChecklistSection.incident_id, ChecklistSection.section, ChecklistSection.completed_at
        )
        .join(Incident, Incident.id == ChecklistSection.incident_id)
        .where(ChecklistSection.incident_id.in_(list(written)), readable_by(org))
    )
    for incident_id, section, completed_at in rows:
        written[incident_id][section] = completed_at
    return written
