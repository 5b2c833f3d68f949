"""The national measure's cohort: children looked after continuously for 12 months or more
at a date, aged 10 or over (national protocol 1.4 footnote 2, 10.5; rules.md Revision 2,
"Monitoring added"; SSDA903 OC2). Counted at 31 March 2026: the 12 months ending that day
run from 1 April 2025."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from care_status.testing import add_legal_status, add_placement, create_child
from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService

URL = "/v1/status-facts/cohorts/continuously-looked-after"


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def derbyshire(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-derbyshire")


@pytest.fixture
async def platform(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("platform-services")


async def _child(
    client: httpx.AsyncClient, date_of_birth: str, *statuses: dict[str, Any]
) -> dict[str, Any]:
    # Children of one authority born on one day, with the default name: different people.
    child = await create_child(client, date_of_birth=date_of_birth, different_person=True)
    for status in statuses:
        await add_legal_status(client, child["id"], **status)
    return child


async def _cohort(platform: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await platform.get(URL, params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_the_cohort_counts_children_looked_after_for_the_12_months_ending_on_the_day(
    camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """SSDA903 OC2: looked after on 31 March 2026 and continuously since 1 April 2025."""
    since_1_april = await _child(camden, "2012-01-01", {"start_date": "2025-04-01"})
    await _child(camden, "2012-01-01", {"start_date": "2025-04-02"})
    consecutive = await _child(
        camden,
        "2013-05-05",
        {"basis": "section_20", "start_date": "2024-09-01", "end_date": "2025-09-01"},
        {"start_date": "2025-09-01"},
    )
    await _child(
        camden,
        "2013-05-05",
        {"basis": "section_20", "start_date": "2024-09-01", "end_date": "2025-09-01"},
        {"start_date": "2025-09-02"},
    )
    await _child(camden, "2012-01-01", {"start_date": "2024-01-01", "end_date": "2026-03-31"})

    answer = await _cohort(platform, authority="E09000007", on="2026-03-31")

    assert answer == {
        "authority": "E09000007",
        "on": "2026-03-31",
        "min_age": 10,
        "count": 2,
        "person_refs": sorted([since_1_april["person_ref"], consecutive["person_ref"]]),
    }


async def test_children_under_the_minimum_age_are_left_out(
    camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """National protocol 1.4 fn 2: aged 10 or over (on 31 March). Born 1 April 2016: 9 on
    31 March 2026; born 31 March 2016: 10 that day."""
    nine = await _child(camden, "2016-04-01", {"start_date": "2020-01-01"})
    ten = await _child(camden, "2016-03-31", {"start_date": "2020-01-01"})

    default = await _cohort(platform, authority="E09000007", on="2026-03-31")
    from_9 = await _cohort(platform, authority="E09000007", on="2026-03-31", min_age=9)

    assert default["person_refs"] == [ten["person_ref"]]
    assert sorted(from_9["person_refs"]) == sorted([nine["person_ref"], ten["person_ref"]])
    assert from_9["min_age"] == 9


async def test_looked_after_only_on_short_breaks_does_not_count(
    camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """SSDA903 OC2 leaves out children looked after only under a series of short breaks
    (V3/V4); Care Planning regs 2010 reg 48. The second child's section 20 status is a
    plain one, but the authority recorded its placement as a short break."""
    await _child(
        camden,
        "2012-01-01",
        {"basis": "section_20", "short_break": True, "start_date": "2024-01-01"},
    )
    on_placement = await _child(
        camden, "2012-01-01", {"basis": "section_20", "start_date": "2024-01-01"}
    )
    await add_placement(
        camden,
        on_placement["id"],
        start_date="2025-12-01",
        end_date="2025-12-05",
        short_break=True,
    )

    answer = await _cohort(platform, authority="E09000007", on="2026-03-31")

    assert (answer["count"], answer["person_refs"]) == (0, [])


async def test_the_cohort_is_of_the_responsible_authority_only(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    await _child(derbyshire, "2012-01-01", {"start_date": "2024-01-01"})
    camden_child = await _child(camden, "2012-01-01", {"start_date": "2024-01-01"})

    camden_cohort = await _cohort(platform, authority="E09000007", on="2026-03-31")
    derbyshire_cohort = await _cohort(platform, authority="E10000007", on="2026-03-31")

    assert camden_cohort["person_refs"] == [camden_child["person_ref"]]
    assert derbyshire_cohort["count"] == 1
    assert derbyshire_cohort["person_refs"] != camden_cohort["person_refs"]


async def test_nobody_18_or_over_is_in_the_cohort(
    camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """Care ends at 18 (Children Act 1989 s.105, s.91(12)): born 1 January 2008, 18 on
    1 January 2026, no longer looked after on 31 March 2026."""
    await _child(camden, "2008-01-01", {"start_date": "2020-01-01"})

    answer = await _cohort(platform, authority="E09000007", on="2026-03-31", min_age=0)

    assert answer["count"] == 0


async def test_the_cohort_read_is_audited(
    service: InProcessService, camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    child = await _child(camden, "2012-01-01", {"start_date": "2024-01-01"})

    await _cohort(platform, authority="E09000007", on="2026-03-31")
    audit = await camden.get("/v1/lookups/audit", params={"child_id": child["id"]})

    async with service.session_factory() as session:
        rows = list(await session.scalars(select(AuditEntry).where(AuditEntry.org != "E09000007")))
    reads = [(row.action, row.subject_owner, row.purpose) for row in rows]
    assert ("status_facts.cohort_read", "E09000007", "national_measure") in reads
    assert ("status_facts.read", "E09000007", "national_measure") in reads
    (entry,) = audit.json()["items"]
    assert (entry["action"], entry["as_of"]) == ("status_facts.read", "2026-03-31")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"authority": "E09000007", "on": "2026-03-31", "min_age": 26}, "query.min_age"),
        ({"authority": "E09000007", "on": "2026-03-31", "min_age": -1}, "query.min_age"),
        ({"authority": "E09000007", "on": "2026-03-31", "min_age": "ten"}, "query.min_age"),
        ({"authority": "E09000007", "on": "31/03/2026"}, "query.on"),
        ({"authority": "E09000007"}, "query.on"),
        ({"authority": "Camden", "on": "2026-03-31"}, "query.authority"),
        ({"authority": "E99999999", "on": "2026-03-31"}, "query.authority"),
        ({"on": "2026-03-31"}, "query.authority"),
    ],
)
async def test_bad_parameters_are_refused_naming_the_parameter(
    platform: httpx.AsyncClient, params: dict[str, Any], field: str
) -> None:
    response = await platform.get(URL, params=params)

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in response.json()["errors"]] == [field]


async def test_only_the_platform_services_read_the_cohort(camden: httpx.AsyncClient) -> None:
    response = await camden.get(URL, params={"authority": "E09000007", "on": "2026-03-31"})

    assert response.status_code == 403
