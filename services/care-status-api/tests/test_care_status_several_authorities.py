"""Two authorities each hold a record of one person (issue 15 finding 3: "Derbyshire
creates a record with the same name and date of birth, and the Met's lookup answers
ambiguous"; docs/decisions.md D24)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from care_status.testing import VALID_NHS_NUMBER, add_legal_status, create_child, lookup
from platform_shared.testing import InProcessService

JAMIE = {"given_name": "Jamie", "family_name": "Lee", "date_of_birth": "2010-10-10"}
CAMDEN, DERBYSHIRE = "E09000007", "E10000007"
RECORD_FIELDS = (
    "person_ref",
    "responsible_authority",
    "contact_route",
    "placed_out_of_area",
    "area_authority",
    "notify_personal_adviser_consent",
    "care_leaver_category",
)


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def derbyshire(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-derbyshire")


@pytest.fixture
async def police(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-met-custody")


async def _with_status(client: httpx.AsyncClient, **status: Any) -> dict[str, Any]:
    child = await create_child(client, **JAMIE, **status.pop("child", {}))
    await add_legal_status(client, child["id"], **status)
    return child


async def _lookup_jamie(police: httpx.AsyncClient) -> dict[str, Any]:
    return await lookup(police, **JAMIE, requester_reference="CR42")


async def test_two_authorities_looking_after_one_child_are_both_named(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """Issue 15 finding 3: the Met's lookup is no longer `ambiguous` when Camden and
    Derbyshire both record the child as looked after: the officer is told the child is
    looked after and given both authorities' routes."""
    camden_child = await _with_status(camden, start_date="2025-01-01")
    derbyshire_child = await _with_status(derbyshire, start_date="2026-02-01")

    answer = await _lookup_jamie(police)

    assert answer["result"] == "looked_after"
    assert answer["match"] == "several_authorities"
    assert (answer["age"], answer["under_25"]) == (16, True)
    assert [
        (a["responsible_authority"]["code"], a["contact_route"], a["person_ref"], a["result"])
        for a in answer["authorities"]
    ] == [
        (CAMDEN, "route:E09000007:children-services", camden_child["person_ref"], "looked_after"),
        (
            DERBYSHIRE,
            "route:E10000007:children-services",
            derbyshire_child["person_ref"],
            "looked_after",
        ),
    ]
    assert {field: answer[field] for field in RECORD_FIELDS} == dict.fromkeys(RECORD_FIELDS)


async def test_looked_after_in_one_and_a_care_leaver_in_the_other_answers_looked_after(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """The most protective answer: looked after (Children Act 1989 s.22(1)) first."""
    await _with_status(derbyshire, start_date="2024-11-01", end_date="2026-11-01")
    await _with_status(camden, start_date="2026-11-02")

    answer = await _lookup_jamie(police)

    assert (answer["result"], answer["match"]) == ("looked_after", "several_authorities")
    assert [(a["responsible_authority"]["code"], a["result"]) for a in answer["authorities"]] == [
        (CAMDEN, "looked_after"),
        (DERBYSHIRE, "care_leaver"),
    ]
    assert answer["authorities"][1]["care_leaver_category"] == "relevant"


async def test_each_authority_is_told_of_the_other_record_and_sees_only_its_own(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """Issue 15 finding 3: each authority's lookup audit shows the lookup of its own
    record, with the other authority's code (and nothing of the other record)."""
    camden_child = await _with_status(camden, start_date="2025-01-01")
    derbyshire_child = await _with_status(derbyshire, start_date="2026-02-01")

    await _lookup_jamie(police)

    for client, own, other in (
        (camden, camden_child, DERBYSHIRE),
        (derbyshire, derbyshire_child, CAMDEN),
    ):
        response = await client.get("/v1/lookups/audit")
        assert response.status_code == 200
        entries = response.json()["items"]
        assert [(e["child_id"], e["result"], e["also_held_by"]) for e in entries] == [
            (own["id"], "looked_after", [other])
        ]
        log = (await client.get(f"/v1/children/{own['id']}/access-log")).json()["items"]
        assert (log[0]["action"], log[0]["also_held_by"]) == ("lookup", [other])


async def test_an_identifier_held_by_two_authorities_names_both(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    await _with_status(camden, start_date="2025-01-01", child={"nhs_number": VALID_NHS_NUMBER})
    await _with_status(derbyshire, start_date="2026-02-01", child={"nhs_number": VALID_NHS_NUMBER})

    answer = await lookup(police, identifiers={"nhs_number": VALID_NHS_NUMBER})

    assert answer["match"] == "several_authorities"
    assert [a["responsible_authority"]["code"] for a in answer["authorities"]] == [
        CAMDEN,
        DERBYSHIRE,
    ]


async def test_a_record_out_of_scope_beside_one_in_scope_stays_ambiguous(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """A record that says no_record (care ended before 16, no category) may be another
    person's: nothing is disclosed."""
    await _with_status(camden, start_date="2025-01-01")
    await _with_status(derbyshire, start_date="2011-01-01", end_date="2011-06-01")

    answer = await _lookup_jamie(police)

    assert answer == {**dict.fromkeys(answer), "result": "ambiguous"}


async def test_two_records_of_one_authority_stay_ambiguous(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """Two records of one authority are two people (`different_person`)."""
    await _with_status(camden, start_date="2025-01-01")
    await _with_status(camden, start_date="2025-03-01", child={"different_person": True})
    await _with_status(derbyshire, start_date="2026-02-01")

    answer = await _lookup_jamie(police)

    assert answer == {**dict.fromkeys(answer), "result": "ambiguous"}


async def test_one_authority_is_a_match_of_one(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await _with_status(camden, start_date="2025-01-01")

    answer = await _lookup_jamie(police)

    assert (answer["result"], answer["match"], answer["person_ref"]) == (
        "looked_after",
        "one",
        child["person_ref"],
    )
    assert [a["responsible_authority"]["code"] for a in answer["authorities"]] == [CAMDEN]
