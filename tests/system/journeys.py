"""Steps the journeys share, written as the organisations' systems would call the API."""

from __future__ import annotations

import secrets
import string
import uuid
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from platform_harness import eventually

from platform_shared.contracts.examples import status_facts_example

CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"
YOT_CAMDEN = "yot-E09000007"
YOT_DERBYSHIRE = "yot-E10000007"
DEMO_HOME = "provider-demo-home"
LONDON = ZoneInfo("Europe/London")


def unique_family_name(stem: str) -> str:
    """A family name no other test uses (letters only, as names are)."""
    return stem + "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))


async def create_child(camden: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    """A new Camden record of a child born on the (literal) `date_of_birth`.

    care-status-api refuses to create a record of someone 25 or over on today's date, so
    a journey set on a literal past date outlives its people. A person who is 24 or more
    today (a year short of the limit) is therefore created with a stand-in date of birth,
    20 years ago, and Camden corrects it at once, before any status is recorded: the
    service accepts a correction at any age, and every status fact is read from the
    corrected date.
    """
    body = {
        "given_name": "Amelia",
        "family_name": unique_family_name("Journey"),
        "date_of_birth": "2011-03-15",
        **fields,
    }
    born = date.fromisoformat(body["date_of_birth"])
    today = london_today()
    stand_in = born <= years_before(today, 24)
    if stand_in:
        body["date_of_birth"] = years_before(today, 20).isoformat()
    response = await camden.post("/v1/children", json=body)
    assert response.status_code == 201, response.text
    child: dict[str, Any] = response.json()
    if stand_in:
        response = await camden.patch(
            f"/v1/children/{child['id']}",
            json={"date_of_birth": born.isoformat()},
            headers={"If-Match": response.headers["ETag"]},
        )
        assert response.status_code == 200, response.text
        child = response.json()
        assert child["date_of_birth"] == born.isoformat()
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
    inbox: httpx.AsyncClient,
    person_ref: str,
    rule: str | None = None,
    *,
    kind: str | None = None,
    **params: str,
) -> list[dict[str, Any]]:
    """The inbox's notifications about `person_ref` (of `rule`, of `kind`, when given).

    An escalation of an overdue notification (a step of the escalation ladder) carries its
    rule's id (kind `escalation`): pass `kind` to tell the rule's own notifications apart.
    """
    query = {"limit": "200", **params}
    if rule:
        query["rule"] = rule
    response = await inbox.get("/v1/notifications", params=query)
    assert response.status_code == 200, response.text
    return [
        n
        for n in response.json()["items"]
        if n["subject"].get("person_ref") == person_ref and (kind is None or n["kind"] == kind)
    ]


async def wait_for_notifications(
    inbox: httpx.AsyncClient,
    person_ref: str,
    rule: str,
    count: int = 1,
    timeout: float = 30,
    *,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    async def probe() -> list[dict[str, Any]] | None:
        found = await notifications_about(inbox, person_ref, rule, kind=kind)
        return found if len(found) >= count else None

    return await eventually(probe, timeout=timeout, message=f"no {rule} notification arrived")


def placement_event(number: int) -> dict[str, Any]:
    person_ref = f"p_kill{number:017d}"
    facts = status_facts_example(
        person_ref=person_ref, effective_date="2026-12-01", placement_type="foster"
    )
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
    """The ids of the delivered `placement-out-of-area` notifications in the inbox."""
    ids: set[str] = set()
    cursor: str | None = None
    while True:
        params = {"status": "delivered", "rule": "placement-out-of-area", "limit": "200"}
        if cursor:
            params["cursor"] = cursor
        page = (await derbyshire.get("/v1/notifications", params=params)).json()
        # The rule's own notifications: a ladder step (a reminder, an escalation to
        # Derbyshire's escalation contact) carries the same rule id once the duty ages.
        ids.update(item["id"] for item in page["items"] if item["kind"] == "rule")
        cursor = page["next_cursor"]
        if not cursor:
            return ids


def london_today() -> date:
    """Today's date in Europe/London, the date the services compute status for."""
    return datetime.now(LONDON).date()


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier (a 29 February without one becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def at(instant: str) -> datetime:
    """A literal instant with offset, e.g. `at("2026-11-30T23:59:59+00:00")`."""
    parsed = datetime.fromisoformat(instant)
    assert parsed.tzinfo is not None, "write instants with their offset"
    return parsed


async def looked_after_child_placed_in(
    camden: httpx.AsyncClient,
    area: str,
    *,
    care_order_from: str,
    placed_from: str,
    placement: dict[str, Any] | None = None,
    **child_fields: Any,
) -> dict[str, Any]:
    """A Camden child under a care order (s.31), placed in `area`'s children's home."""
    child = await create_child(camden, **child_fields)
    await add_legal_status(camden, child["id"], "care_order_s31", care_order_from)
    await add_placement(camden, child["id"], area, placed_from, **(placement or {}))
    return child


async def lookup(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    """care-status-api `POST /v1/lookups` (purpose `custody` unless given)."""
    body.setdefault("purpose", "custody")
    response = await client.post("/v1/lookups", json=body)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


async def record_incident(
    client: httpx.AsyncClient,
    person_ref: str,
    kind: str,
    occurred_at: datetime,
    setting: str,
    **fields: Any,
) -> tuple[dict[str, Any], str]:
    """incident-api `POST /v1/incidents`: the record and its ETag."""
    body = {
        "person_ref": person_ref,
        "kind": kind,
        "occurred_at": occurred_at.isoformat(),
        "setting": setting,
        **fields,
    }
    response = await client.post("/v1/incidents", json=body)
    assert response.status_code == 201, response.text
    incident: dict[str, Any] = response.json()
    return incident, response.headers["ETag"]


def due(notification: dict[str, Any]) -> datetime | None:
    value = notification["due_at"]
    return datetime.fromisoformat(value) if value is not None else None


async def acknowledge(
    inbox: httpx.AsyncClient, notification: dict[str, Any], *, visited_on: str | None = None
) -> dict[str, Any]:
    """Acknowledge a notification; for a visit duty, `visited_on` is the day it was made."""
    body = {"visited_on": visited_on} if visited_on is not None else None
    response = await inbox.post(f"/v1/notifications/{notification['id']}/acknowledge", json=body)
    assert response.status_code == 200, response.text
    acknowledged: dict[str, Any] = response.json()
    return acknowledged


async def register_webhook(
    inbox: httpx.AsyncClient,
    receiver: Any,
    base_url: str,
    rules: tuple[str, ...] | None = ("placement-out-of-area",),
    name: str = "",
) -> dict[str, Any]:
    """Register `receiver` (at `base_url`) as the caller's webhook for `rules` (None: every
    rule), as its endpoint `name` (`/hooks/<name>`; "" is `/hooks`); give it the secret."""
    body: dict[str, Any] = {
        "channel": "webhook",
        "url": f"{base_url}/hooks/{name}" if name else f"{base_url}/hooks",
    }
    if rules is not None:
        body["rules"] = list(rules)
    response = await inbox.post("/v1/endpoints", json=body)
    assert response.status_code == 201, response.text
    endpoint: dict[str, Any] = response.json()
    receiver.secrets[name] = endpoint["secret"]
    return endpoint
