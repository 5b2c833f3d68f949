"""HTTP of the status facts of a person_ref (the platform's own services)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from care_status.auth import CareStatusFacts
from care_status.dependencies import AsOf
from care_status.identifiers import PERSON_REF_PATTERN
from care_status.status_facts import service
from care_status.status_facts.schemas import StatusFacts
from platform_shared.calendar import local_date
from platform_shared.dependencies import Session
from platform_shared.problems import NotFound, problem_responses
from platform_shared.web.clock import Now

router = APIRouter(prefix="/v1/status-facts", tags=["status-facts"])


@router.get("/{person_ref}", response_model=StatusFacts, responses=problem_responses(NotFound))
async def get_status_facts(
    person_ref: Annotated[str, Path(pattern=PERSON_REF_PATTERN)],
    caller: CareStatusFacts,
    session: Session,
    now: Now,
    as_of: AsOf = None,
) -> StatusFacts:
    """The status facts block of docs/events.md for `person_ref` as of `as_of` (default
    today), for incident-api to enrich its events. Audited (`event_enrichment`)."""
    return await service.read_status_facts(session, caller, person_ref, as_of or local_date(now))
