"""HTTP of the child record: create, read, change, list."""

from __future__ import annotations

import uuid
from datetime import date

from fastapi import APIRouter, Response

from care_status.auth import CareStatusRead, CareStatusWrite
from care_status.care_record.record import CareRecord
from care_status.children import service
from care_status.children.schemas import (
    ChildCreate,
    ChildPage,
    ChildRecord,
    ChildSummary,
    ChildUpdate,
    ChildView,
    DuplicateChildProblem,
    PlacedChildView,
)
from care_status.dependencies import AsOf
from care_status.leaving_care.schemas import ConsentOut, LeavingCareOut, PersonalAdviserOut
from care_status.legal_statuses.schemas import LegalStatusOut
from care_status.organisations import authority_ref
from care_status.placements.schemas import PlacementOut
from platform_shared.calendar import local_date
from platform_shared.dependencies import Session
from platform_shared.idempotency import Idempotency
from platform_shared.problems import (
    Conflict,
    Forbidden,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    problem_responses,
)
from platform_shared.web.clock import Now
from platform_shared.web.etags import IfMatch, created, set_created, set_version, versioned
from platform_shared.web.pagination import DEFAULT_LIMIT, Cursor, Limit

router = APIRouter(prefix="/v1/children", tags=["children"])


def full_record(record: CareRecord, as_of: date) -> ChildRecord:
    """The responsible authority's view of a record, with its status as of `as_of`."""
    child = record.child
    facts = record.facts(as_of)
    leaving = record.leaving_care
    return ChildRecord(
        id=child.id,
        person_ref=child.person_ref,
        responsible_authority=authority_ref(child.responsible_authority),
        given_name=child.given_name,
        family_name=child.family_name,
        date_of_birth=child.date_of_birth,
        nhs_number=child.nhs_number,
        pnc_id=child.pnc_id,
        local_reference=child.local_reference,
        sex=child.sex,
        ethnicity=child.ethnicity,
        uasc=child.uasc,
        youth_justice_order=child.youth_justice_order,
        legal_statuses=[LegalStatusOut.model_validate(s) for s in record.legal_statuses],
        placements=[PlacementOut.model_validate(p) for p in record.placements],
        leaving_care=(
            LeavingCareOut(
                left_care_on=leaving.left_care_on,
                category_override=leaving.category_override,
                category=facts.care_leaver_category,
                in_education_or_training=leaving.in_education_or_training,
                education_or_training_recorded_on=leaving.education_or_training_recorded_on,
                version=leaving.version,
                updated_at=leaving.updated_at,
            )
            if leaving
            else None
        ),
        personal_adviser=(
            PersonalAdviserOut.model_validate(record.personal_adviser)
            if record.personal_adviser
            else None
        ),
        consents=[ConsentOut.model_validate(c) for c in record.consents],
        status=facts,
        version=child.version,
        created_at=child.created_at,
        updated_at=child.updated_at,
    )


@router.post(
    "",
    status_code=201,
    response_model=ChildRecord,
    responses={
        **problem_responses(Forbidden),
        409: {
            "model": DuplicateChildProblem,
            "description": "A record with this NHS number, or with this name and date of birth "
            "(`existing_child_id`; send `different_person: true` for another person), exists",
        },
        **created(),
    },
)
async def create_child(
    body: ChildCreate,
    caller: CareStatusWrite,
    session: Session,
    idempotency: Idempotency,
    now: Now,
    response: Response,
) -> ChildRecord:
    """Create a child record; the caller's authority becomes the responsible authority.

    Honours `Idempotency-Key` (a retry answers the first 201). A person aged 25 or over,
    or born in the future, is refused. A name and date of birth your authority already
    holds is a 409 naming the existing record, unless `different_person` is true.
    """
    record = await service.create_child(session, caller, body, now)
    answer = full_record(record, local_date(now))
    set_created(response, f"{router.prefix}/{answer.id}", answer.version)
    idempotency.remember(201, answer, response.headers)
    return answer


@router.get("", response_model=ChildPage, responses=problem_responses())
async def list_children(
    caller: CareStatusRead,
    session: Session,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> ChildPage:
    """The children the caller's authority is responsible for, oldest record first."""
    rows, next_cursor = await service.list_children(session, caller, cursor, limit)
    items = [
        ChildSummary(
            id=child.id,
            person_ref=child.person_ref,
            given_name=child.given_name,
            family_name=child.family_name,
            date_of_birth=child.date_of_birth,
            local_reference=child.local_reference,
            version=child.version,
            created_at=child.created_at,
        )
        for child in rows
    ]
    return ChildPage(items=items, next_cursor=next_cursor)


@router.get(
    "/{child_id}",
    response_model=ChildView,
    responses={**problem_responses(NotFound), **versioned(200)},
)
async def get_child(
    child_id: uuid.UUID,
    caller: CareStatusRead,
    session: Session,
    now: Now,
    response: Response,
    as_of: AsOf = None,
) -> ChildView:
    """The full record (`view: full`) for the responsible authority; for an area authority
    where the child is placed, the placements in its area only (`view: placement`).

    Audited. The ETag is the record's version (If-Match of a PATCH).
    """
    today = local_date(now)
    record, in_area = await service.read_child(session, caller, child_id, today)
    set_version(response, record.child.version)
    if in_area is None:
        return ChildView(full_record(record, as_of or today))
    return ChildView(
        PlacedChildView(
            id=record.child.id,
            person_ref=record.child.person_ref,
            responsible_authority=authority_ref(record.child.responsible_authority),
            placements=[PlacementOut.model_validate(p) for p in in_area],
        )
    )


@router.patch(
    "/{child_id}",
    response_model=ChildRecord,
    responses={
        **problem_responses(NotFound, Conflict, PreconditionFailed, PreconditionRequired),
        **versioned(200),
    },
)
async def update_child(
    child_id: uuid.UUID,
    body: ChildUpdate,
    caller: CareStatusWrite,
    session: Session,
    now: Now,
    response: Response,
    if_match: IfMatch = None,
) -> ChildRecord:
    """Change fields of a record, including the `youth_justice_order` flag.

    Requires If-Match with the current ETag: 428 without it, 412 when it is stale.
    """
    record = await service.update_child(session, caller, child_id, body, if_match, now)
    set_version(response, record.child.version)
    return full_record(record, local_date(now))
