"""HTTP for incidents: record, list, read, change. Parsing and shaping only."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from incidents.auth import IncidentsRead, IncidentsWrite
from incidents.dependencies import CareStatus, Directory, Now, ReadableIncident, WritableIncident
from incidents.incidents import repository, service
from incidents.incidents.schemas import IncidentCreate, IncidentOut, IncidentPage, IncidentUpdate
from incidents.incidents.vocabulary import IncidentKind
from platform_shared.audit import record_audit
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

router = APIRouter(prefix="/v1/incidents", tags=["incidents"])


@router.post(
    "",
    status_code=201,
    response_model=IncidentOut,
    responses=problem_responses(service.InvalidFields, Forbidden),
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
    created = IncidentOut.of(incident)
    idempotency.remember(201, created)
    response.headers["Location"] = f"/v1/incidents/{incident.id}"
    response.headers["ETag"] = service.etag(incident)
    return created


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
    cursor: Annotated[str | None, Query(min_length=1, max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> IncidentPage:
    """The incidents the caller may read, newest first, with filters and a cursor."""
    if occurred_from and occurred_to and occurred_to < occurred_from:
        raise Invalid("query.to", "the range ends before it starts")
    filters = repository.IncidentFilters(
        person_ref=person_ref,
        kind=kind.value if kind else None,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        authority=authority,
    )
    items, next_cursor = await repository.list_readable(
        session, caller.org, filters, cursor=cursor, limit=limit
    )
    record_audit(
        session,
        caller,
        "incident.list",
        subject_type="incident",
        details={"count": len(items), "incident_ids": [str(item.id) for item in items]},
    )
    return IncidentPage(items=[IncidentOut.of(item) for item in items], next_cursor=next_cursor)


@router.get("/{incident_id}", response_model=IncidentOut, responses=problem_responses(NotFound))
async def get_incident(
    incident: ReadableIncident, caller: IncidentsRead, session: Session, response: Response
) -> IncidentOut:
    """One incident, with the child's account and the victim's wishes as recorded."""
    record_audit(
        session,
        caller,
        "incident.read",
        subject_type="incident",
        subject_id=incident.id,
        subject_owner=incident.responsible_authority,
    )
    response.headers["ETag"] = service.etag(incident)
    return IncidentOut.of(incident)


@router.patch(
    "/{incident_id}",
    response_model=IncidentOut,
    responses=problem_responses(
        NotFound, PreconditionFailed, PreconditionRequired, service.InvalidFields
    ),
)
async def update_incident(
    incident_id: uuid.UUID,
    body: IncidentUpdate,
    incident: WritableIncident,
    caller: IncidentsWrite,
    session: Session,
    care_status: CareStatus,
    directory: Directory,
    now: Now,
    response: Response,
    if_match: Annotated[
        str | None, Header(alias="If-Match", description="The ETag of the incident read")
    ] = None,
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
    response.headers["ETag"] = service.etag(changed)
    return IncidentOut.of(changed)
