"""HTTP of leaving care, the personal adviser and consents."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from care_status.auth import CareStatusWrite
from care_status.leaving_care import service
from care_status.leaving_care.schemas import (
    ConsentOut,
    ConsentPurpose,
    ConsentPut,
    LeavingCareOut,
    LeavingCarePut,
    PersonalAdviserOut,
    PersonalAdviserPut,
)
from platform_shared.calendar import local_date
from platform_shared.dependencies import Session
from platform_shared.problems import NotFound, problem_responses
from platform_shared.web.clock import Now
from platform_shared.web.etags import set_version, versioned

router = APIRouter(prefix="/v1/children/{child_id}", tags=["leaving-care"])


@router.put(
    "/leaving-care",
    response_model=LeavingCareOut,
    responses={**problem_responses(NotFound), **versioned(200)},
)
async def record_leaving_care(
    child_id: uuid.UUID,
    body: LeavingCarePut,
    caller: CareStatusWrite,
    session: Session,
    now: Now,
    response: Response,
) -> LeavingCareOut:
    """Record when the young person left care, with an optional explicit category.

    Emits `care_leaver.recorded` when the record changes. A legal status still open on
    `left_care_on` must be ended first. An explicit category is audited. A qualifying care
    leaver is in scope to 21 (Children Act 1989 s.24(1B)(a)), and from 21 to 25 only with
    `in_education_or_training` true and the day it was recorded (s.24B).
    """
    record = await service.record_leaving_care(session, caller, child_id, body, now)
    leaving = record.leaving_care
    assert leaving is not None
    facts = record.status_on(local_date(now))
    set_version(response, leaving.version)
    return LeavingCareOut(
        left_care_on=leaving.left_care_on,
        category_override=body.category,
        category=facts.care_leaver_category,
        in_education_or_training=leaving.in_education_or_training,
        education_or_training_recorded_on=leaving.education_or_training_recorded_on,
        version=leaving.version,
        updated_at=leaving.updated_at,
    )


@router.put(
    "/personal-adviser",
    response_model=PersonalAdviserOut,
    responses={**problem_responses(NotFound), **versioned(200)},
)
async def appoint_personal_adviser(
    child_id: uuid.UUID,
    body: PersonalAdviserPut,
    caller: CareStatusWrite,
    session: Session,
    response: Response,
) -> PersonalAdviserOut:
    """Record the personal adviser: a name and the notify-api route that reaches them
    (default: the responsible authority's leaving-care service)."""
    adviser = await service.appoint_personal_adviser(session, caller, child_id, body)
    set_version(response, adviser.version)
    return PersonalAdviserOut.model_validate(adviser)


@router.put(
    "/consents/{purpose}",
    response_model=ConsentOut,
    responses={**problem_responses(NotFound), **versioned(200)},
)
async def record_consent(
    child_id: uuid.UUID,
    purpose: ConsentPurpose,
    body: ConsentPut,
    caller: CareStatusWrite,
    session: Session,
    now: Now,
    response: Response,
) -> ConsentOut:
    """Record the young person's answer for a purpose, e.g. `notify_personal_adviser`
    (national protocol 7.2: the personal adviser is told only with consent)."""
    consent = await service.record_consent(session, caller, child_id, purpose, body, now)
    set_version(response, consent.version)
    return ConsentOut.model_validate(consent)
