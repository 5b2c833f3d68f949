"""HTTP of lookups (police, courts, YOTs, prisons) and of the lookup audit (authorities)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request

from care_status.auth import CareStatusRead, Scope
from care_status.care_record.record import CareRecord
from care_status.lookups import service
from care_status.lookups.schemas import (
    LookupAuditEntry,
    LookupAuditPage,
    LookupHolder,
    LookupMatch,
    LookupRequest,
    LookupResult,
    LookupResultType,
)
from care_status.organisations import authority_ref, children_services_route
from care_status.status import ComputedStatus
from platform_shared.auth import Principal
from platform_shared.contracts.vocabularies import CareStatus
from platform_shared.dependencies import Session
from platform_shared.direct import DirectRoute
from platform_shared.problems import problem_responses
from platform_shared.web.clock import current_instant
from platform_shared.web.pagination import DEFAULT_LIMIT, Cursor, Limit

router = APIRouter(prefix="/v1/lookups", tags=["lookups"])


async def lookup_person(request: Request, caller: Principal, body: LookupRequest) -> LookupResult:
    """Is this person looked after, or a care leaver under 25, and who must be told?

    Match by identifiers (NHS number, PNC id, person_ref) or by given name, family name
    and date of birth. Returns the minimum: never the placement address, the care plan
    or the legal basis. Every lookup is audited with the caller, purpose and result.

    Who is in scope, by age on `as_of`: `looked_after` under 18 (care ends at 18);
    `eligible` and `relevant` care leavers under 18; `former_relevant` under 25;
    `qualifying` under 21 (Children Act 1989 s.24(1B)(a)), and from 21 to 25 only when
    the responsible authority has recorded, on or before `as_of`, that they are in
    education or training (s.24B); otherwise a lookup at 21 or later answers `no_record`.
    Nobody is in scope from their 25th birthday. A record with no care episode at all (no
    legal status and no leaving-care record) takes no part: it is never matched, and so
    cannot make the lookup `ambiguous`.

    When several authorities each hold one record of the person (one date of birth) and
    every record is in scope, the answer is `match: several_authorities` with each
    authority and its contact route (`authorities`): tell each of them. Each authority's
    lookup audit names the others that hold a record (never their records).
    """
    now = await current_instant(request)
    answer = await service.lookup(request.app.state.engine, caller, body, now)
    facts, person = answer.facts, answer.person
    in_scope = answer.result in (CareStatus.LOOKED_AFTER, CareStatus.CARE_LEAVER)
    if not in_scope or facts is None or person is None:
        return LookupResult(result=answer.result)
    if answer.holders:
        return LookupResult(
            result=answer.result,
            age=facts.age,
            under_25=facts.under_25,
            match=LookupMatch.SEVERAL_AUTHORITIES,
            authorities=[_holder(held, held_facts) for held, held_facts in answer.holders],
        )
    authority = person.child.responsible_authority
    return LookupResult(
        result=answer.result,
        person_ref=person.child.person_ref,
        age=facts.age,
        under_25=facts.under_25,
        care_leaver_category=facts.care_leaver_category,
        responsible_authority=authority_ref(authority),
        placed_out_of_area=facts.placed_out_of_area,
        area_authority=authority_ref(facts.area_authority) if facts.area_authority else None,
        notify_personal_adviser_consent=facts.notify_personal_adviser_consent,
        contact_route=children_services_route(authority),
        match=LookupMatch.ONE,
        authorities=[_holder(person, facts)],
    )


def _holder(person: CareRecord, facts: ComputedStatus) -> LookupHolder:
    authority = person.child.responsible_authority
    return LookupHolder(
        result=LookupResultType(facts.status.value),
        person_ref=person.child.person_ref,
        care_leaver_category=facts.care_leaver_category,
        responsible_authority=authority_ref(authority),
        contact_route=children_services_route(authority),
    )


#: `POST /v1/lookups`, served directly (platform_shared.direct): the custody suite's call.
lookup_route = DirectRoute(
    "/v1/lookups",
    lookup_person,
    body=LookupRequest,
    answer=LookupResult,
    scopes=[Scope.LOOKUP.value],
    tags=["lookups"],
    responses=problem_responses(),
)


@router.get("/audit", response_model=LookupAuditPage, responses=problem_responses())
async def list_lookup_audit(
    caller: CareStatusRead,
    session: Session,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
    child_id: Annotated[uuid.UUID | None, Query(description="Only this child")] = None,
) -> LookupAuditPage:
    """The lookups made about the caller's children (and the platform's facts reads),
    newest first: who asked, from which organisation, why, and what they were told."""
    rows, next_cursor = await service.list_lookup_audit(session, caller, cursor, limit, child_id)
    items = [
        LookupAuditEntry(
            id=entry.id,
            at=entry.at,
            caller_org=entry.org,
            client_id=entry.client_id,
            action=entry.action,
            purpose=entry.purpose,
            requester_reference=(entry.details or {}).get("requester_reference"),
            result=entry.outcome,
            child_id=uuid.UUID(entry.subject_id) if entry.subject_id else None,
            as_of=service.audit_as_of(entry),
            also_held_by=(entry.details or {}).get("also_held_by"),
        )
        for entry in rows
    ]
    return LookupAuditPage(items=items, next_cursor=next_cursor)
