"""Matching: identifiers, and names as people really write them; never fuzzy on the date."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from care_status.lookups.matching import name_key
from care_status.testing import VALID_NHS_NUMBER, add_legal_status, create_child, lookup
from platform_shared.testing import InProcessService


@pytest.mark.parametrize(
    ("written", "same_as"),
    [
        ("O'Brien", "OBRIEN"),
        ("O'Brien", "o brien"),
        ("O\u2019Brien", "obrien"),
        ("Smith-Jones", "smith  jones"),
        ("Zoë", "ZOE"),
        ("Siobhán", "siobhan"),
        ("Müller", "Muller"),
        ("Łukasz", "Lukasz"),
        ("Strauß", "STRAUSS"),
        ("  Mary   Jane ", "Mary-Jane"),
    ],
)
def test_name_forms_have_the_same_key(written: str, same_as: str) -> None:
    assert name_key(written) == name_key(same_as)


def test_different_spellings_have_different_keys() -> None:
    assert name_key("Obrian") != name_key("O'Brien")


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def derbyshire(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-derbyshire")


@pytest.fixture
async def police(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-met-custody")


async def _looked_after(client: httpx.AsyncClient, **fields: Any) -> dict[str, str]:
    child = await create_child(client, **fields)
    await add_legal_status(client, child["id"], start_date="2025-01-01")
    return child


@pytest.mark.parametrize(
    ("given", "family"),
    [
        ("siobhan", "OBRIEN"),
        ("SIOBHÁN", "o brien"),
        ("Siobhan", "O\u2019Brien"),
        ("  siobhán ", "O'BRIEN"),
    ],
)
async def test_apostrophe_and_accented_names_match_in_any_form(
    camden: httpx.AsyncClient, police: httpx.AsyncClient, given: str, family: str
) -> None:
    child = await _looked_after(
        camden, given_name="Siobhán", family_name="O'Brien", date_of_birth="2011-02-03"
    )

    answer = await lookup(police, given_name=given, family_name=family, date_of_birth="2011-02-03")

    assert answer["result"] == "looked_after"
    assert answer["person_ref"] == child["person_ref"]


async def test_hyphenated_names_match_with_spaces_and_double_spaces(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await _looked_after(
        camden, given_name="Mary-Jane", family_name="Smith-Jones", date_of_birth="2012-07-01"
    )

    answer = await lookup(
        police, given_name="mary  jane", family_name="SMITH JONES", date_of_birth="2012-07-01"
    )

    assert answer["person_ref"] == child["person_ref"]


async def test_accents_are_ignored(camden: httpx.AsyncClient, police: httpx.AsyncClient) -> None:
    child = await _looked_after(
        camden, given_name="Zoë", family_name="Müller", date_of_birth="2013-09-09"
    )

    answer = await lookup(
        police, given_name="Zoe", family_name="Muller", date_of_birth="2013-09-09"
    )

    assert answer["person_ref"] == child["person_ref"]


async def test_date_of_birth_must_match_exactly(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    await _looked_after(camden, given_name="Zoë", family_name="Müller", date_of_birth="2013-09-09")

    answer = await lookup(
        police, given_name="Zoë", family_name="Müller", date_of_birth="2013-09-10"
    )

    assert answer["result"] == "no_record"


async def test_names_are_not_matched_fuzzily(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    await _looked_after(
        camden, given_name="Siobhán", family_name="O'Brien", date_of_birth="2011-02-03"
    )

    answer = await lookup(
        police, given_name="Siobhan", family_name="Obrian", date_of_birth="2011-02-03"
    )

    assert answer["result"] == "no_record"


async def test_two_people_with_the_same_name_and_birth_date_are_ambiguous_and_undisclosed(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """Two records of one authority are two people (issue 15 finding 3: one person's
    records at two authorities are answered with both, test_care_status_several_authorities)."""
    for different_person in (False, True):
        await _looked_after(
            camden,
            given_name="Jamie",
            family_name="Lee",
            date_of_birth="2010-10-10",
            different_person=different_person,
        )

    answer = await lookup(police, given_name="jamie", family_name="LEE", date_of_birth="2010-10-10")

    assert answer["result"] == "ambiguous"
    assert {key for key, value in answer.items() if value is not None} == {"result"}


async def test_nhs_number_matches_with_spaces(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await _looked_after(camden, nhs_number=VALID_NHS_NUMBER)

    answer = await lookup(police, identifiers={"nhs_number": "943 476 5919"})

    assert answer["person_ref"] == child["person_ref"]


async def test_pnc_id_matches_in_short_and_long_form(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await _looked_after(camden, pnc_id="2001/0012345H")

    short = await lookup(police, identifiers={"pnc_id": "01/12345h"})
    long = await lookup(police, identifiers={"pnc_id": "2001/0012345H"})

    assert short["person_ref"] == long["person_ref"] == child["person_ref"]


async def test_identifiers_that_point_to_two_people_are_ambiguous(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    first = await _looked_after(camden, nhs_number=VALID_NHS_NUMBER)
    await _looked_after(camden, given_name="Sam", pnc_id="2001/0012345H")

    answer = await lookup(
        police,
        identifiers={"person_ref": first["person_ref"], "pnc_id": "2001/0012345H"},
    )

    assert answer["result"] == "ambiguous"


async def test_names_are_tried_when_no_identifier_matches(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await _looked_after(
        camden, given_name="Ada", family_name="King", date_of_birth="2012-12-10"
    )

    answer = await lookup(
        police,
        identifiers={"nhs_number": VALID_NHS_NUMBER},
        given_name="Ada",
        family_name="King",
        date_of_birth="2012-12-10",
    )

    assert answer["person_ref"] == child["person_ref"]


async def test_unknown_person_is_no_record(police: httpx.AsyncClient) -> None:
    answer = await lookup(
        police, given_name="Nobody", family_name="Known", date_of_birth="2010-01-01"
    )

    assert answer == {
        "result": "no_record",
        "person_ref": None,
        "age": None,
        "under_25": None,
        "care_leaver_category": None,
        "responsible_authority": None,
        "placed_out_of_area": None,
        "area_authority": None,
        "notify_personal_adviser_consent": None,
        "contact_route": None,
        "match": None,
        "authorities": None,
    }
