"""HTTP of the status facts of a person_ref (the platform's own services)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query

from care_status.auth import CareStatusFacts
from care_status.dependencies import AsOf
from care_status.identifiers import PERSON_REF_PATTERN
from care_status.on_behalf import HEADER, reader_of
from care_status.status_facts import service
from care_status.status_facts.schemas import ContinuouslyLookedAfterCohort, StatusFacts
from platform_shared.calendar import local_date
from platform_shared.dependencies import Session
from platform_shared.fields import IsoDate
from platform_shared.problems import NotFound, problem_responses
from platform_shared.web.clock import Now

router = APIRouter(prefix="/v1/status-facts", tags=["status-facts"])

Authority = Annotated[
    str,
    Query(
        pattern=r"^E\d{8}$",
        description="GSS code of the responsible local authority",
        examples=["E09000007"],
    ),
]
On = Annotated[IsoDate, Query(description="The date of the count (e.g. 31 March)")]
OnBehalfOf = Annotated[
    str | None,
    Header(
        alias=HEADER,
        description=(
            "The caller the platform service reads for: `org=<org code>; client=<client_id>`. "
            "The read is audited with that caller as the reader and the platform client as "
            "`via`; only as trustworthy as the platform token that carries it. Malformed: 422 "
            "naming `header.platform-on-behalf-of`. Absent: the platform client is the reader."
        ),
        examples=["org=provider-demo-home; client=demo-home-provider"],
    ),
]
MinAge = Annotated[int, Query(ge=0, le=25, description="Only children aged this or over on `on`")]


@router.get(
    "/cohorts/continuously-looked-after",
    response_model=ContinuouslyLookedAfterCohort,
    responses=problem_responses(),
)
async def get_continuously_looked_after(
    authority: Authority,
    on: On,
    caller: CareStatusFacts,
    session: Session,
    min_age: MinAge = 10,
    on_behalf_of: OnBehalfOf = None,
) -> ContinuouslyLookedAfterCohort:
    """The national measure's cohort (national protocol 1.4 fn 2, 10.5; SSDA903 OC2): the
    children whose responsible authority is `authority`, looked after continuously for at
    least 12 months on `on` (a legal status open every day of the 12 months ending on
    `on`: from the day after `on` less 12 months, to `on`; consecutive episodes with no
    day between are continuous; days looked after only on short breaks do not count),
    aged `min_age` or over on `on` (default 10). Care ends at 18, so nobody 18 or over is
    in it. Audited: one facts read per child in the cohort, and the read itself (with the
    caller named in `Platform-On-Behalf-Of` as the reader when it is given)."""
    reader = reader_of(caller, on_behalf_of)
    return await service.read_continuously_looked_after(session, reader, authority, on, min_age)


@router.get("/{person_ref}", response_model=StatusFacts, responses=problem_responses(NotFound))
async def get_status_facts(
    person_ref: Annotated[str, Path(pattern=PERSON_REF_PATTERN)],
    caller: CareStatusFacts,
    session: Session,
    now: Now,
    as_of: AsOf = None,
    on_behalf_of: OnBehalfOf = None,
) -> StatusFacts:
    """The status facts block of docs/events.md for `person_ref` as of `as_of` (default
    today), for incident-api to enrich its events. Audited (`event_enrichment`), with the
    caller named in `Platform-On-Behalf-Of` as the reader when it is given."""
    reader = reader_of(caller, on_behalf_of)
    return await service.read_status_facts(session, reader, person_ref, as_of or local_date(now))
