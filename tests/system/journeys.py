"""Steps the journeys share, written as the organisations' systems would call the API."""

from __future__ import annotations

import secrets
import string
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
