"""The status facts of a person_ref, for the platform's own services (incident-api); and
the cohort of the national measure (incident-api's monitoring).

docs/events.md: served at `GET /v1/status-facts/{person_ref}` and audited like a lookup,
with the purpose `event_enrichment`. The cohort
(`GET /v1/status-facts/cohorts/continuously-looked-after`) is audited the same way: one
facts-read row per child in it (its authority sees it in its lookup audit), and one row
for the read itself, which names the authority even when the cohort is empty.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.care_record.repository import read_cohort_candidates
from care_status.lookups.service import COHORT_READ, FACTS_READ
from care_status.on_behalf import Reader
from care_status.organisations import require_local_authority
from care_status.status import (
    CONTINUOUS_CARE_MONTHS,
    birthday,
    looked_after_continuously,
    months_before,
)
from care_status.status_facts.repository import read_record_by_person_ref
from care_status.status_facts.schemas import ContinuouslyLookedAfterCohort, StatusFacts
from platform_shared.audit import record_audit
from platform_shared.problems import NotFound

PURPOSE = "event_enrichment"
#: The purpose of a cohort read: the national measure (national protocol 1.4 fn 2, 10.5).
COHORT_PURPOSE = "national_measure"
COHORT = "continuously_looked_after"


async def read_status_facts(
    session: AsyncSession, reader: Reader, person_ref: str, as_of: date
) -> StatusFacts:
    """The facts block of `person_ref` as of `as_of`; 404 when nobody has that person_ref.

    Audited with `reader` (the platform client, or whom it read on behalf of)."""
    record = await read_record_by_person_ref(session, person_ref)
    if record is None:
        raise NotFound("No person with this person_ref")
    facts = record.facts(as_of)
    record_audit(
        session,
        reader.principal,
        FACTS_READ,
        subject_type="child",
        subject_id=record.child.id,
        subject_owner=record.child.responsible_authority,
        purpose=PURPOSE,
        outcome=facts.status.value,
        details=reader.details({"as_of": as_of.isoformat()}),
    )
    return facts


async def read_continuously_looked_after(
    session: AsyncSession, reader: Reader, authority: str, on: date, min_age: int
) -> ContinuouslyLookedAfterCohort:
    """The children of `authority` looked after continuously for 12 months or more on
    `on` (short breaks excluded), aged `min_age` or over on `on` (SSDA903 OC2)."""
    require_local_authority(authority, "query.authority")
    # The first day of the 12 months ending on `on` (looked_after_continuously).
    since = months_before(on, CONTINUOUS_CARE_MONTHS) + timedelta(days=1)
    # Born on or before the day `on` less `min_age` years: aged `min_age` on `on`.
    born_by = _born_by(on, min_age)
    candidates = await read_cohort_candidates(session, authority, born_by, since)
    cohort = [
        record
        for record in candidates
        if birthday(record.child.date_of_birth, min_age) <= on
        and looked_after_continuously(record.history, on, CONTINUOUS_CARE_MONTHS)
    ]
    details = reader.details({"as_of": on.isoformat(), "cohort": COHORT, "min_age": min_age})
    record_audit(
        session,
        reader.principal,
        COHORT_READ,
        subject_type="cohort",
        subject_owner=authority,
        purpose=COHORT_PURPOSE,
        outcome=str(len(cohort)),
        details=details,
    )
    for record in cohort:
        record_audit(
            session,
            reader.principal,
            FACTS_READ,
            subject_type="child",
            subject_id=record.child.id,
            subject_owner=authority,
            purpose=COHORT_PURPOSE,
            outcome=COHORT,
            details=details,
        )
    return ContinuouslyLookedAfterCohort(
        authority=authority,
        on=on,
        min_age=min_age,
        count=len(cohort),
        person_refs=[record.child.person_ref for record in cohort],
    )


def _born_by(on: date, min_age: int) -> date:
    """The latest date of birth of a person aged `min_age` on `on` (when that year has no
    29 February, 28 February: a 29 February birth reaches its age on 1 March)."""
    try:
        return on.replace(year=on.year - min_age)
    except ValueError:
        return date(on.year - min_age, 2, 28)
