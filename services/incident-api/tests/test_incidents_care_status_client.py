"""The HTTP client to care-status-api: facts, unknown person, unavailability."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
import respx

from incidents.care_status_client import (
    CareStatusClient,
    CareStatusUnavailable,
    PersonNotFound,
    Reader,
    facts_credentials,
)
from incidents.testing import CareStatusStandIn
from platform_shared.contracts.examples import status_facts_example
from platform_shared.contracts.facts import StatusFacts
from platform_shared.contracts.vocabularies import CareStatus, PlacementType

#: The callers the reads are made for (issue 15 finding 2).
CUSTODY = Reader("police-metropolitan", "demo-met-custody")
DERBYSHIRE = Reader("E10000007", "demo-derbyshire")

FULL_BLOCK = {"person_ref": "child-camden-1", "effective_date": "2026-06-30"}


def _client(auth_url: str, care_status_url: str) -> CareStatusClient:
    return CareStatusClient(
        base_url=care_status_url,
        credentials=facts_credentials(
            token_url=f"{auth_url}/oauth/token",
            client_id="platform-services",
            client_secret="platform-services-secret",
        ),
        timeout_seconds=2.0,
    )


async def test_facts_are_read_with_the_platform_token_for_the_date_asked(
    auth_url: str, care_status: CareStatusStandIn
) -> None:
    client = _client(auth_url, care_status.url)

    facts = await client.status_facts("child-camden-1", date(2026, 6, 30), on_behalf_of=CUSTODY)

    assert facts.person_ref == "child-camden-1"
    assert facts.effective_date == date(2026, 6, 30)
    assert facts.status == "looked_after"
    assert facts.responsible_authority == "E09000007"
    assert facts.placed_out_of_area is True
    assert care_status.requests == [("child-camden-1", "2026-06-30")]


async def test_facts_read_names_the_caller_it_is_made_for(
    auth_url: str, care_status: CareStatusStandIn
) -> None:
    """Issue 15 finding 2: care-status-api audited incident-api's reads as `platform`; the
    read now carries the original caller, so care-status-api can audit the real reader."""
    client = _client(auth_url, care_status.url)

    await client.status_facts("child-camden-1", date(2026, 6, 30), on_behalf_of=CUSTODY)
    await client.status_facts(
        "child-camden-1", date(2026, 6, 30), on_behalf_of=Reader("E09000007", "a;b=c d")
    )

    assert care_status.on_behalf_of == [
        "org=police-metropolitan; client=demo-met-custody",
        # A client id cannot break the header's structure: it travels percent-encoded.
        "org=E09000007; client=a%3Bb%3Dc%20d",
    ]


async def test_unknown_person_ref_is_person_not_found(
    auth_url: str, care_status: CareStatusStandIn
) -> None:
    client = _client(auth_url, care_status.url)

    with pytest.raises(PersonNotFound):
        await client.status_facts("nobody-known", date(2026, 6, 30), on_behalf_of=CUSTODY)


async def test_stopped_care_status_is_unavailable(
    auth_url: str, care_status: CareStatusStandIn
) -> None:
    client = _client(auth_url, care_status.url)
    await care_status.stop()

    with pytest.raises(CareStatusUnavailable):
        await client.status_facts("child-camden-1", date(2026, 6, 30), on_behalf_of=CUSTODY)


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(503, json={"title": "Service unavailable"}),
        httpx.Response(200, json={"person_ref": "child-camden-1", "status": "looked_after"}),
        httpx.Response(200, text="not json"),
        httpx.Response(200, json={**status_facts_example(**FULL_BLOCK, status="adopted")}),
        httpx.Response(
            200, json={**status_facts_example(**FULL_BLOCK, responsible_authority=None)}
        ),
        httpx.Response(200, json={**status_facts_example(**FULL_BLOCK, age="15")}),
    ],
    ids=[
        "503",
        "incomplete-block",
        "not-json",
        "status-off-the-vocabulary",
        "no-responsible-authority",
        "age-as-text",
    ],
)
async def test_an_answer_that_is_not_a_facts_block_is_unavailable(
    auth_url: str, answer: httpx.Response
) -> None:
    client = _client(auth_url, "http://care-status.test")
    with respx.mock(assert_all_called=False) as mock:
        mock.get(url__startswith="http://care-status.test").mock(return_value=answer)
        mock.route().pass_through()

        with pytest.raises(CareStatusUnavailable):
            await client.status_facts("child-camden-1", date(2026, 6, 30), on_behalf_of=CUSTODY)


async def test_a_block_of_the_contract_is_read_as_the_shared_status_facts(
    auth_url: str,
) -> None:
    client = _client(auth_url, "http://care-status.test")
    answer = httpx.Response(200, json={**status_facts_example(**FULL_BLOCK), "later_field": 1})
    with respx.mock(assert_all_called=False) as mock:
        mock.get(url__startswith="http://care-status.test").mock(return_value=answer)
        mock.route().pass_through()

        facts = await client.status_facts("child-camden-1", date(2026, 6, 30), on_behalf_of=CUSTODY)

    assert isinstance(facts, StatusFacts)
    assert facts.status is CareStatus.LOOKED_AFTER
    assert facts.placement_type is PlacementType.CHILDRENS_HOME


async def test_unreachable_token_server_is_unavailable(care_status: CareStatusStandIn) -> None:
    client = _client("http://127.0.0.1:9", care_status.url)

    with pytest.raises(CareStatusUnavailable):
        await client.status_facts("child-camden-1", date(2026, 6, 30), on_behalf_of=CUSTODY)


async def test_cohort_is_read_with_the_platform_token_for_the_authority_and_day(
    auth_url: str, care_status: CareStatusStandIn
) -> None:
    care_status.add_cohort("E10000007", "2027-03-31", ["child-derbyshire-1", "child-x"])
    client = _client(auth_url, care_status.url)

    cohort = await client.continuously_looked_after(
        "E10000007", date(2027, 3, 31), 10, on_behalf_of=DERBYSHIRE
    )

    assert cohort.count == 2
    assert cohort.person_refs == ["child-derbyshire-1", "child-x"]
    assert care_status.on_behalf_of == ["org=E10000007; client=demo-derbyshire"]


COHORT = {
    "authority": "E10000007",
    "on": "2027-03-31",
    "min_age": 10,
    "count": 1,
    "person_refs": ["child-derbyshire-1"],
}


@pytest.mark.parametrize(
    "answer",
    [
        {**COHORT, "count": 3},
        {**COHORT, "authority": "E09000007"},
        {**COHORT, "on": "2026-03-31"},
        {**COHORT, "min_age": 0},
        {key: value for key, value in COHORT.items() if key != "person_refs"},
    ],
    ids=["count-differs", "other-authority", "other-day", "other-age", "no-person-refs"],
)
async def test_a_cohort_that_is_not_the_one_asked_for_is_unavailable(
    auth_url: str, answer: dict[str, object]
) -> None:
    client = _client(auth_url, "http://care-status.test")
    with respx.mock(assert_all_called=False) as mock:
        mock.get(url__startswith="http://care-status.test").mock(
            return_value=httpx.Response(200, json=answer)
        )
        mock.route().pass_through()

        with pytest.raises(CareStatusUnavailable):
            await client.continuously_looked_after(
                "E10000007", date(2027, 3, 31), 10, on_behalf_of=DERBYSHIRE
            )
