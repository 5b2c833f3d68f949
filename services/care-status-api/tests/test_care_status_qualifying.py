"""Qualifying care leavers end at 21 unless in education or training (rules.md Revision 2,
"Care status"; Children Act 1989 s.24(1B)(a), s.24B); former relevant runs to 25.

The child below was born on 15 March 2005 (21 on 15 March 2026, 25 on 15 March 2030) and
was looked after from 1 June to 1 August 2021, after the 16th birthday but for less than
13 weeks: looked after after 16, never eligible, so a qualifying care leaver.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from care_status.testing import add_legal_status, create_child, status_on
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def police(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-met-custody")


@pytest.fixture
async def platform(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("platform-services")


async def _qualifying(camden: httpx.AsyncClient, **leaving_care: Any) -> dict[str, Any]:
    child = await create_child(camden, date_of_birth="2005-03-15")
    await add_legal_status(
        camden, child["id"], basis="section_20", start_date="2021-06-01", end_date="2021-08-01"
    )
    if leaving_care:
        response = await camden.put(
            f"/v1/children/{child['id']}/leaving-care",
            json={"left_care_on": "2021-08-01", **leaving_care},
        )
        assert response.status_code == 200, response.text
    return child


async def test_qualifying_care_leaver_is_in_scope_until_the_21st_birthday(
    camden: httpx.AsyncClient, police: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """s.24(1B)(a): a qualifying care leaver "is under twenty-one"; at 21, with no record
    of education or training (s.24B), the lookup answers `no_record`, and so do the facts."""
    child = await _qualifying(camden)
    ref = child["person_ref"]

    at_20 = await status_on(police, ref, "2026-03-14")
    at_21 = await status_on(police, ref, "2026-03-15")
    facts = await platform.get(f"/v1/status-facts/{ref}", params={"as_of": "2026-03-15"})

    assert (at_20["result"], at_20["care_leaver_category"]) == ("care_leaver", "qualifying")
    assert at_21 == {**{key: None for key in at_21}, "result": "no_record"}
    assert (facts.json()["status"], facts.json()["care_leaver_category"]) == ("no_record", None)


async def test_qualifying_care_leaver_in_education_or_training_stays_in_scope_to_25(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """s.24B: assistance with education or training continues from 21 to 25 (rules.md
    Revision 2); from the 25th birthday nobody is in scope."""
    child = await _qualifying(
        camden, in_education_or_training=True, education_or_training_recorded_on="2026-01-10"
    )
    ref = child["person_ref"]

    at_21 = await status_on(police, ref, "2026-03-15")
    at_24 = await status_on(police, ref, "2030-03-14")
    at_25 = await status_on(police, ref, "2030-03-15")

    assert (at_21["result"], at_21["care_leaver_category"]) == ("care_leaver", "qualifying")
    assert (at_24["result"], at_24["age"]) == ("care_leaver", 24)
    assert at_25["result"] == "no_record"


async def test_education_or_training_counts_from_the_day_it_was_recorded(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """s.24B with rules.md Revision 2 ("with the date it was recorded"): a lookup as of a
    day before the record does not see it."""
    child = await _qualifying(
        camden, in_education_or_training=True, education_or_training_recorded_on="2026-04-01"
    )
    ref = child["person_ref"]

    before = await status_on(police, ref, "2026-03-31")
    on_the_day = await status_on(police, ref, "2026-04-01")

    assert before["result"] == "no_record"
    assert on_the_day["result"] == "care_leaver"


async def test_a_record_that_they_are_not_in_education_or_training_leaves_them_out_at_21(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """s.24B: only a care leaver in education or training stays in scope after 21."""
    child = await _qualifying(
        camden, in_education_or_training=False, education_or_training_recorded_on="2026-01-10"
    )

    answer = await status_on(police, child["person_ref"], "2026-06-01")

    assert answer["result"] == "no_record"


async def test_leaving_care_record_returns_the_education_or_training_fields(
    camden: httpx.AsyncClient,
) -> None:
    child = await _qualifying(camden)
    url = f"/v1/children/{child['id']}/leaving-care"
    body = {
        "left_care_on": "2021-08-01",
        "in_education_or_training": True,
        "education_or_training_recorded_on": "2026-01-10",
    }

    put = await camden.put(url, json=body)
    record = await camden.get(f"/v1/children/{child['id']}", params={"as_of": "2026-06-01"})

    assert put.status_code == 200, put.text
    assert put.json()["in_education_or_training"] is True
    assert put.json()["education_or_training_recorded_on"] == "2026-01-10"
    leaving = record.json()["leaving_care"]
    assert (leaving["in_education_or_training"], leaving["category"]) == (True, "qualifying")
    assert leaving["education_or_training_recorded_on"] == "2026-01-10"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"in_education_or_training": True}, "body.education_or_training_recorded_on"),
        (
            {"in_education_or_training": True, "education_or_training_recorded_on": "2026-11-28"},
            "body.education_or_training_recorded_on",
        ),
        (
            {"in_education_or_training": True, "education_or_training_recorded_on": "2005-03-14"},
            "body.education_or_training_recorded_on",
        ),
        (
            {"in_education_or_training": True, "education_or_training_recorded_on": "10/01/2026"},
            "body.education_or_training_recorded_on",
        ),
        ({"in_education_or_training": "yes"}, "body.in_education_or_training"),
    ],
)
async def test_bad_education_or_training_fields_are_refused_naming_the_field(
    camden: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    child = await _qualifying(camden)
    url = f"/v1/children/{child['id']}/leaving-care"

    response = await camden.put(url, json={"left_care_on": "2021-08-01", **body})
    record = await camden.get(f"/v1/children/{child['id']}")

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert record.json()["leaving_care"] is None


async def test_former_relevant_care_leaver_stays_in_scope_to_25_without_education(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """rules.md Revision 2: `former_relevant` runs to 25 (s.23C; Children and Social Work
    Act 2017 s.3). Born 15 March 2005, looked after from 1 January 2019 to the 18th
    birthday (15 March 2023): eligible, then former relevant."""
    child = await create_child(camden, date_of_birth="2005-03-15")
    await add_legal_status(camden, child["id"], start_date="2019-01-01", end_date="2023-03-15")

    at_24 = await status_on(police, child["person_ref"], "2030-03-14")
    at_25 = await status_on(police, child["person_ref"], "2030-03-15")

    assert (at_24["result"], at_24["care_leaver_category"]) == ("care_leaver", "former_relevant")
    assert at_25["result"] == "no_record"


async def test_eligible_and_relevant_end_at_18(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """Children Act 1989 Sch. 2 para 19B and s.23A: eligible and relevant children are
    16 or 17; at 18 a relevant child is former relevant (s.23C). Born 15 March 2008,
    looked after from 1 January 2022 to 1 June 2025 (after 13 weeks from 14)."""
    child = await create_child(camden, date_of_birth="2008-03-15")
    await add_legal_status(camden, child["id"], start_date="2022-01-01", end_date="2025-06-01")

    eligible = await status_on(police, child["person_ref"], "2025-05-31")
    relevant = await status_on(police, child["person_ref"], "2026-03-14")
    at_18 = await status_on(police, child["person_ref"], "2026-03-15")

    assert eligible["care_leaver_category"] == "eligible"
    assert relevant["care_leaver_category"] == "relevant"
    assert at_18["care_leaver_category"] == "former_relevant"
