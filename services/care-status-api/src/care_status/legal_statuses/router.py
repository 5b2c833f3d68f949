"""HTTP of legal statuses (care episodes)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Response

from care_status.auth import CareStatusRead, CareStatusWrite
from care_status.legal_statuses import service
from care_status.legal_statuses.schemas import LegalStatusCreate, LegalStatusEnd, LegalStatusOut
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

router = APIRouter(prefix="/v1/children/{child_id}/legal-statuses", tags=["legal-statuses"])


@router.post(
    "",
    status_code=201,
    response_model=LegalStatusOut,
    responses={**problem_responses(NotFound), **created()},
)
async def create_legal_status(
    child_id: uuid.UUID,
    body: LegalStatusCreate,
    caller: CareStatusWrite,
    session: Session,
    idempotency: Idempotency,
    now: Now,
    response: Response,
) -> LegalStatusOut:
    """Record a legal status (care episode); emits `care.started` (and `care.ended` when
    the end date is given). Overlapping another legal status of the child is refused.
    Honours `Idempotency-Key`.
    """
    status = await service.add_legal_status(session, caller, child_id, body, now)
    answer = LegalStatusOut.model_validate(status)
    set_created(response, f"/v1/children/{child_id}/legal-statuses/{answer.id}", answer.version)
    idempotency.remember(201, answer, response.headers)
    return answer


@router.get(
    "/{legal_status_id}",
    response_model=LegalStatusOut,
    responses={**problem_responses(NotFound), **versioned(200, not_modified_too=True)},
)
async def get_legal_status(
    child_id: uuid.UUID,
    legal_status_id: uuid.UUID,
    caller: CareStatusRead,
    session: Session,
    response: Response,
    if_none_match: IfNoneMatch = None,
) -> Any:
    """One legal status of a child the caller's authority is responsible for (the `Location`
    of its creation). Audited. 304 when `If-None-Match` names its current ETag."""
    episode = await service.read_legal_status(session, caller, child_id, legal_status_id)
    return answer_versioned(
        response, if_none_match, episode.version, LegalStatusOut.model_validate(episode)
    )


@router.patch(
    "/{legal_status_id}",
    response_model=LegalStatusOut,
    responses={
        **problem_responses(NotFound, PreconditionFailed, PreconditionRequired),
        **versioned(200),
    },
)
async def end_legal_status(
    child_id: uuid.UUID,
    legal_status_id: uuid.UUID,
    body: LegalStatusEnd,
    caller: CareStatusWrite,
    session: Session,
    now: Now,
    response: Response,
    if_match: IfMatch = None,
) -> LegalStatusOut:
    """Record (or correct) the day the legal status ceased; emits `care.ended`.

    Requires If-Match with the legal status's ETag (its `version`).
    """
    status = await service.end_legal_status(
        session, caller, child_id, legal_status_id, body.end_date, if_match, now
    )
    set_version(response, status.version)
    return LegalStatusOut.model_validate(status)
