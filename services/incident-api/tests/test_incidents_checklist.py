"""The CPS 10-point checklist: sections 1-8 by carers and local authorities, 9-10 by the
police (by organisation kind), due 24 hours after police involvement, for a child whose
responsible authority adopted the Derbyshire protocol (Derbyshire, E10000007, by default)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]

POLICE_INVOLVED = {
    "person_ref": "child-derbyshire-1",
    "occurred_at": "2026-03-28T09:00:00+00:00",
    "response_category": "police_advice",
    "police_involved_at": "2026-03-28T10:00:00+00:00",
    "police_force": "police-derbyshire",
}


@pytest.fixture
async def checklist_url(service: InProcessService, body: Body) -> str:
    home = await service.as_client("demo-home-provider")
    created = await home.post("/v1/incidents", json=body(**POLICE_INVOLVED))
    assert created.status_code == 201, created.text
    return f"/v1/incidents/{created.json()['id']}/cps-checklist"


async def _put(
    client: httpx.AsyncClient, url: str, section: int, text: str = "…"
) -> httpx.Response:
    return await client.put(f"{url}/{section}", json={"content": text})


async def test_checklist_is_due_24_hours_after_police_involvement(
    service: InProcessService, checklist_url: str
) -> None:
    home = await service.as_client("demo-home-provider")

    checklist = (await home.get(checklist_url)).json()

    assert checklist["required"] is True
    assert checklist["due_at"] == "2026-03-29T10:00:00Z"
    assert checklist["missing"] == list(range(1, 11))
    assert checklist["sections"][0]["due_at"] == "2026-03-29T10:00:00Z"
    assert checklist["sections"][8]["due_at"] is None


async def test_incident_without_police_involvement_has_no_due_checklist(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await home.post("/v1/incidents", json=body(response_category="internal_resolution"))

    checklist = (await home.get(f"/v1/incidents/{created.json()['id']}/cps-checklist")).json()

    assert checklist["required"] is False
    assert checklist["due_at"] is None
    assert checklist["overdue"] is False


@pytest.mark.parametrize("section", [1, 5, 8])
async def test_provider_writes_carer_sections(
    service: InProcessService, checklist_url: str, section: int
) -> None:
    home = await service.as_client("demo-home-provider")

    written = await _put(home, checklist_url, section, "Victim would take part in mediation.")

    assert written.status_code == 200
    entry = written.json()["sections"][section - 1]
    assert entry["content"] == "Victim would take part in mediation."
    assert entry["completed_by"] == "provider-demo-home"
    assert section not in written.json()["missing"]


async def test_local_authority_writes_carer_sections(
    service: InProcessService, checklist_url: str
) -> None:
    derbyshire = await service.as_client("demo-derbyshire")

    written = await _put(
        derbyshire, checklist_url, 6, "Social worker: prosecution would harm placement."
    )

    assert written.status_code == 200
    assert written.json()["sections"][5]["completed_by"] == "E10000007"


@pytest.mark.parametrize("section", [9, 10])
async def test_provider_may_not_write_police_sections(
    service: InProcessService, checklist_url: str, section: int
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await _put(home, checklist_url, section)

    assert refused.status_code == 403
    checklist = (await home.get(checklist_url)).json()
    assert section in checklist["missing"]


@pytest.mark.parametrize("section", [9, 10])
async def test_police_write_their_sections(
    service: InProcessService, checklist_url: str, section: int
) -> None:
    police = await service.as_client("demo-derbyshire-police")

    written = await _put(police, checklist_url, section, "Mitigation: provocation by peer.")

    assert written.status_code == 200
    assert written.json()["sections"][section - 1]["completed_by"] == "police-derbyshire"


@pytest.mark.parametrize("section", [1, 8])
async def test_police_may_not_write_carer_sections(
    service: InProcessService, checklist_url: str, section: int
) -> None:
    police = await service.as_client("demo-derbyshire-police")

    refused = await _put(police, checklist_url, section)

    assert refused.status_code == 403


async def test_police_not_named_on_the_incident_get_not_found(
    service: InProcessService, checklist_url: str
) -> None:
    police = await service.as_client("demo-met-custody")

    refused = await _put(police, checklist_url, 9)

    assert refused.status_code == 404


async def test_section_outside_1_to_10_is_refused_naming_it(
    service: InProcessService, checklist_url: str
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await _put(home, checklist_url, 11)

    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "path.section"


async def test_unwritten_carer_sections_past_the_due_time_are_overdue(
    service: InProcessService, checklist_url: str
) -> None:
    home = await service.as_client("demo-home-provider")
    for section in range(1, 8):
        await _put(home, checklist_url, section)

    checklist = (await home.get(checklist_url)).json()

    assert checklist["missing"] == [8, 9, 10]
    assert checklist["overdue"] is True
    assert checklist["carer_sections_completed_at"] is None
    assert checklist["completed_on_time"] is None


async def test_carer_sections_written_after_the_due_time_are_late(
    service: InProcessService, checklist_url: str
) -> None:
    home = await service.as_client("demo-home-provider")
    for section in range(1, 9):
        await _put(home, checklist_url, section)

    checklist = (await home.get(checklist_url)).json()

    assert checklist["missing"] == [9, 10]
    assert checklist["overdue"] is False
    assert checklist["carer_sections_completed_at"] is not None
    assert checklist["completed_on_time"] is False


async def test_rewriting_a_section_keeps_when_it_was_first_written(
    service: InProcessService, checklist_url: str
) -> None:
    home = await service.as_client("demo-home-provider")
    first = (await _put(home, checklist_url, 2, "first")).json()["sections"][1]

    second = (await _put(home, checklist_url, 2, "second")).json()["sections"][1]

    assert second["content"] == "second"
    assert second["completed_at"] == first["completed_at"]


async def test_yot_cannot_write_any_section(service: InProcessService, checklist_url: str) -> None:
    yot = await service.as_client("demo-yot-camden")

    refused = await _put(yot, checklist_url, 1)

    assert refused.status_code == 403


async def test_carer_sections_written_within_24_hours_are_on_time(
    service: InProcessService, body: Body
) -> None:
    involved_at = datetime.now(UTC) - timedelta(hours=1)
    home = await service.as_client("demo-home-provider")
    created = await home.post(
        "/v1/incidents",
        json=body(
            person_ref="child-derbyshire-1",
            occurred_at=(involved_at - timedelta(hours=1)).isoformat(),
            response_category="immediate_police_response",
            police_involved_at=involved_at.isoformat(),
        ),
    )
    url = f"/v1/incidents/{created.json()['id']}/cps-checklist"

    for section in range(1, 9):
        checklist = (await _put(home, url, section)).json()

    assert checklist["required"] is True
    assert checklist["completed_on_time"] is True
    assert checklist["overdue"] is False
