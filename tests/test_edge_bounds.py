"""Issue 15, findings 1 and 5: what the edge refuses, in-process on both backends.

- A NUL or other control character in a string field (body or query) is a 422 naming the
  field, on SQLite as on PostgreSQL (PostgreSQL refused it with a 500 whose log line held
  the child's name, date of birth and NHS number).
- The four 500s of finding 5 are 422s naming the field: a sequence past 64 bits, JSON
  nested 50,000 deep (the direct lookup route and a FastAPI route), a monitoring report
  from 0001-01-01 to 9999-12-31, an event starting 9999-12-31.
- The ends of the accepted ranges (docs/decisions.md D22: dates 1900-01-01..2199-12-31)
  are served, never refused downstream.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from inprocess_services import CAMDEN_CHILD, Services

from notify.testing import cloud_event, placement_data

NHS_NUMBER = "9434765919"
DATE_OF_BIRTH = "2011-05-04"
DEEP = 50_000


def _child(**fields: Any) -> dict[str, Any]:
    return {
        "given_name": "Amelia",
        "family_name": f"Edge{uuid.uuid4().hex[:8]}",
        "date_of_birth": DATE_OF_BIRTH,
        **fields,
    }


def _fields(response: httpx.Response) -> list[str]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return [error["field"] for error in response.json()["errors"]]


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


# --- finding 1: control characters ------------------------------------------------------


async def test_a_nul_in_a_name_is_refused_naming_the_field_and_nothing_personal_is_logged(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    care = await services.get("care-status-api")
    camden = await care.as_client("demo-camden")
    body = _child(given_name="Nul\u0000Amelia", nhs_number=NHS_NUMBER)
    with caplog.at_level(logging.DEBUG):
        response = await camden.post("/v1/children", json=body)
    assert _fields(response) == ["body.given_name"]
    logged = "\n".join(
        [r.getMessage() for r in caplog.records] + [caplog.text, str(caplog.records)]
    )
    for value in ("Amelia", body["family_name"], NHS_NUMBER, DATE_OF_BIRTH):
        assert value not in logged
    listed = (await camden.get("/v1/children", params={"limit": 200})).json()["items"]
    assert all(child["family_name"] != body["family_name"] for child in listed)


@pytest.mark.parametrize("character", ["\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\ud800"])
async def test_control_characters_and_lone_surrogates_are_refused_in_every_kind_of_field(
    services: Services, character: str
) -> None:
    care = await services.get("care-status-api")
    camden = await care.as_client("demo-camden")
    created = await camden.post("/v1/children", json=_child())
    assert created.status_code == 201, created.text
    child = created.json()
    path = f"/v1/children/{child['id']}"
    raw = json.dumps({"local_reference": f"LR{character}1"})  # ASCII escapes, \ud800 too
    patched = await camden.patch(
        path,
        content=raw,
        headers={"If-Match": f'"{child["version"]}"', "Content-Type": "application/json"},
    )
    assert _fields(patched) == ["body.local_reference"]
    adviser = await camden.put(
        f"{path}/personal-adviser",
        content=json.dumps({"name": f"Sam{character}"}),
        headers={"Content-Type": "application/json"},
    )
    assert _fields(adviser) == ["body.name"]
    police = await (await care.as_client("demo-met-custody")).post(
        "/v1/lookups",
        content=json.dumps(
            {
                "given_name": "Amelia",
                "family_name": "Nobody",
                "date_of_birth": DATE_OF_BIRTH,
                "purpose": "custody",
                "requester_reference": "CR-1",
                "identifiers": {"nhs_number": f"943{character}4765919"},
            }
        ),
        headers={"Content-Type": "application/json"},
    )
    assert _fields(police) == ["body.identifiers.nhs_number"]
    incidents = await services.get("incident-api")
    recorder = await incidents.as_client("demo-camden")
    if character != "\ud800":  # a lone surrogate has no UTF-8 to percent-encode
        listed = await recorder.get("/v1/incidents", params={"person_ref": f"p_{character}"})
        assert _fields(listed) == ["query.person_ref"]
    again = (await camden.get(path)).json()
    assert again["version"] == child["version"]


async def test_tab_and_line_breaks_are_kept_in_free_text(services: Services) -> None:
    incidents = await services.get("incident-api")
    recorder = await incidents.as_client("demo-camden")
    text = "First line\r\nSecond\tline\n"
    response = await recorder.post(
        "/v1/incidents",
        json={
            "person_ref": CAMDEN_CHILD,
            "occurred_at": "2026-06-10T14:00:00+01:00",
            "kind": "behaviour",
            "setting": "placement",
            "description": text,
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["description"] == text


# --- finding 5: the four 500s -------------------------------------------------------------


async def test_a_sequence_past_64_bits_is_refused_naming_the_parameter(
    services: Services,
) -> None:
    notify = await services.get("notify-api")
    derbyshire = await notify.as_client("demo-derbyshire")
    too_big = await derbyshire.get(
        "/v1/notifications", params={"after_sequence": "32589158477190044731"}
    )
    assert _fields(too_big) == ["query.after_sequence"]
    past_32_bits = await derbyshire.get("/v1/notifications", params={"after_sequence": str(2**31)})
    assert _fields(past_32_bits) == ["query.after_sequence"]
    largest = await derbyshire.get("/v1/notifications", params={"after_sequence": str(2**31 - 1)})
    assert largest.status_code == 200, largest.text
    assert largest.json()["items"] == []


async def test_json_nested_50000_deep_is_refused_by_the_direct_lookup_route(
    services: Services,
) -> None:
    care = await services.get("care-status-api")
    police = await care.as_client("demo-met-custody")
    nested = '{"given_name": "Amelia", "identifiers": ' + _deep(DEEP) + "}"
    for body in (_deep(DEEP), nested):
        response = await police.post(
            "/v1/lookups", content=body, headers={"Content-Type": "application/json"}
        )
        assert _fields(response) == ["body"]
    # The service still answers afterwards.
    after = await police.post(
        "/v1/lookups",
        json={
            "given_name": "Amelia",
            "family_name": "Nobody",
            "date_of_birth": DATE_OF_BIRTH,
            "purpose": "custody",
            "requester_reference": "CR-1",
        },
    )
    assert after.status_code == 200, after.text


async def test_json_nested_50000_deep_is_refused_by_every_other_route(
    services: Services,
) -> None:
    care = await services.get("care-status-api")
    camden = await care.as_client("demo-camden")
    notify = await services.get("notify-api")
    platform = await notify.as_client("platform-services")
    for client, path in ((camden, "/v1/children"), (platform, "/v1/events")):
        response = await client.post(
            path, content=_deep(DEEP), headers={"Content-Type": "application/json"}
        )
        assert _fields(response) == ["body"]


async def test_a_monitoring_report_over_far_dates_is_refused_and_the_widest_accepted_one_served(
    services: Services,
) -> None:
    incidents = await services.get("incident-api")
    camden = await incidents.as_client("demo-camden")
    far = await camden.get(
        "/v1/reports/monitoring", params={"from": "0001-01-01", "to": "9999-12-31"}
    )
    assert sorted(_fields(far)) == ["query.from", "query.to"]
    widest = await camden.get(
        "/v1/reports/monitoring", params={"from": "1900-01-01", "to": "2199-12-31"}
    )
    assert widest.status_code == 200, widest.text


async def test_an_event_starting_9999_12_31_is_refused_and_one_on_the_last_accepted_day_notified(
    services: Services,
) -> None:
    """rules.md Revision 2, placement-out-of-area (London protocol 2025, notification of an
    out-of-area placement): the last accepted start date, 2199-12-31 (a Tuesday), still makes
    its notification and deadline."""
    notify = await services.get("notify-api")
    platform = await notify.as_client("platform-services")

    def event(start: date, person_ref: str) -> dict[str, Any]:
        body = cloud_event(
            "placement.started",
            placement_data(date(2026, 12, 22), emergency=True, person_ref=person_ref),
            time=datetime(2026, 12, 22, 10, 0, tzinfo=UTC),
            source="care-status-api",
        )
        body["data"]["start_date"] = start.isoformat()
        return body

    far = await platform.post(
        "/v1/events", json=event(date(9999, 12, 31), "p_EdgeFarFuture00000000")
    )
    assert _fields(far) == ["data.start_date"]  # notify-api names event fields so
    last = await platform.post(
        "/v1/events", json=event(date(2199, 12, 31), "p_EdgeLastDay000000000")
    )
    assert last.status_code == 201, last.text
    derbyshire = await notify.as_client("demo-derbyshire")
    inbox = await derbyshire.get("/v1/notifications", params={"rule": "placement-out-of-area"})
    assert inbox.status_code == 200, inbox.text
    [made] = [
        n for n in inbox.json()["items"] if n["subject"]["person_ref"] == "p_EdgeLastDay000000000"
    ]
    assert made["due_at"] is None or made["due_at"] >= "2199-12-31"


async def test_a_placement_starting_9999_12_31_is_refused_naming_the_field(
    services: Services,
) -> None:
    care = await services.get("care-status-api")
    camden = await care.as_client("demo-camden")
    child = await camden.post("/v1/children", json=_child())
    assert child.status_code == 201, child.text
    placements = f"/v1/children/{child.json()['id']}/placements"
    body = {"placement_type": "foster", "area_authority": "E09000007"}
    far = await camden.post(placements, json={**body, "start_date": "9999-12-31"})
    assert _fields(far) == ["body.start_date"]
    old = await camden.post(placements, json={**body, "start_date": "1899-12-31"})
    assert _fields(old) == ["body.start_date"]


# --- every bound is declared ---------------------------------------------------------------


def _documents() -> dict[str, dict[str, Any]]:
    """Each service's OpenAPI document (the apps are built, not started)."""
    from care_status.main import create_app as care_status_app
    from care_status.settings import Settings as CareStatusSettings
    from incidents.main import create_app as incidents_app
    from incidents.settings import Settings as IncidentSettings
    from notify.main import create_app as notify_app
    from notify.settings import Settings as NotifySettings

    url = "sqlite+aiosqlite:///:memory:"
    apps = {
        "care-status-api": care_status_app(CareStatusSettings(_env_file=None, database_url=url)),
        "incident-api": incidents_app(IncidentSettings(_env_file=None, database_url=url)),
        "notify-api": notify_app(NotifySettings(_env_file=None, database_url=url)),
    }
    return {service: app.openapi() for service, app in apps.items()}


