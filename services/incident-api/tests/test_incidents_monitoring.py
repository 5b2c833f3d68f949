"""Monitoring figures against a hand-built data set with known answers (JSON and CSV),
including the period boundaries in Europe/London time."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from incidents.testing import CareStatusStandIn
from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]

JUNE = {"from": "2026-06-01", "to": "2026-06-30"}
A, B, C, D = "child-camden-1", "child-derbyshire-1", "child-derbyshire-2", "child-camden-2"

# (person, occurred_at, response_category, outcome, sex, ethnicity)
PLACEMENT_INCIDENTS = [
    (A, "2026-06-05T12:00:00+01:00", "internal_resolution", None, "female", "white_british"),
    (B, "2026-06-30T23:30:00+01:00", "internal_resolution", None, "male", "caribbean"),
    (B, "2026-06-30T23:30:00+00:00", "internal_resolution", None, None, None),  # 1 July BST
    (A, "2026-06-01T00:15:00+01:00", "police_advice", "youth_caution", "male", None),
    (A, "2026-05-31T23:30:00+00:00", "police_advice", "community_resolution", None, None),
    (A, "2026-05-31T22:30:00+00:00", "police_advice", "fine", None, None),  # 31 May BST
    (
        C,
        "2026-06-15T10:00:00+01:00",
        "immediate_police_response",
        "discontinued_by_cps",
        None,
        None,
    ),
    (C, "2026-06-16T10:00:00+01:00", "police_advice", "outcome_21", None, None),
    (B, "2026-06-20T10:00:00+01:00", "police_advice", None, None, None),
    (D, "2026-06-10T10:00:00+01:00", "internal_resolution", None, None, None),
    (B, "2026-06-21T10:00:00+01:00", "immediate_police_response", "no_further_action", None, None),
]


@pytest.fixture
async def derbyshire(
    service: InProcessService, care_status: CareStatusStandIn, body: Body
) -> httpx.AsyncClient:
    """Derbyshire (E10000007) with incidents of June 2026 and either side of it."""
    care_status.add(
        C,
        responsible_authority="E10000007",
        area_authority="E09000007",
        placement_type="supported_accommodation",
        age=16,
        age_band="16_17",
    )
    care_status.add(
        D, area_authority="E09000007", placed_out_of_area=False, placement_type="foster"
    )
    home = await service.as_client("demo-home-provider")
    police = await service.as_client("demo-derbyshire-police")
    ids = []
    for person, occurred_at, category, outcome, sex, ethnicity in PLACEMENT_INCIDENTS:
        fields = {
            "response_category": category,
            "outcome": outcome,
            "sex": sex,
            "ethnicity": ethnicity,
        }
        created = await home.post(
            "/v1/incidents",
            json=body(
                person_ref=person,
                occurred_at=occurred_at,
                **{name: value for name, value in fields.items() if value is not None},
            ),
        )
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    arrest = await police.post(
        "/v1/incidents",
        json=body(person_ref=B, kind="arrest", occurred_at="2026-06-20T12:00:00+01:00"),
    )
    assert arrest.status_code == 201
    for section in range(1, 9):  # C's discontinued case's checklist, written (late) now
        written = await home.put(
            f"/v1/incidents/{ids[6]}/cps-checklist/{section}", json={"content": "…"}
        )
        assert written.status_code == 200, written.text
    return await service.as_client("demo-derbyshire")


def _measures(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {measure["measure"]: measure for measure in report["measures"]}


async def test_each_measure_counts_the_incidents_of_the_period(
    derbyshire: httpx.AsyncClient,
) -> None:
    report = (await derbyshire.get("/v1/reports/monitoring", params=JUNE)).json()

    totals = {name: measure["total"] for name, measure in _measures(report).items()}
    assert totals == {
        "dealt_with_internally": 2,
        "jointly_with_police_formal_disposal": 1,
        "jointly_with_police_informal_disposal": 2,
        "discontinued_by_cps": 1,
        "jointly_with_police_no_further_action": 1,
        "jointly_with_police_outcome_awaited": 1,
    }
    assert report["incidents_counted"] == 8
    assert report["records_by_kind"] == {"arrest": 1, "behaviour": 8}


async def test_measures_are_broken_down_by_placement_area_age_sex_and_ethnicity(
    derbyshire: httpx.AsyncClient,
) -> None:
    report = (await derbyshire.get("/v1/reports/monitoring", params=JUNE)).json()

    measures = _measures(report)
    assert measures["dealt_with_internally"]["breakdown"] == {
        "placement_type": {"childrens_home": 1, "foster": 1},
        "out_of_area": {"in_area": 1, "out_of_area": 1},
        "age_band": {"10_13": 1, "14_15": 1},
        "sex": {"female": 1, "male": 1},
        "ethnicity": {"caribbean": 1, "white_british": 1},
        "send_or_disability": {"not_recorded": 2},
        "uasc": {"not_uasc": 2},
    }
    assert measures["jointly_with_police_informal_disposal"]["breakdown"] == {
        "placement_type": {"childrens_home": 1, "supported_accommodation": 1},
        "out_of_area": {"out_of_area": 2},
        "age_band": {"14_15": 1, "16_17": 1},
        "sex": {"not_recorded": 2},
        "ethnicity": {"not_recorded": 2},
        "send_or_disability": {"not_recorded": 2},
        "uasc": {"not_uasc": 2},
    }


async def test_incident_at_2330_on_30_june_bst_is_in_june_and_2330_utc_is_in_july(
    derbyshire: httpx.AsyncClient,
) -> None:
    june = (await derbyshire.get("/v1/reports/monitoring", params=JUNE)).json()
    july = (
        await derbyshire.get(
            "/v1/reports/monitoring", params={"from": "2026-07-01", "to": "2026-07-31"}
        )
    ).json()

    assert _measures(june)["dealt_with_internally"]["breakdown"]["age_band"]["10_13"] == 1
    assert _measures(july)["dealt_with_internally"]["total"] == 1
    assert july["incidents_counted"] == 1


async def test_period_start_is_midnight_london_time(derbyshire: httpx.AsyncClient) -> None:
    may = (
        await derbyshire.get(
            "/v1/reports/monitoring", params={"from": "2026-05-01", "to": "2026-05-31"}
        )
    ).json()

    assert may["incidents_counted"] == 1
    assert _measures(may)["jointly_with_police_formal_disposal"]["total"] == 1


async def test_relation_limits_to_children_the_authority_is_responsible_for(
    derbyshire: httpx.AsyncClient,
) -> None:
    report = (
        await derbyshire.get("/v1/reports/monitoring", params={**JUNE, "relation": "responsible"})
    ).json()

    totals = {name: measure["total"] for name, measure in _measures(report).items()}
    assert totals == {
        "dealt_with_internally": 1,
        "jointly_with_police_formal_disposal": 0,
        "jointly_with_police_informal_disposal": 1,
        "discontinued_by_cps": 1,
        "jointly_with_police_no_further_action": 1,
        "jointly_with_police_outcome_awaited": 1,
    }


async def test_relation_area_counts_children_placed_in_the_area(
    derbyshire: httpx.AsyncClient,
) -> None:
    report = (
        await derbyshire.get("/v1/reports/monitoring", params={**JUNE, "relation": "area"})
    ).json()

    assert report["incidents_counted"] == 6
    assert _measures(report)["discontinued_by_cps"]["total"] == 0


async def test_cps_checklist_timeliness_of_police_involved_incidents(
    derbyshire: httpx.AsyncClient,
) -> None:
    """rules.md Revision 2 `cps-checklist-due`: only the children whose responsible
    authority adopted the Derbyshire protocol (B and C, not Camden's A) have a checklist
    due: B's two police incidents and arrest, C's two incidents."""
    report = (await derbyshire.get("/v1/reports/monitoring", params=JUNE)).json()

    assert report["cps_checklists"] == {
        "required": 5,
        "completed_on_time": 0,
        "completed_late": 1,
        "outstanding_not_yet_due": 0,
        "overdue": 4,
    }


async def test_notification_figures_are_left_to_notify_api_with_a_note(
    derbyshire: httpx.AsyncClient,
) -> None:
    report = (await derbyshire.get("/v1/reports/monitoring", params=JUNE)).json()

    assert report["notifications"]["source"] == "notify-api"
    assert report["notifications"]["included"] is False
    assert "notify-api" in report["notifications"]["note"]


def _rows(response: httpx.Response) -> list[tuple[str, ...]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return [tuple(row) for row in csv.reader(io.StringIO(response.text))]


@pytest.mark.parametrize(
    ("params", "headers"),
    [({**JUNE, "format": "csv"}, {}), (JUNE, {"Accept": "text/csv"})],
    ids=["format-csv", "accept-text-csv"],
)
async def test_figures_as_csv(
    derbyshire: httpx.AsyncClient, params: dict[str, str], headers: dict[str, str]
) -> None:
    rows = _rows(await derbyshire.get("/v1/reports/monitoring", params=params, headers=headers))

    prefix = ("E10000007", "2026-06-01", "2026-06-30")
    assert rows[0] == (
        "authority",
        "period_start",
        "period_end",
        "measure",
        "dimension",
        "category",
        "count",
    )
    assert (*prefix, "dealt_with_internally", "total", "all", "2") in rows
    assert (*prefix, "dealt_with_internally", "sex", "female", "1") in rows
    assert (*prefix, "jointly_with_police_formal_disposal", "total", "all", "1") in rows
    assert (
        *prefix,
        "discontinued_by_cps",
        "placement_type",
        "supported_accommodation",
        "1",
    ) in rows
    assert (
        *prefix,
        "jointly_with_police_informal_disposal",
        "out_of_area",
        "out_of_area",
        "2",
    ) in rows
    assert (*prefix, "cps_checklists", "timeliness", "completed_late", "1") in rows


async def test_figures_of_another_authority_are_forbidden(derbyshire: httpx.AsyncClient) -> None:
    refused = await derbyshire.get(
        "/v1/reports/monitoring", params={**JUNE, "authority": "E09000007"}
    )

    assert refused.status_code == 403


async def test_camden_figures_count_its_children_and_those_placed_in_camden(
    service: InProcessService, derbyshire: httpx.AsyncClient
) -> None:
    camden = await service.as_client("demo-camden")

    report = (await camden.get("/v1/reports/monitoring", params=JUNE)).json()

    assert report["authority"] == "E09000007"
    # A's three June incidents, D's, and the two of C (a Derbyshire child placed in Camden)
    assert report["incidents_counted"] == 6
    assert _measures(report)["discontinued_by_cps"]["total"] == 1


@pytest.mark.parametrize("caller", ["demo-home-provider", "demo-met-custody", "demo-yot-camden"])
async def test_callers_without_the_reports_scope_are_forbidden(
    service: InProcessService, caller: str
) -> None:
    client = await service.as_client(caller)

    refused = await client.get("/v1/reports/monitoring", params=JUNE)

    assert refused.status_code == 403


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"to": "2026-06-30"}, "query.from"),
        ({"from": "2026-06-30", "to": "2026-06-01"}, "query.to"),
        ({**JUNE, "relation": "neighbours"}, "query.relation"),
        ({**JUNE, "format": "xml"}, "query.format"),
    ],
)
async def test_bad_report_query_is_refused_naming_it(
    service: InProcessService, params: dict[str, str], field: str
) -> None:
    camden = await service.as_client("demo-camden")

    refused = await camden.get("/v1/reports/monitoring", params=params)

    assert refused.status_code == 422
    assert field in [error["field"] for error in refused.json()["errors"]]


async def test_measures_are_broken_down_by_send_or_disability_and_uasc(
    service: InProcessService, care_status: CareStatusStandIn, body: Body
) -> None:
    """rules.md Revision 2, "Monitoring added" (London protocol, "Governance,
    monitoring"): disproportionality breakdowns also by SEND / disability (as the
    recorder reports it) and by UASC (the status facts' `uasc`)."""
    care_status.add("child-derbyshire-uasc", responsible_authority="E10000007", uasc=True)
    home = await service.as_client("demo-home-provider")
    for person, occurred_at, send in [
        ("child-derbyshire-uasc", "2026-08-03T10:00:00+01:00", "yes"),
        ("child-derbyshire-uasc", "2026-08-04T10:00:00+01:00", "not_known"),
        ("child-derbyshire-1", "2026-08-05T10:00:00+01:00", "yes"),
        ("child-derbyshire-1", "2026-08-06T10:00:00+01:00", None),
    ]:
        extra = {"send_or_disability": send} if send else {}
        created = await home.post(
            "/v1/incidents",
            json=body(
                person_ref=person,
                occurred_at=occurred_at,
                response_category="internal_resolution",
                **extra,
            ),
        )
        assert created.status_code == 201, created.text
    derbyshire = await service.as_client("demo-derbyshire")

    report = (
        await derbyshire.get(
            "/v1/reports/monitoring", params={"from": "2026-08-01", "to": "2026-08-31"}
        )
    ).json()

    breakdown = _measures(report)["dealt_with_internally"]["breakdown"]
    assert breakdown["send_or_disability"] == {"not_known": 1, "not_recorded": 1, "yes": 2}
    assert breakdown["uasc"] == {"not_uasc": 2, "uasc": 2}
