"""HTTP for incidents: record, list, read, change. Parsing and shaping only.

Every answer that embeds the status facts gives the whole block only to a caller
`may_see_care_record` (issue 15 finding 2); the others get the lookup-level summary.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from incidents.auth import IncidentsRead, IncidentsWrite
from incidents.dependencies import CareStatus, Directory, ReadableIncident, WritableIncident
from incidents.incidents import service
from incidents.incidents.facts import may_see_care_record
from incidents.incidents.schemas import (
    IncidentCreate,
    IncidentFilters,
    IncidentOut,
    IncidentPage,
    IncidentUpdate,
)
from incidents.incidents.vocabulary import IncidentKind
from platform_shared.dependencies import Session
from platform_shared.fields import IsoDate
from platform_shared.idempotency import Idempotency
from platform_shared.problems import (
    Forbidden,
    Invalid,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    problem_responses,
)
from platform_shared.web.clock import Now
from platform_shared.web.etags import (
    IfMatch,
    IfNoneMatch,
    answer_versioned,
    created,
    set_created,
    set_version,
    versioned,
)
from platform_shared.web.pagination import DEFAULT_LIMIT, Cursor, Limit

router = APIRouter(prefix="/v1/incidents", tags=["incidents"])


@router.post(
    "",
    status_code=201,
    response_model=IncidentOut,
    responses={**problem_responses(Invalid, Forbidden), **created()},
)
async def create_incident(
    body: IncidentCreate,
    caller: IncidentsWrite,
    session: Session,
    idempotency: Idempotency,
    care_status: CareStatus,
    directory: Directory,
    now: Now,
    response: Response,
) -> IncidentOut:
    """Record an incident or a police contact record about a person_ref.

    Its status facts are read from care-status-api as of occurred_at's Europe/London
    date. When care-status-api is unreachable the incident is still recorded
    (`facts_pending: true`) and its event waits until the facts can be read. A
    person_ref care-status-api does not know is refused (422, `body.person_ref`).
    """
    incident = await service.record_incident(
        session, caller, body, care_status=care_status, directory=directory, now=now
    )
    answer = IncidentOut.of(incident, full_facts=may_see_care_record(caller, incident))
    set_created(response, f"/v1/incidents/{incident.id}", incident.version)
    idempotency.remember(201, answer, response.headers)
    return answer


@router.get("", response_model=IncidentPage, responses=problem_responses())
async def list_incidents(
    caller: IncidentsRead,
    session: Session,
    person_ref: Annotated[str | None, Query(min_length=1, max_length=128)] = None,
    kind: IncidentKind | None = None,
    occurred_from: Annotated[
        IsoDate | None, Query(alias="from", description="First Europe/London date, inclusive")
    ] = None,
    occurred_to: Annotated[
        IsoDate | None, Query(alias="to", description="Last Europe/London date, inclusive")
    ] = None,
    authority: Annotated[
        str | None,
        Query(min_length=1, max_length=64, description="Responsible or area authority"),
    ] = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> IncidentPage:
    """The incidents the caller may read, newest first, with filters and a cursor."""
    filters = IncidentFilters(
        person_ref=person_ref,
        kind=kind,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        authority=authority,
    )
    items, next_cursor = await service.list_incidents(
        session, caller, filters, cursor=cursor, limit=limit
    )
    return IncidentPage(
        items=[
            IncidentOut.of(item, full_facts=may_see_care_record(caller, item)) for item in items
        ],
        next_cursor=next_cursor,
    )


@router.get(
    "/{incident_id}",
    response_model=IncidentOut,
    responses={**problem_responses(NotFound), **versioned(200, not_modified_too=True)},
)
async def get_incident(
    incident: ReadableIncident,
    caller: IncidentsRead,
    session: Session,
    response: Response,
    if_none_match: IfNoneMatch = None,
) -> IncidentOut | Response:
    """One incident, with the child's account and the victim's wishes as recorded.

    Answers 304 (no body) when `If-None-Match` names the current ETag.
    """
    incident = service.read_incident(session, caller, incident)
    answer = IncidentOut.of(incident, full_facts=may_see_care_record(caller, incident))
    return answer_versioned(response, if_none_match, incident.version, answer)


@router.patch(
    "/{incident_id}",
    response_model=IncidentOut,
    responses={
        **problem_responses(NotFound, PreconditionFailed, PreconditionRequired, Invalid),
        **versioned(200),
    },
)
async def update_incident(
    body: IncidentUpdate,
    incident: WritableIncident,
    caller: IncidentsWrite,
    session: Session,
    care_status: CareStatus,
    directory: Directory,
    now: Now,
    response: Response,
    if_match: IfMatch = None,
) -> IncidentOut:
    """Add or change the outcome, the release date, the restorative result, the police
    force or time of involvement. Needs If-Match (428 without, 412 when stale)."""
    changed = await service.update_incident(
        session,
        caller,
        incident,
        body,
        if_match=if_match,
        care_status=care_status,
        directory=directory,
        now=now,
    )
    set_version(response, changed.version)
    return IncidentOut.of(changed, full_facts=may_see_care_record(caller, changed))
