"""Lookups: find the person, compute their status for `as_of`, audit, answer the minimum.

Identifiers are tried first (each one index probe); the name and date of birth only when
no identifier was given or none matched. Several distinct people answer `ambiguous`
and none of them is disclosed. The audit row is written in the same transaction as the
answer, so there is never an answer without its audit row.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from care_status.children.models import Child
from care_status.children.repository import FoundPerson, matching_statement, read_matching
from care_status.lookups.matching import MatchOutcome, decide, name_key
from care_status.lookups.schemas import LookupRequest
from care_status.pagination import decode_cursor, encode_cursor
from care_status.status import StatusFacts, compute_status
from platform_shared.audit import AuditEntry, insert_audit
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.db import StatementConnection, statement_connection
from platform_shared.problems import Invalid

LOOKUP = "lookup"
FACTS_READ = "status_facts.read"
#: Audit actions the responsible authority sees in its lookup audit.
AUDITED_LOOKUPS = (LOOKUP, FACTS_READ)


@dataclass
class LookupAnswer:
    result: str
    person: FoundPerson | None = None
    facts: StatusFacts | None = None


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


#: One statement per probe, each finding up to two children with their histories
#: (`matching_statement`); built once, so each is compiled once.
_BY_IDENTIFIER = {
    name: matching_statement(column == bindparam("value"))
    for name, column in (
        ("nhs_number", Child.nhs_number),
        ("pnc_id", Child.pnc_id),
        ("person_ref", Child.person_ref),
    )
}
_BY_NAME_AND_DATE_OF_BIRTH = matching_statement(
    and_(
        Child.family_name_key == bindparam("family_name_key"),
        Child.given_name_key == bindparam("given_name_key"),
        Child.date_of_birth == bindparam("date_of_birth"),
    )
)


async def _candidates(
    connection: StatementConnection, request: LookupRequest
) -> tuple[list[FoundPerson], str]:
    found: dict[uuid.UUID, FoundPerson] = {}
    used: list[str] = []
    if request.identifiers is not None:
        ids = request.identifiers
        probes = (
            ("nhs_number", ids.nhs_number),
            ("pnc_id", ids.pnc_id),
            ("person_ref", ids.person_ref),
        )
        for name, value in probes:
            if value is None:
                continue
            used.append(name)
            for person in await read_matching(connection, _BY_IDENTIFIER[name], {"value": value}):
                found.setdefault(person.id, person)
    given, family, born = request.given_name, request.family_name, request.date_of_birth
    if not found and given is not None and family is not None and born is not None:
        used.append("name_and_date_of_birth")
        keys = {
            "family_name_key": name_key(family),
            "given_name_key": name_key(given),
            "date_of_birth": born,
        }
        people = await read_matching(connection, _BY_NAME_AND_DATE_OF_BIRTH, keys)
        found.update((person.id, person) for person in people)
    return list(found.values()), "+".join(used)


async def lookup(
    engine: AsyncEngine, caller: Principal, request: LookupRequest, now: datetime
) -> LookupAnswer:
    """Answer a lookup for `request.as_of` (default today) and audit it.

    Fixed statements on a `statement_connection`, no session: each probe with the
    histories of what it found, then the audit insert, which is the last statement, so the
    answer exists only once its audit row is committed.
    """
    _check_request(request)
    async with statement_connection(engine) as connection:
        return await _lookup(connection, caller, request, now)


async def _lookup(
    connection: StatementConnection, caller: Principal, request: LookupRequest, now: datetime
) -> LookupAnswer:
    as_of = request.as_of or local_date(now)
    candidates, matched_by = await _candidates(connection, request)
    match = decide(candidates)
    answer = LookupAnswer(result="no_record")
    person = match.candidate
    if match.outcome is MatchOutcome.AMBIGUOUS:
        answer = LookupAnswer(result="ambiguous")
    elif person is not None:
        facts = compute_status(person.history, as_of)
        answer = LookupAnswer(result=facts.status.value, person=person, facts=facts)
    await insert_audit(
        connection,
        caller,
        LOOKUP,
        subject_type="child",
        subject_id=person.id if person else None,
        subject_owner=person.responsible_authority if person else None,
        purpose=request.purpose,
        outcome=answer.result,
        details={
            "requester_reference": request.requester_reference,
            "as_of": as_of.isoformat(),
            "matched_by": matched_by,
            "candidates": len(candidates),
        },
    )
    return answer


async def list_lookup_audit(
    session: AsyncSession,
    caller: Principal,
    cursor: str | None,
    limit: int,
    child_id: uuid.UUID | None = None,
) -> tuple[list[AuditEntry], str | None]:
    """Lookups about the caller's children, newest first, one page."""
    statement = (
        select(AuditEntry)
        .where(AuditEntry.subject_owner == caller.org, AuditEntry.action.in_(AUDITED_LOOKUPS))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit + 1)
    )
    if child_id is not None:
        statement = statement.where(AuditEntry.subject_id == str(child_id))
    if cursor is not None:
        before_at, before_id = decode_cursor(cursor)
        statement = statement.where(
            or_(
                AuditEntry.at < before_at,
                and_(AuditEntry.at == before_at, AuditEntry.id < before_id),
            )
        )
    rows = list(await session.scalars(statement))
    page, more = rows[:limit], len(rows) > limit
    next_cursor = encode_cursor(page[-1].at, page[-1].id) if more else None
    return page, next_cursor


def audit_as_of(entry: AuditEntry) -> date | None:
    value = (entry.details or {}).get("as_of")
    return date.fromisoformat(value) if isinstance(value, str) else None
