"""HTTP for the CPS 10-point checklist of an incident."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from incidents.auth import IncidentsRead, IncidentsWrite
from incidents.checklist import service
from incidents.checklist.schemas import CpsChecklist, SectionWrite
from incidents.dependencies import Directory, Protocols, ReadableIncident, WritableIncident
from platform_shared.dependencies import Session
from platform_shared.problems import Conflict, Forbidden, NotFound, problem_responses
from platform_shared.web.clock import Now

router = APIRouter(prefix="/v1/incidents/{incident_id}/cps-checklist", tags=["checklists"])


@router.get("", response_model=CpsChecklist, responses=problem_responses(NotFound))
async def get_cps_checklist(
    incident: ReadableIncident,
    caller: IncidentsRead,
    session: Session,
    protocols: Protocols,
    now: Now,
) -> CpsChecklist:
    """The incident's CPS 10-point checklist: sections, what is missing, when it was due.

    Due (sections 1-8, 24 hours after police involvement) only where the child's
    responsible authority adopted the Derbyshire protocol; elsewhere `required` is false,
    `due_at` null and `not_required_reason` says why (London uses the police's Child
    Information Form instead)."""
    return await service.read_checklist(session, caller, incident, now, protocols=protocols)


@router.put(
    "/{section}",
    response_model=CpsChecklist,
    responses=problem_responses(NotFound, Forbidden, Conflict),
)
async def put_cps_checklist_section(
    section: Annotated[int, Path(ge=1, le=10, description="Section number, 1 to 10")],
    body: SectionWrite,
    incident: WritableIncident,
    caller: IncidentsWrite,
    session: Session,
    directory: Directory,
    protocols: Protocols,
    now: Now,
) -> CpsChecklist:
    """Write one section. Providers and local authorities write sections 1-8 (due 24
    hours after police involvement), police forces sections 9-10; others get 403. 409
    when the child's responsible authority has not adopted the Derbyshire protocol."""
    return await service.write_section(
        session,
        caller,
        incident,
        section,
        body.content,
        directory=directory,
        protocols=protocols,
        now=now,
    )
