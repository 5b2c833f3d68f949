"""Lookups: find the person, compute their status for `as_of`, audit, answer the minimum.

Identifiers are tried first (each one index probe, with the history of what it finds);
the name and date of birth only when no identifier was given or none matched. A record
with no care episode at all (no legal status, no leaving-care record) takes no part: it
is never found, so it cannot make a lookup `ambiguous` (rules.md Revision 2: a bare
record with the same name and date of birth would otherwise blind the lookup). Several
distinct people answer `ambiguous` and none of them is disclosed. The audit row is the
last statement on the lookup's connection, so there is never an answer without its audit
row (`driver.lookup_connection`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from care_status.care_record.record import CareRecord
from care_status.care_record.repository import MATCHES_AT_MOST, read_matching_records
from care_status.driver import LookupConnection, lookup_connection
from care_status.lookups.matching import MatchOutcome, decide, name_key
from care_status.lookups.repository import lookup_audit_page
from care_status.lookups.schemas import LookupRequest
from care_status.status import ComputedStatus
from platform_shared.audit import AuditEntry
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.contracts.vocabularies import CareStatus
from platform_shared.problems import Invalid
from platform_shared.web.pagination import decode_instant_cursor, next_cursor_of

LOOKUP = "lookup"
FACTS_READ = "status_facts.read"
#: A read of a cohort of one authority's children (the national measure).
COHORT_READ = "status_facts.cohort_read"
#: Audit actions the responsible authority sees in its lookup audit.
AUDITED_LOOKUPS = (LOOKUP, FACTS_READ, COHORT_READ)


@dataclass
class LookupAnswer:
    result: str
    person: CareRecord | None = None
    facts: ComputedStatus | None = None
    #: Every in-scope record of the person when several authorities hold one (D24).
    holders: list[tuple[CareRecord, ComputedStatus]] = field(default_factory=list)


_IN_SCOPE = (CareStatus.LOOKED_AFTER, CareStatus.CARE_LEAVER)


def _held_by_several(
    candidates: list[CareRecord], as_of: date, complete: bool
) -> list[tuple[CareRecord, ComputedStatus]]:
    """The candidates with their status, when they are one person's records held by
    several authorities, each in scope (D24); else nothing (the lookup is ambiguous).

    One person: one record per authority (two records of one authority are two people,
    `different_person`) and one date of birth. Every record in scope: a record out of
    scope beside one in scope may be another person's, so nothing is said.
    """
    owners = {person.child.responsible_authority for person in candidates}
    births = {person.child.date_of_birth for person in candidates}
    if not complete or len(owners) != len(candidates) or len(births) != 1:
        return []
    holders = [(person, person.status_on(as_of)) for person in candidates]
    if any(facts.status not in _IN_SCOPE for _, facts in holders):
        return []
    # Looked after first: the answer's result is the most protective of the records.
    holders.sort(
        key=lambda held: (
            held[1].status != CareStatus.LOOKED_AFTER,
            held[0].child.responsible_authority,
        )
    )
    return holders


def _check_request(request: LookupRequest) -> None:
    names = (request.given_name, request.family_name, request.date_of_birth)
    identifiers = request.identifiers
    if identifiers is not None and not identifiers.model_dump(exclude_none=True):
        raise Invalid("body.identifiers", "give at least one identifier")
    if identifiers is None and None in names:
        missing = ("given_name", "family_name", "date_of_birth")[names.index(None)]
        raise Invalid(
            f"body.{missing}", "give identifiers, or given_name, family_name and date_of_birth"
        )


def _probes(request: LookupRequest) -> list[tuple[str, dict[str, Any]]]:
    """The identifier probes of a request, in the order they are tried."""
    ids = request.identifiers
    if ids is None:
        return []
    given = (("nhs_number", ids.nhs_number), ("pnc_id", ids.pnc_id), ("person_ref", ids.person_ref))
    return [(name, {"value": value}) for name, value in given if value is not None]


async def _candidates(
    connection: LookupConnection, request: LookupRequest
) -> tuple[list[CareRecord], str, bool]:
    """The records the request finds, how, and whether no probe may have left one out."""
    found: dict[uuid.UUID, CareRecord] = {}
    used: list[str] = []
    complete = True
    for probe, values in _probes(request):
        used.append(probe)
        people = await read_matching_records(connection, probe, values, care_episodes_only=True)
        complete = complete and len(people) < MATCHES_AT_MOST
        for person in people:
            found.setdefault(person.child.id, person)
    given, family, born = request.given_name, request.family_name, request.date_of_birth
    if not found and given is not None and family is not None and born is not None:
        used.append("name_and_date_of_birth")
        keys = {
            "family_name_key": name_key(family),
            "given_name_key": name_key(given),
            "date_of_birth": born,
        }
        people = await read_matching_records(
            connection, "name_and_date_of_birth", keys, care_episodes_only=True
        )
        complete = complete and len(people) < MATCHES_AT_MOST
        found.update((person.child.id, person) for person in people)
    return list(found.values()), "+".join(used), complete


async def lookup(
    engine: AsyncEngine, caller: Principal, request: LookupRequest, now: datetime
) -> LookupAnswer:
    """Answer a lookup for `request.as_of` (default today) and audit it.

    No session: each probe with the histories of what it found, then the audit insert,
    which is the last statement, so the answer exists only once its audit row is committed.
    """
    _check_request(request)
    async with lookup_connection(engine) as connection:
        return await _lookup(connection, caller, request, now)


async def _lookup(
    connection: LookupConnection, caller: Principal, request: LookupRequest, now: datetime
) -> LookupAnswer:
    as_of = request.as_of or local_date(now)
    candidates, matched_by, complete = await _candidates(connection, request)
    match = decide(candidates)
    answer = LookupAnswer(result="no_record")
    person = match.candidate
    details: dict[str, Any] = {
        "requester_reference": request.requester_reference,
        "as_of": as_of.isoformat(),
        "matched_by": matched_by,
        "candidates": len(candidates),
    }
    if match.outcome is MatchOutcome.AMBIGUOUS:
        holders = _held_by_several(candidates, as_of, complete)
        if holders:
            return await _answer_held_by_several(connection, caller, request, holders, details)
        answer = LookupAnswer(result="ambiguous")
    elif person is not None:
        facts = person.status_on(as_of)
        answer = LookupAnswer(result=facts.status.value, person=person, facts=facts)
    await connection.insert_audit(
        caller,
        LOOKUP,
        subject_type="child",
        subject_id=person.child.id if person else None,
        subject_owner=person.child.responsible_authority if person else None,
        purpose=request.purpose,
        outcome=answer.result,
        details=details,
    )
    return answer


async def _answer_held_by_several(
    connection: LookupConnection,
    caller: Principal,
    request: LookupRequest,
    holders: list[tuple[CareRecord, ComputedStatus]],
    details: dict[str, Any],
) -> LookupAnswer:
    """One audit row per record, for its authority: what its record answered, and which
    other authorities also hold one (their codes only, never their records). The rows are
    the last statements, so the answer is given only once every authority's is written."""
    owners = [person.child.responsible_authority for person, _ in holders]
    for person, facts in holders:
        owner = person.child.responsible_authority
        await connection.insert_audit(
            caller,
            LOOKUP,
            subject_type="child",
            subject_id=person.child.id,
            subject_owner=owner,
            purpose=request.purpose,
            outcome=facts.status.value,
            details={**details, "also_held_by": [other for other in owners if other != owner]},
        )
    first, facts = holders[0]
    return LookupAnswer(result=facts.status.value, person=first, facts=facts, holders=holders)


async def list_lookup_audit(
    session: AsyncSession,
    caller: Principal,
    cursor: str | None,
    limit: int,
    child_id: uuid.UUID | None = None,
) -> tuple[list[AuditEntry], str | None]:
    """Lookups about the caller's children, newest first, one page."""
    after = decode_instant_cursor(cursor) if cursor is not None else None
    rows = await lookup_audit_page(session, caller.org, AUDITED_LOOKUPS, limit + 1, after, child_id)
    return next_cursor_of(rows, limit, lambda entry: (entry.at.isoformat(), str(entry.id)))


def audit_as_of(entry: AuditEntry) -> date | None:
    value = (entry.details or {}).get("as_of")
    return date.fromisoformat(value) if isinstance(value, str) else None
