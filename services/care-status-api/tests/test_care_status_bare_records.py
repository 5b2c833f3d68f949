"""A record with no care episode takes no part in lookups (rules.md Revision 2, "Care
status"; the issue "a lookup can be blinded": Derbyshire creates a bare record with the
same name and date of birth as Camden's looked-after child, and the Met's lookup must
still find Camden's child, not answer `ambiguous`)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from care_status.testing import VALID_NHS_NUMBER, add_legal_status, create_child, lookup
from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService

JAMIE = {"given_name": "Jamie", "family_name": "Lee", "date_of_birth": "2010-10-10"}


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def derbyshire(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-derbyshire")


@pytest.fixture
async def police(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-met-custody")


async def _camden_looked_after(camden: httpx.AsyncClient) -> dict[str, str]:
    child = await create_child(camden, **JAMIE)
    await add_legal_status(camden, child["id"], start_date="2025-01-01")
    return child


async def test_a_bare_record_with_the_same_name_cannot_blind_a_lookup(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """rules.md Revision 2: no care episode, no part in the lookup."""
    child = await _camden_looked_after(camden)
    await create_child(derbyshire, **JAMIE)

    answer = await lookup(police, given_name="Jamie", family_name="Lee", date_of_birth="2010-10-10")

    assert answer["result"] == "looked_after"
    assert answer["person_ref"] == child["person_ref"]
    assert answer["responsible_authority"]["code"] == "E09000007"


async def test_two_bare_records_cannot_hide_a_second_real_match(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """The probe reads at most two records: bare ones are left out in the statement, so two
    real matches are still found, and the lookup stays `ambiguous` (nothing disclosed).
    The two real matches are two people of one authority (`different_person`): two
    authorities' records of one person are not ambiguous (issue 15 finding 3)."""
    await create_child(derbyshire, **JAMIE)
    await create_child(derbyshire, **JAMIE, different_person=True)
    await _camden_looked_after(camden)
    other = await create_child(camden, **JAMIE, different_person=True)
    await add_legal_status(camden, other["id"], start_date="2025-01-01")

    answer = await lookup(police, given_name="Jamie", family_name="Lee", date_of_birth="2010-10-10")

    assert answer == {**{key: None for key in answer}, "result": "ambiguous"}


async def test_a_bare_record_found_by_an_identifier_gives_way_to_the_name(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """An identifier that finds only a bare record found nobody: the name is tried."""
    child = await _camden_looked_after(camden)
    await create_child(derbyshire, **JAMIE, nhs_number=VALID_NHS_NUMBER)

    answer = await lookup(
        police,
        identifiers={"nhs_number": VALID_NHS_NUMBER},
        given_name="Jamie",
        family_name="Lee",
        date_of_birth="2010-10-10",
    )

    assert answer["person_ref"] == child["person_ref"]


async def test_a_bare_record_alone_answers_no_record_and_the_audit_names_no_child(
    service: InProcessService, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    bare = await create_child(derbyshire, **JAMIE)

    answer = await lookup(police, identifiers={"person_ref": bare["person_ref"]})

    assert answer["result"] == "no_record"
    async with service.session_factory() as session:
        audit = await session.scalar(select(AuditEntry).where(AuditEntry.action == "lookup"))
    assert audit is not None
    assert (audit.subject_id, audit.subject_owner, audit.outcome) == (None, None, "no_record")


async def test_a_care_leaver_recorded_without_legal_statuses_takes_part(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """A leaving-care record counts as a care episode (a recorded care leaver left care),
    so it is matched: with Camden's looked-after child, both authorities are named
    (issue 15 finding 3, docs/decisions.md D24)."""
    await _camden_looked_after(camden)
    leaver = await create_child(derbyshire, **JAMIE)
    put = await derbyshire.put(
        f"/v1/children/{leaver['id']}/leaving-care",
        json={"left_care_on": "2026-10-10", "category": "relevant"},
    )

    answer = await lookup(police, given_name="Jamie", family_name="Lee", date_of_birth="2010-10-10")

    assert put.status_code == 200, put.text
    assert (answer["result"], answer["match"]) == ("looked_after", "several_authorities")
    assert [a["result"] for a in answer["authorities"]] == ["looked_after", "care_leaver"]


async def test_the_platform_still_reads_the_facts_of_a_bare_record(
    derbyshire: httpx.AsyncClient, service: InProcessService
) -> None:
    """Only lookups leave bare records out: incident-api may enrich an event about anyone
    with a person_ref (the facts say `no_record`)."""
    bare = await create_child(derbyshire, **JAMIE)
    platform = await service.as_client("platform-services")

    response = await platform.get(f"/v1/status-facts/{bare['person_ref']}")

    assert (response.status_code, response.json()["status"]) == (200, "no_record")
