"""Status and care-leaver categories, computed for `as_of` from the history (both databases).

rules.md "Statuses the rules read"; the boundaries are written out literally. Dates are
half-open: an `end_date` is the day the status ceased.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from care_status.testing import add_legal_status, create_child, status_on
from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def police(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-met-custody")


async def _child_in_care(
    camden: httpx.AsyncClient, date_of_birth: str, *statuses: dict[str, Any]
) -> str:
    child = await create_child(camden, date_of_birth=date_of_birth)
    for status in statuses:
        await add_legal_status(camden, child["id"], **status)
    return str(child["person_ref"])


async def test_child_with_an_open_care_order_is_looked_after(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(camden, "2015-05-01", {"start_date": "2020-01-01"})

    answer = await status_on(police, ref, "2026-11-27")

    assert answer["result"] == "looked_after"
    assert answer["care_leaver_category"] is None
    assert answer["age"] == 11


async def test_care_order_ended_last_month_is_not_looked_after_today(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden, "2015-05-01", {"start_date": "2020-01-01", "end_date": "2026-10-27"}
    )

    today = await police.post(
        "/v1/lookups", json={"identifiers": {"person_ref": ref}, "purpose": "custody"}
    )

    assert today.json()["result"] == "no_record"


async def test_ended_care_order_counts_until_the_day_before_its_end_date(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden, "2015-05-01", {"start_date": "2020-01-01", "end_date": "2026-10-27"}
    )

    day_before = await status_on(police, ref, "2026-10-26")
    end_day = await status_on(police, ref, "2026-10-27")

    assert day_before["result"] == "looked_after"
    assert end_day["result"] == "no_record"


async def test_day_before_18th_birthday_is_looked_after_and_eligible(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(camden, "2008-03-10", {"start_date": "2023-01-01"})

    answer = await status_on(police, ref, "2026-03-09")

    assert answer["result"] == "looked_after"
    assert answer["care_leaver_category"] == "eligible"
    assert answer["age"] == 17


async def test_on_18th_birthday_an_eligible_child_is_a_former_relevant_care_leaver(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(camden, "2008-03-10", {"start_date": "2023-01-01"})

    answer = await status_on(police, ref, "2026-03-10")

    assert answer["result"] == "care_leaver"
    assert answer["care_leaver_category"] == "former_relevant"
    assert answer["age"] == 18


async def test_day_before_25th_birthday_is_a_care_leaver_under_25(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(camden, "2008-03-10", {"start_date": "2023-01-01"})

    answer = await status_on(police, ref, "2033-03-09")

    assert answer["result"] == "care_leaver"
    assert answer["care_leaver_category"] == "former_relevant"
    assert answer["under_25"] is True
    assert answer["age"] == 24


async def test_care_leaver_is_no_record_on_25th_birthday(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(camden, "2008-03-10", {"start_date": "2023-01-01"})

    answer = await status_on(police, ref, "2033-03-10")

    assert answer["result"] == "no_record"
    assert answer["person_ref"] is None
    assert answer["responsible_authority"] is None


async def test_looked_after_16_year_old_is_eligible_on_the_91st_day_since_14(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden, "2008-03-10", {"basis": "section_20", "start_date": "2024-06-01"}
    )

    day_90 = await status_on(police, ref, "2024-08-29")
    day_91 = await status_on(police, ref, "2024-08-30")

    assert (day_90["result"], day_90["care_leaver_category"]) == ("looked_after", None)
    assert (day_91["result"], day_91["care_leaver_category"]) == ("looked_after", "eligible")


async def test_thirteen_weeks_after_16_then_leaving_care_makes_a_relevant_child(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden,
        "2008-03-10",
        {"basis": "section_20", "start_date": "2024-06-01", "end_date": "2024-08-31"},
    )

    answer = await status_on(police, ref, "2024-10-01")

    assert answer["result"] == "care_leaver"
    assert answer["care_leaver_category"] == "relevant"


async def test_thirteen_weeks_minus_a_day_makes_a_qualifying_care_leaver(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden,
        "2008-03-10",
        {"basis": "section_20", "start_date": "2024-06-01", "end_date": "2024-08-30"},
    )

    answer = await status_on(police, ref, "2024-10-01")

    assert answer["result"] == "care_leaver"
    assert answer["care_leaver_category"] == "qualifying"


async def test_short_break_does_not_count_towards_the_13_weeks(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden,
        "2008-03-10",
        {"basis": "section_20", "start_date": "2024-06-01", "end_date": "2024-08-30"},
        {
            "basis": "section_20",
            "short_break": True,
            "start_date": "2024-09-10",
            "end_date": "2024-09-13",
        },
    )

    answer = await status_on(police, ref, "2024-10-01")

    assert answer["care_leaver_category"] == "qualifying"


async def test_child_on_a_short_break_is_looked_after_while_it_lasts(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden,
        "2012-04-04",
        {
            "basis": "section_20",
            "short_break": True,
            "start_date": "2026-11-20",
            "end_date": "2026-11-30",
        },
    )

    answer = await status_on(police, ref, "2026-11-27")

    assert (answer["result"], answer["care_leaver_category"]) == ("looked_after", None)


async def test_short_breaks_alone_after_16_make_no_care_leaver(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden,
        "2008-03-10",
        {
            "basis": "section_20",
            "short_break": True,
            "start_date": "2024-09-10",
            "end_date": "2024-09-20",
        },
    )

    answer = await status_on(police, ref, "2024-10-01")

    assert answer["result"] == "no_record"


async def test_care_before_the_14th_birthday_does_not_count_towards_the_13_weeks(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden,
        "2008-03-10",
        {"start_date": "2021-01-01", "end_date": "2022-03-10"},
        {"basis": "section_20", "start_date": "2024-06-01", "end_date": "2024-06-11"},
    )

    answer = await status_on(police, ref, "2024-10-01")

    assert answer["care_leaver_category"] == "qualifying"


async def test_relevant_child_aged_17_is_a_care_leaver(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden, "2009-06-15", {"start_date": "2023-01-01", "end_date": "2026-01-10"}
    )

    answer = await status_on(police, ref, "2026-11-27")

    assert (answer["result"], answer["care_leaver_category"]) == ("care_leaver", "relevant")
    assert answer["age"] == 17


async def test_looked_after_only_before_16_is_no_record_at_17(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(
        camden, "2009-06-15", {"start_date": "2020-01-01", "end_date": "2025-06-14"}
    )

    answer = await status_on(police, ref, "2026-11-27")

    assert answer["result"] == "no_record"


async def test_care_order_open_at_18_makes_a_former_relevant_care_leaver_at_22(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    ref = await _child_in_care(camden, "2004-02-02", {"start_date": "2015-09-01"})

    answer = await status_on(police, ref, "2026-11-27")

    assert (answer["result"], answer["care_leaver_category"]) == (
        "care_leaver",
        "former_relevant",
    )
    assert answer["age"] == 22


async def test_explicit_category_from_the_local_authority_is_honoured(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2004-02-02")
    await add_legal_status(camden, child["id"], start_date="2015-09-01")
    put = await camden.put(
        f"/v1/children/{child['id']}/leaving-care",
        json={"left_care_on": "2022-02-02", "category": "qualifying"},
    )

    # At 20: a qualifying care leaver is under 21 (s.24(1B)(a)).
    answer = await status_on(police, child["person_ref"], "2025-02-01")

    assert put.status_code == 200, put.text
    assert (answer["result"], answer["care_leaver_category"]) == ("care_leaver", "qualifying")


async def test_explicit_category_is_audited(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden, date_of_birth="2004-02-02")
    await camden.put(
        f"/v1/children/{child['id']}/leaving-care",
        json={"left_care_on": "2022-02-02", "category": "former_relevant"},
    )

    async with service.session_factory() as session:
        rows = list(
            await session.scalars(
                select(AuditEntry).where(AuditEntry.action == "care_leaver.category_override")
            )
        )
    assert len(rows) == 1
    assert rows[0].subject_id == child["id"]
    assert rows[0].client_id == "demo-camden"
    assert rows[0].details == {"category": "former_relevant", "previous": None}
