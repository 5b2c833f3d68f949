"""The DfE national measure (national protocol 1.4 footnote 2, 10.5): of the children
looked after continuously for 12 months or more at 31 March, aged 10 or over (care-status-
api's cohort, served here by its stand-in over HTTP), those convicted or given a youth
caution or youth conditional caution during the year, 1 April to 31 March."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from incidents.testing import CareStatusStandIn
from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]

YEAR = {"year_ending": "2027-03-31"}
B, C, E, F, G, H = (f"child-derbyshire-{n}" for n in (1, 2, 3, 4, 5, 6))
QUIET = ["child-derbyshire-q1", "child-derbyshire-q2", "child-derbyshire-q3"]

# (person, kind, occurred_at, outcome)
RECORDS = [
    # 00:30 BST on 1 April (23:30 UTC on 31 March): the first day of the year.
    (B, "court_outcome", "2026-04-01T00:30:00+01:00", "referral_order"),
    # 23:30 BST on 31 March 2026: the year before.
    (C, "out_of_court_disposal", "2026-03-31T23:30:00+01:00", "youth_caution"),
    (C, "court_outcome", "2026-07-01T10:00:00+01:00", "not_guilty"),
    # Two disposals, one child.
    (E, "out_of_court_disposal", "2026-09-01T10:00:00+01:00", "youth_conditional_caution"),
    (E, "court_outcome", "2026-10-01T10:00:00+01:00", "fine"),
    (F, "out_of_court_disposal", "2026-05-01T10:00:00+01:00", "community_resolution"),
    (F, "charge", "2026-05-02T10:00:00+01:00", None),
    (F, "court_outcome", "2026-06-02T10:00:00+01:00", "discontinued_by_cps"),
    # Not in the cohort (looked after for less than 12 months at 31 March).
    (G, "court_outcome", "2026-06-01T10:00:00+01:00", "fine"),
    (H, "custodial_sentence", "2026-11-02T10:00:00+00:00", None),
]


@pytest.fixture
async def derbyshire(
    service: InProcessService, care_status: CareStatusStandIn, body: Body
) -> httpx.AsyncClient:
    for person in (C, E, F, G, H):
        care_status.add(person, responsible_authority="E10000007", area_authority="E10000007")
    care_status.add_cohort("E10000007", "2027-03-31", [B, C, E, F, H, *QUIET])
    police = await service.as_client("demo-derbyshire-police")
    for person, kind, occurred_at, outcome in RECORDS:
        extra = {"outcome": outcome} if outcome else {}
        created = await police.post(
            "/v1/incidents",
            json=body(
                person_ref=person, kind=kind, setting="custody", occurred_at=occurred_at, **extra
            ),
        )
        assert created.status_code == 201, created.text
    return await service.as_client("demo-derbyshire")


async def test_counts_cohort_children_convicted_or_youth_cautioned_during_the_year(
    derbyshire: httpx.AsyncClient,
) -> None:
    """National protocol 1.4 footnote 2: "LAC aged 10 or over looked after for at least
    12 months were convicted or subject to youth cautions or youth conditional cautions
    during the year". B (first day), E (twice, once) and H (custodial sentence) count;
    C's caution is of the year before and her court case ended not guilty; F's
    community resolution and discontinued case are not convictions; G is not in the
    cohort."""
    answer = await derbyshire.get("/v1/reports/national-measure", params=YEAR)

    assert answer.status_code == 200, answer.text
    measure = answer.json()
    assert measure["authority"] == "E10000007"
    assert measure["year"] == {
        "start": "2026-04-01",
        "end": "2027-03-31",
        "time_zone": "Europe/London",
    }
    assert measure["cohort"] == 8
    assert measure["count"] == 3
    assert measure["percentage"] == 37.5
    assert measure["convicted"] == 3
    assert measure["youth_cautioned"] == 1
    assert measure["provisional"] is True


async def test_a_year_ended_counts_its_own_disposals_only(
    derbyshire: httpx.AsyncClient, care_status: CareStatusStandIn
) -> None:
    """The year to 31 March 2026 holds C's youth caution of 23:30 BST on 31 March."""
    care_status.add_cohort("E10000007", "2026-03-31", [B, C])

    measure = (
        await derbyshire.get("/v1/reports/national-measure", params={"year_ending": "2026-03-31"})
    ).json()

    assert (measure["cohort"], measure["count"], measure["percentage"]) == (2, 1, 50.0)
    assert measure["youth_cautioned"] == 1
    assert measure["provisional"] is False


async def test_an_empty_cohort_has_no_percentage(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    measure = (await camden.get("/v1/reports/national-measure", params=YEAR)).json()

    assert (measure["authority"], measure["cohort"], measure["count"]) == ("E09000007", 0, 0)
    assert measure["percentage"] is None


@pytest.mark.parametrize("year_ending", ["2027-04-01", "2026-12-31", "31/03/2027"])
async def test_a_year_not_ending_on_31_march_is_refused_naming_it(
    service: InProcessService, year_ending: str
) -> None:
    camden = await service.as_client("demo-camden")

    refused = await camden.get("/v1/reports/national-measure", params={"year_ending": year_ending})

    assert refused.status_code == 422
    assert [error["field"] for error in refused.json()["errors"]] == ["query.year_ending"]


async def test_another_authoritys_measure_is_forbidden(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    refused = await camden.get(
        "/v1/reports/national-measure", params={**YEAR, "authority": "E10000007"}
    )

    assert refused.status_code == 403


@pytest.mark.parametrize("caller", ["demo-home-provider", "demo-met-custody"])
async def test_callers_without_the_reports_scope_are_forbidden(
    service: InProcessService, caller: str
) -> None:
    client = await service.as_client(caller)

    refused = await client.get("/v1/reports/national-measure", params=YEAR)

    assert refused.status_code == 403


async def test_care_status_api_unreachable_is_503_not_a_guess(
    service: InProcessService, care_status: CareStatusStandIn
) -> None:
    camden = await service.as_client("demo-camden")
    await care_status.stop()

    refused = await camden.get("/v1/reports/national-measure", params=YEAR)

    assert refused.status_code == 503
    assert refused.headers["content-type"] == "application/problem+json"
