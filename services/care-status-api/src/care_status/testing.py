"""Test support: small factories of records, made through the API, with readable defaults.

Used by this service's tests and by system tests that need a child on record.
"""

from __future__ import annotations

from typing import Any

import httpx

VALID_NHS_NUMBER = "9434765919"


async def create_child(client: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    body = {"given_name": "Alex", "family_name": "Taylor", "date_of_birth": "2010-05-14"}
    body.update(overrides)
    response = await client.post("/v1/children", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def add_legal_status(
    client: httpx.AsyncClient, child_id: str, **overrides: Any
) -> dict[str, Any]:
    body = {"basis": "care_order_s31", "start_date": "2024-01-01"}
    body.update(overrides)
    response = await client.post(f"/v1/children/{child_id}/legal-statuses", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def add_placement(
    client: httpx.AsyncClient, child_id: str, **overrides: Any
) -> dict[str, Any]:
    body = {
        "placement_type": "foster",
        "area_authority": "E09000007",
        "start_date": "2024-01-01",
        "emergency": False,
    }
    body.update(overrides)
    response = await client.post(f"/v1/children/{child_id}/placements", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def lookup(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    body.setdefault("purpose", "custody")
    response = await client.post("/v1/lookups", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def status_on(client: httpx.AsyncClient, person_ref: str, as_of: str) -> dict[str, Any]:
    """The lookup answer for a person_ref on a date (police client)."""
    return await lookup(client, identifiers={"person_ref": person_ref}, as_of=as_of)
