"""Steps the journeys share, written as the organisations' systems would call the API."""

from __future__ import annotations

import secrets
import string
import uuid
from typing import Any

import httpx
from platform_harness import eventually

CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"


def unique_family_name(stem: str) -> str:
    """A family name no other test uses (letters only, as names are)."""
    return stem + "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))


async def create_child(camden: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    body = {
        "given_name": "Amelia",
        "family_name": unique_family_name("Journey"),
        "date_of_birth": "2011-03-15",
        **fields,
    }
    response = await camden.post("/v1/children", json=body)
    assert response.status_code == 201, response.text
    child: dict[str, Any] = response.json()
    return child


async def add_legal_status(
    camden: httpx.AsyncClient, child_id: str, basis: str, start_date: str, **fields: Any
) -> dict[str, Any]:
    response = await camden.post(
        f"/v1/children/{child_id}/legal-statuses",
        json={"basis": basis, "start_date": start_date, **fields},
    )
    assert response.status_code == 201, response.text
    status: dict[str, Any] = response.json()
    return status


async def add_placement(
    camden: httpx.AsyncClient, child_id: str, area: str, start_date: str, **fields: Any
) -> dict[str, Any]:
    body = {
        "placement_type": "childrens_home",
        "area_authority": area,
        "start_date": start_date,
        "emergency": False,
        **fields,
    }
    response = await camden.post(f"/v1/children/{child_id}/placements", json=body)
    assert response.status_code == 201, response.text
    placement: dict[str, Any] = response.json()
    return placement


async def notifications_about(
    inbox: httpx.AsyncClient, person_ref: str, rule: str | None = None, **params: str
) -> list[dict[str, Any]]:
    query = {"limit": "200", **params}
    if rule:
        query["rule"] = rule
    response = await inbox.get("/v1/notifications", params=query)
    assert response.status_code == 200, response.text
    return [n for n in response.json()["items"] if n["subject"].get("person_ref") == person_ref]


async def wait_for_notifications(
    inbox: httpx.AsyncClient, person_ref: str, rule: str, count: int = 1, timeout: float = 30
) -> list[dict[str, Any]]:
    async def probe() -> list[dict[str, Any]] | None:
        found = await notifications_about(inbox, person_ref, rule)
        return found if len(found) >= count else None

    return await eventually(probe, timeout=timeout, message=f"no {rule} notification arrived")


def placement_event(number: int) -> dict[str, Any]:
    person_ref = f"p_kill{number:017d}"
    facts = {
        "person_ref": person_ref,
        "effective_date": "2026-12-01",
        "status": "looked_after",
        "care_leaver_category": None,
        "age": 15,
        "age_band": "14_15",
        "under_18": True,
        "under_25": True,
        "responsible_authority": CAMDEN,
        "area_authority": DERBYSHIRE,
        "placed_out_of_area": True,
        "legal_basis": "care_order",
        "youth_justice_order": False,
        "notify_personal_adviser_consent": "unknown",
        "placement_type": "foster",
    }
    return {
        "specversion": "1.0",
        "id": str(uuid.uuid4()),
        "source": "care-status-api",
        "type": "placement.started",
        "subject": person_ref,
        "time": "2026-11-27T12:00:00+00:00",
        "datacontenttype": "application/json",
        "data": {
            **facts,
            "placement_id": str(uuid.uuid4()),
            "start_date": "2026-12-01",
            "emergency": True,
            "provider": None,
        },
    }


async def delivered_ids(derbyshire: httpx.AsyncClient) -> set[str]:
    ids: set[str] = set()
    cursor: str | None = None
    while True:
        params = {"status": "delivered", "rule": "placement-out-of-area", "limit": "200"}
        if cursor:
            params["cursor"] = cursor
        page = (await derbyshire.get("/v1/notifications", params=params)).json()
        ids.update(item["id"] for item in page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return ids