def _unbounded(
    document: dict[str, Any], schema: dict[str, Any], where: str, seen: frozenset[str]
) -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return []
        target = document["components"]["schemas"][name]
        return _unbounded(document, target, where, seen | {name})
    found = []
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            found += _unbounded(document, option, where, seen)
    for name, field in schema.get("properties", {}).items():
        found += _unbounded(document, field, f"{where}.{name}", seen)
    if schema.get("type") == "array":
        found += _unbounded(document, schema.get("items", {}), f"{where}[]", seen)
    kind, form = schema.get("type"), schema.get("format")
    if form in ("date", "date-time") and "formatMaximum" not in schema:
        found.append(f"{where}: a {form} without formatMinimum/formatMaximum")
    if kind == "integer" and "maximum" not in schema and "enum" not in schema:
        found.append(f"{where}: an integer without a maximum")
    return found


def test_every_date_instant_and_integer_a_request_may_hold_is_bounded() -> None:
    """docs/decisions.md D22: nothing is accepted that a database or a rule then refuses."""
    found = []
    for service, document in _documents().items():
        for template, item in document["paths"].items():
            for method, operation in item.items():
                where = f"{service} {method.upper()} {template}"
                for parameter in operation.get("parameters", []):
                    name = f"{where} {parameter['in']}.{parameter['name']}"
                    found += _unbounded(document, parameter["schema"], name, frozenset())
                body = operation.get("requestBody", {}).get("content", {})
                if "application/json" in body:
                    schema = body["application/json"]["schema"]
                    found += _unbounded(document, schema, f"{where} body", frozenset())
    assert not found, "\n".join(found)
