"""The status facts of a person_ref, for the platform's own services (incident-api).

docs/events.md: served at `GET /v1/status-facts/{person_ref}` and audited like a lookup,
with the purpose `event_enrichment`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.lookups.service import FACTS_READ
from care_status.status_facts.repository import read_record_by_person_ref
from care_status.status_facts.schemas import StatusFacts
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.problems import NotFound

PURPOSE = "event_enrichment"


async def read_status_facts(
    session: AsyncSession, caller: Principal, person_ref: str, as_of: date
) -> StatusFacts:
    """The facts block of `person_ref` as of `as_of`; 404 when nobody has that person_ref."""
    record = await read_record_by_person_ref(session, person_ref)
    if record is None:
        raise NotFound("No person with this person_ref")
    facts = record.facts(as_of)
    record_audit(
        session,
        caller,
        FACTS_READ,
        subject_type="child",
        subject_id=record.child.id,
        subject_owner=record.child.responsible_authority,
        purpose=PURPOSE,
        outcome=facts.status.value,
        details={"as_of": as_of.isoformat()},
    )
    return facts
