"""HTTP of placements."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Response

from care_status.auth import CareStatusRead, CareStatusWrite
from care_status.placements import service
from care_status.placements.schemas import PlacementCreate, PlacementEnd, PlacementOut
from platform_shared.dependencies import Session
from platform_shared.idempotency import Idempotency
from platform_shared.problems import (
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

router = APIRouter(prefix="/v1/children/{child_id}/placements", tags=["placements"])


@router.post(
    "",
    status_code=201,
    response_model=PlacementOut,
    responses={**problem_responses(NotFound), **created()},
)
async def create_placement(
    child_id: uuid.UUID,
    body: PlacementCreate,
    caller: CareStatusWrite,
    session: Session,
    idempotency: Idempotency,
    now: Now,
    response: Response,
) -> PlacementOut:
    """Record a placement; emits `placement.started` at once, whatever the start date (and
    `placement.ended` when the end date is given). Overlapping another placement of the
    child, or an area authority that is not a local authority, is refused.
    Honours `Idempotency-Key`.
    """
    placement = await service.add_placement(session, caller, child_id, body, now)
    answer = PlacementOut.model_validate(placement)
    set_created(response, f"/v1/children/{child_id}/placements/{answer.id}", answer.version)
    idempotency.remember(201, answer, response.headers)
    return answer


@router.get(
    "/{placement_id}",
    response_model=PlacementOut,
    responses={**problem_responses(NotFound), **versioned(200, not_modified_too=True)},
)
async def get_placement(
    child_id: uuid.UUID,
    placement_id: uuid.UUID,
    caller: CareStatusRead,
    session: Session,
    response: Response,
    if_none_match: IfNoneMatch = None,
) -> Any:
    """One placement of a child the caller's authority is responsible for (the `Location`
    of its creation). Audited. 304 when `If-None-Match` names its current ETag."""
    episode = await service.read_placement(session, caller, child_id, placement_id)
    return answer_versioned(
        response, if_none_match, episode.version, PlacementOut.model_validate(episode)
    )


@router.patch(
    "/{placement_id}",
    response_model=PlacementOut,
    responses={
        **problem_responses(NotFound, PreconditionFailed, PreconditionRequired),
        **versioned(200),
    },
)
async def end_placement(
    child_id: uuid.UUID,
    placement_id: uuid.UUID,
    body: PlacementEnd,
    caller: CareStatusWrite,
    session: Session,
    now: Now,
    response: Response,
    if_match: IfMatch = None,
) -> PlacementOut:
    """Record (or correct) the day the placement ended; emits `placement.ended`.

    Requires If-Match with the placement's ETag (its `version`).
    """
    placement = await service.end_placement(
        session, caller, child_id, placement_id, body.end_date, if_match, now
    )
    set_version(response, placement.version)
    return PlacementOut.model_validate(placement)
