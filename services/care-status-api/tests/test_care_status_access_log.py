"""Who read a child's record: refused reads are audited, and the responsible authority
reads every access to its child's record (issue 15 finding 8: "Refused reads (404 to
another organisation) leave no audit row; the data owner cannot see through the API who
read its child's record")."""

from __future__ import annotations

import csv
import io
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from care_status.testing import add_legal_status, create_child, lookup
from platform_shared.audit import AuditEntry
from platform_shared.testing import InProcessService

CAMDEN = "E09000007"
ON_BEHALF = "Platform-On-Behalf-Of"
HOME = "org=provider-demo-home; client=demo-home-provider"


@pytest.fixture
async def camden(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-camden")


@pytest.fixture
async def derbyshire(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-derbyshire")


@pytest.fixture
async def police(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("demo-met-custody")


@pytest.fixture
async def platform(service: InProcessService) -> httpx.AsyncClient:
    return await service.as_client("platform-services")


async def _looked_after(camden: httpx.AsyncClient) -> dict[str, Any]:
    child = await create_child(camden)
    await add_legal_status(camden, child["id"], start_date="2025-01-01")
    return child


async def _log(client: httpx.AsyncClient, child_id: str, **params: Any) -> dict[str, Any]:
    response = await client.get(f"/v1/children/{child_id}/access-log", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _audit_rows(service: InProcessService, **where: Any) -> list[AuditEntry]:
    async with service.session_factory() as session:
        statement = select(AuditEntry).filter_by(**where).order_by(AuditEntry.at)
        return list(await session.scalars(statement))


async def test_a_read_refused_to_another_authority_is_in_the_owners_access_log(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient
) -> None:
    """Issue 15 finding 8: Derbyshire's 404 on Camden's child is audited for Camden."""
    child = await _looked_after(camden)

    refused = await derbyshire.get(f"/v1/children/{child['id']}")

    assert refused.status_code == 404
    entry = (await _log(camden, child["id"]))["items"][0]
    assert entry["action"] == "child.read"
    assert entry["outcome"] == "refused"
    assert (entry["org"], entry["client_id"]) == ("E10000007", "demo-derbyshire")


async def test_a_refused_change_is_audited_and_writes_nothing(
    service: InProcessService, camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient
) -> None:
    """Issue 15 finding 8: a POST or PATCH on another authority's child is a 404 with an
    audit row (`child.change`, refused) and nothing else written."""
    child = await _looked_after(camden)

    posted = await derbyshire.post(
        f"/v1/children/{child['id']}/legal-statuses",
        json={"basis": "section_20", "start_date": "2026-01-01"},
    )
    patched = await derbyshire.patch(
        f"/v1/children/{child['id']}", json={"uasc": True}, headers={"If-Match": '"2"'}
    )

    assert (posted.status_code, patched.status_code) == (404, 404)
    rows = await _audit_rows(service, subject_id=child["id"], outcome="refused")
    assert [(row.action, row.org, row.subject_owner) for row in rows] == [
        ("child.change", "E10000007", CAMDEN),
        ("child.change", "E10000007", CAMDEN),
    ]
    assert {row.details["operation"] for row in rows if row.details} == {
        "/v1/children/{child_id}/legal-statuses",
        "/v1/children/{child_id}",
    }
    record = (await camden.get(f"/v1/children/{child['id']}")).json()
    assert len(record["legal_statuses"]) == 1
    assert record["uasc"] is False


async def test_a_read_of_an_id_that_does_not_exist_is_audited_with_no_owner(
    service: InProcessService, derbyshire: httpx.AsyncClient
) -> None:
    """Issue 15 finding 8: probing ids leaves a trace even when nobody owns them."""
    unknown = str(uuid.uuid4())

    changed = await derbyshire.patch(
        f"/v1/children/{unknown}/placements/{uuid.uuid4()}",
        json={"end_date": "2026-01-01"},
        headers={"If-Match": '"1"'},
    )
    read = await derbyshire.get(f"/v1/children/{unknown}")

    assert (changed.status_code, read.status_code) == (404, 404)
    rows = await _audit_rows(service, subject_id=unknown)
    assert [(row.action, row.org, row.subject_owner, row.outcome) for row in rows] == [
        ("child.change", "E10000007", None, "refused"),
        ("child.read", "E10000007", None, "refused"),
    ]


async def test_the_access_log_shows_lookups_reads_and_facts_reads_most_recent_first(
    camden: httpx.AsyncClient, police: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """Issue 15 finding 8: the data owner sees who read its child's record, by whom,
    why and with what answer."""
    child = await _looked_after(camden)
    await lookup(police, identifiers={"person_ref": child["person_ref"]}, requester_reference="CR1")
    await camden.get(f"/v1/children/{child['id']}")
    await platform.get(f"/v1/status-facts/{child['person_ref']}")

    items = (await _log(camden, child["id"]))["items"]

    seen = [(e["action"], e["org"], e["purpose"], e["outcome"]) for e in items[:3]]
    assert seen == [
        ("status_facts.read", "platform", "event_enrichment", "looked_after"),
        ("child.read", CAMDEN, "responsible_authority", "full"),
        ("lookup", "police-metropolitan", "custody", "looked_after"),
    ]
    assert items[2]["requester_reference"] == "CR1"
    assert items[2]["client_id"] == "demo-met-custody"
    assert [e["at"] for e in items] == sorted((e["at"] for e in items), reverse=True)


async def test_reading_the_access_log_is_audited_but_not_listed(
    service: InProcessService, camden: httpx.AsyncClient
) -> None:
    child = await create_child(camden)

    first = await _log(camden, child["id"])
    second = await _log(camden, child["id"])

    assert [e["action"] for e in first["items"]] == ["child.create"]
    assert second["items"] == first["items"]
    rows = await _audit_rows(service, subject_id=child["id"], action="child.access_log.read")
    assert [(row.org, row.subject_owner) for row in rows] == [(CAMDEN, CAMDEN)] * 2


async def test_the_first_page_is_the_25_most_recent_accesses(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """CP-IS keeps the 25 most recent accesses visible to the responsible authority."""
    child = await _looked_after(camden)
    for number in range(26):
        await lookup(
            police,
            identifiers={"person_ref": child["person_ref"]},
            requester_reference=f"CR{number}",
        )

    first = await _log(camden, child["id"])
    rest = await _log(camden, child["id"], cursor=first["next_cursor"])

    assert [e["requester_reference"] for e in first["items"]] == [
        f"CR{number}" for number in range(25, 0, -1)
    ]
    # A legal status's own audit row names the legal status, not the child.
    assert [e["requester_reference"] for e in rest["items"]] == ["CR0", None]
    assert [e["action"] for e in rest["items"]] == ["lookup", "child.create"]
    assert rest["next_cursor"] is None


async def test_the_access_log_exports_as_csv(
    camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    child = await _looked_after(camden)
    await lookup(police, identifiers={"person_ref": child["person_ref"]}, requester_reference="CR9")

    by_query = await camden.get(f"/v1/children/{child['id']}/access-log", params={"format": "csv"})
    by_accept = await camden.get(
        f"/v1/children/{child['id']}/access-log", headers={"Accept": "text/csv"}
    )

    assert by_query.status_code == 200
    assert by_query.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(by_query.text)))
    assert (rows[0]["action"], rows[0]["org"], rows[0]["requester_reference"]) == (
        "lookup",
        "police-metropolitan",
        "CR9",
    )
    assert rows[0]["via_org"] == ""
    assert by_accept.headers["content-type"].startswith("text/csv")
    assert by_accept.text == by_query.text


async def test_another_authority_cannot_read_the_access_log(
    camden: httpx.AsyncClient, derbyshire: httpx.AsyncClient
) -> None:
    child = await create_child(camden)

    response = await derbyshire.get(f"/v1/children/{child['id']}/access-log")

    assert response.status_code == 404
    entry = (await _log(camden, child["id"]))["items"][0]
    assert (entry["org"], entry["outcome"]) == ("E10000007", "refused")


async def test_a_facts_read_on_behalf_of_a_provider_names_the_provider(
    service: InProcessService, camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """Issue 15 finding 8: the access log shows the provider that recorded the incident
    as the reader, and the platform service as the one that carried the read."""
    child = await _looked_after(camden)

    response = await platform.get(
        f"/v1/status-facts/{child['person_ref']}", headers={ON_BEHALF: HOME}
    )

    assert response.status_code == 200
    entry = (await _log(camden, child["id"]))["items"][0]
    assert (entry["action"], entry["org"], entry["client_id"]) == (
        "status_facts.read",
        "provider-demo-home",
        "demo-home-provider",
    )
    assert (entry["via_org"], entry["via_client_id"]) == ("platform", "platform-services")


async def test_a_read_on_behalf_of_a_person_decodes_their_percent_encoded_client_id(
    service: InProcessService, camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """A person signed in to the portal has the client id `portal:<username>` (D41), which
    incident-api percent-encodes in the header: the access log names the person."""
    child = await _looked_after(camden)

    response = await platform.get(
        f"/v1/status-facts/{child['person_ref']}",
        headers={ON_BEHALF: "org=provider-demo-home; client=portal%3Ahome-manager"},
    )

    assert response.status_code == 200
    entry = (await _log(camden, child["id"]))["items"][0]
    assert (entry["org"], entry["client_id"]) == ("provider-demo-home", "portal:home-manager")


@pytest.mark.parametrize(
    "value",
    [
        "provider-demo-home",
        "org=provider-demo-home",
        "org=provider-demo-home; client=",
        "org=provider-demo-home; client=a; client=b",
        "org=provider demo; client=demo-home-provider",
        "org=provider-demo-home; client=demo; role=admin",
        "org=" + "x" * 300 + "; client=demo",
    ],
)
async def test_a_malformed_on_behalf_of_header_is_a_422_and_reads_nothing(
    value: str, service: InProcessService, camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    child = await _looked_after(camden)

    response = await platform.get(
        f"/v1/status-facts/{child['person_ref']}", headers={ON_BEHALF: value}
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["header.platform-on-behalf-of"]
    assert await _audit_rows(service, subject_id=child["id"], action="status_facts.read") == []


async def test_a_cohort_read_on_behalf_of_a_caller_is_audited_with_that_caller(
    service: InProcessService, camden: httpx.AsyncClient, platform: httpx.AsyncClient
) -> None:
    """Issue 15 finding 8, the cohort endpoint: each child's row and the read's own row
    name the caller the platform read for."""
    child = await create_child(camden, date_of_birth="2012-03-03")
    await add_legal_status(camden, child["id"], start_date="2024-01-01")

    response = await platform.get(
        "/v1/status-facts/cohorts/continuously-looked-after",
        params={"authority": CAMDEN, "on": "2026-03-31"},
        headers={ON_BEHALF: "org=police-metropolitan; client=demo-met-custody"},
    )

    assert response.status_code == 200
    assert response.json()["person_refs"] == [child["person_ref"]]
    rows = await _audit_rows(service, purpose="national_measure")
    assert sorted(row.action for row in rows) == ["status_facts.cohort_read", "status_facts.read"]
    assert {(row.org, row.client_id) for row in rows} == {
        ("police-metropolitan", "demo-met-custody")
    }
    assert all(
        row.details and row.details["via"]["client_id"] == "platform-services" for row in rows
    )


async def test_the_header_is_not_read_from_a_caller_without_the_facts_scope(
    service: InProcessService, camden: httpx.AsyncClient, police: httpx.AsyncClient
) -> None:
    """Only a platform token (care-status:facts) may name another reader: a lookup that
    sends the header is audited with its own caller."""
    child = await _looked_after(camden)

    response = await police.post(
        "/v1/lookups",
        json={"identifiers": {"person_ref": child["person_ref"]}, "purpose": "custody"},
        headers={ON_BEHALF: HOME},
    )

    assert response.status_code == 200
    rows = await _audit_rows(service, subject_id=child["id"], action="lookup")
    assert [(row.org, row.client_id) for row in rows] == [
        ("police-metropolitan", "demo-met-custody")
    ]


async def test_the_access_log_and_the_header_are_documented(camden: httpx.AsyncClient) -> None:
    openapi = (await camden.get("/openapi.json")).json()
    log = openapi["paths"]["/v1/children/{child_id}/access-log"]["get"]
    facts = openapi["paths"]["/v1/status-facts/{person_ref}"]["get"]
    headers = {p["name"]: p for p in facts["parameters"] if p["in"] == "header"}

    assert set(log["responses"]["200"]["content"]) == {"application/json", "text/csv"}
    assert {p["name"] for p in log["parameters"]} >= {"cursor", "limit", "format"}
    assert "trustworthy" in headers[ON_BEHALF]["description"]
