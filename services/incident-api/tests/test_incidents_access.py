"""Who may read an incident: the recorder, the responsible authority, the area authority
(and a police force named on it); anyone else gets 404. Missing scope 403, no token 401."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]


async def _record(service: InProcessService, body: Body, **overrides: Any) -> str:
    home = await service.as_client("demo-home-provider")
    created = await home.post("/v1/incidents", json=body(**overrides))
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


@pytest.mark.parametrize(
    "reader",
    ["demo-home-provider", "demo-camden", "demo-derbyshire"],
    ids=["recorder", "responsible-authority", "area-authority"],
)
async def test_recorder_and_the_childs_authorities_read_the_incident(
    service: InProcessService, body: Body, reader: str
) -> None:
    incident_id = await _record(service, body)
    client = await service.as_client(reader)

    read = await client.get(f"/v1/incidents/{incident_id}")

    assert read.status_code == 200
    assert read.json()["id"] == incident_id


@pytest.mark.parametrize(
    "reader", ["demo-met-custody", "demo-derbyshire-police", "demo-yot-camden"]
)
async def test_anyone_else_gets_not_found(
    service: InProcessService, body: Body, reader: str
) -> None:
    incident_id = await _record(service, body)
    client = await service.as_client(reader)

    read = await client.get(f"/v1/incidents/{incident_id}")

    assert read.status_code == 404
    assert read.headers["content-type"] == "application/problem+json"


async def test_area_authority_does_not_read_incidents_of_children_placed_elsewhere(
    service: InProcessService, body: Body
) -> None:
    incident_id = await _record(service, body, person_ref="child-derbyshire-1")
    camden = await service.as_client("demo-camden")

    read = await camden.get(f"/v1/incidents/{incident_id}")

    assert read.status_code == 404


async def test_police_force_named_on_the_incident_reads_it(
    service: InProcessService, body: Body
) -> None:
    incident_id = await _record(
        service, body, response_category="police_advice", police_force="police-derbyshire"
    )
    police = await service.as_client("demo-derbyshire-police")

    read = await police.get(f"/v1/incidents/{incident_id}")

    assert read.status_code == 200


async def test_listing_shows_only_what_the_caller_may_read(
    service: InProcessService, body: Body
) -> None:
    await _record(service, body)
    await _record(service, body, person_ref="child-derbyshire-1")

    camden = await (await service.as_client("demo-camden")).get("/v1/incidents")
    derbyshire = await (await service.as_client("demo-derbyshire")).get("/v1/incidents")
    met = await (await service.as_client("demo-met-custody")).get("/v1/incidents")

    assert [item["person_ref"] for item in camden.json()["items"]] == ["child-camden-1"]
    assert len(derbyshire.json()["items"]) == 2
    assert met.json() == {"items": [], "next_cursor": None}


async def test_changing_another_organisations_incident_is_not_found(
    service: InProcessService, body: Body
) -> None:
    incident_id = await _record(service, body)
    police = await service.as_client("demo-met-custody")

    changed = await police.patch(
        f"/v1/incidents/{incident_id}", json={"outcome": "fine"}, headers={"If-Match": '"1"'}
    )

    assert changed.status_code == 404


async def test_recording_without_the_write_scope_is_forbidden(
    service: InProcessService, body: Body
) -> None:
    yot = await service.as_client("demo-yot-camden")

    refused = await yot.post("/v1/incidents", json=body())

    assert refused.status_code == 403


async def test_reading_without_the_read_scope_is_forbidden(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden", "care-status:read")

    refused = await camden.get("/v1/incidents")

    assert refused.status_code == 403


async def test_no_token_is_unauthorised(service: InProcessService) -> None:
    anonymous = await service.as_client(None)

    refused = await anonymous.get("/v1/incidents")

    assert refused.status_code == 401
    assert refused.headers["www-authenticate"].startswith("Bearer")


async def test_a_read_is_audited_with_the_reader(service: InProcessService, body: Body) -> None:
    incident_id = await _record(service, body)
    camden = await service.as_client("demo-camden")
    await camden.get(f"/v1/incidents/{incident_id}")

    async with service.session_factory() as session:
        reads = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.action == "incident.read"))
        )
    assert [(entry.org, entry.subject_id) for entry in reads] == [("E09000007", incident_id)]
