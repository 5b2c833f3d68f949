"""One authority, one record per child (issue 15 finding 3: "creating the README's example
child twice gives a second record, no 409")."""

from __future__ import annotations

import httpx
import pytest

from care_status.testing import create_child
from platform_shared.testing import InProcessService

ALEX = {"given_name": "Alex", "family_name": "Taylor", "date_of_birth": "2010-05-14"}


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def derbyshire(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-derbyshire")


async def _count(client: httpx.AsyncClient) -> int:
    response = await client.get("/v1/children")
    assert response.status_code == 200, response.text
    return len(response.json()["items"])


async def test_creating_the_same_child_twice_is_a_409_naming_the_existing_record(
    camden: httpx.AsyncClient,
) -> None:
    """Issue 15 finding 3: the second create of one name and date of birth is refused."""
    first = await create_child(camden, **ALEX)

    response = await camden.post("/v1/children", json=ALEX)

    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["existing_child_id"] == first["id"]
    assert first["id"] in problem["detail"]
    assert [error["field"] for error in problem["errors"]] == ["body.different_person"]
    assert await _count(camden) == 1


async def test_names_are_matched_as_a_lookup_matches_them(camden: httpx.AsyncClient) -> None:
    """Case, accents, hyphens and spaces do not make another person (the lookup's key)."""
    first = await create_child(
        camden, given_name="Zoë", family_name="Smith-Jones", date_of_birth="2011-02-03"
    )

    response = await camden.post(
        "/v1/children",
        json={"given_name": "ZOE", "family_name": "smith jones", "date_of_birth": "2011-02-03"},
    )

    assert response.status_code == 409
    assert response.json()["existing_child_id"] == first["id"]


async def test_another_date_of_birth_is_another_child(camden: httpx.AsyncClient) -> None:
    await create_child(camden, **ALEX)

    await create_child(camden, **{**ALEX, "date_of_birth": "2010-05-15"})

    assert await _count(camden) == 2


async def test_different_person_creates_a_second_record(camden: httpx.AsyncClient) -> None:
    """Two children of one authority may share a name and a date of birth (twins named
    alike are rare, namesakes are not): the authority says so and the record is made."""
    first = await create_child(camden, **ALEX)

    second = await create_child(camden, **ALEX, different_person=True)

    assert second["id"] != first["id"]
    assert await _count(camden) == 2


async def test_different_person_must_be_a_boolean(camden: httpx.AsyncClient) -> None:
    response = await camden.post("/v1/children", json={**ALEX, "different_person": "yes"})

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["body.different_person"]


async def test_another_authority_may_hold_a_record_of_the_same_name(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient
) -> None:
    """Only the same authority's records are compared: two authorities holding a record of
    one person is answered by the lookup (docs/decisions.md D24)."""
    await create_child(camden, **ALEX)

    await create_child(derbyshire, **ALEX)

    assert await _count(derbyshire) == 1


async def test_a_retry_of_the_first_create_answers_its_201_not_a_409(
    camden: httpx.AsyncClient,
) -> None:
    """Issue 15 finding 3 with Idempotency-Key: the retry replays the first answer; a new
    request (another key) is the duplicate."""
    headers = {"Idempotency-Key": "create-alex-1"}
    first = await camden.post("/v1/children", json=ALEX, headers=headers)
    assert first.status_code == 201, first.text

    retry = await camden.post("/v1/children", json=ALEX, headers=headers)
    other = await camden.post(
        "/v1/children", json=ALEX, headers={"Idempotency-Key": "create-alex-2"}
    )

    assert retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]
    assert retry.headers["Location"] == first.headers["Location"]
    assert other.status_code == 409
    assert other.json()["existing_child_id"] == first.json()["id"]
    assert await _count(camden) == 1


async def test_the_409_and_different_person_are_documented(camden: httpx.AsyncClient) -> None:
    openapi = (await camden.get("/openapi.json")).json()
    create = openapi["paths"]["/v1/children"]["post"]
    conflict = create["responses"]["409"]["content"]["application/problem+json"]["schema"]
    field = openapi["components"]["schemas"]["ChildCreate"]["properties"]["different_person"]

    assert conflict == {"$ref": "#/components/schemas/DuplicateChildProblem"}
    assert (
        "existing_child_id"
        in openapi["components"]["schemas"]["DuplicateChildProblem"]["properties"]
    )
    assert "409" in field["description"]
