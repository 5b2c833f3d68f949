"""Adversaries at every write endpoint of the three services (in-process, both backends).

- Every write operation in each service's OpenAPI document (POST, PUT, PATCH, DELETE)
  refuses a request without a token or with a token that is not valid (401, with a
  `WWW-Authenticate` challenge) and a token lacking its scope (403).
- Another organisation's records are not found (404), never changed, for every write
  operation that addresses a record: children and their sub-resources, incidents and
  their CPS checklist, notifications (acknowledge) and endpoints.
- SQL-looking and oversized strings in every free-text field of the create bodies are
  stored and answered verbatim or refused with 422, never a 500, and the tables work
  afterwards.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from inprocess_services import CAMDEN_CHILD, DERBYSHIRE_CHILD, SERVICE_NAMES, Services
from sqlalchemy import select

from notify.delivery.models import Delivery
from notify.testing import cloud_event, placement_data
from platform_shared.outbox import OutboxEvent
from platform_shared.testing import InProcessService

CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"
WRITE_METHODS = ("post", "put", "patch", "delete")
#: Valid values of path parameters that are not ids (ids get a random UUID).
PATH_VALUES = {"purpose": "notify_personal_adviser", "section": "1"}
SQL_STRINGS = ("'; DROP TABLE children; --", '" OR 1=1 --')
#: The length sent for a free-text field the schema leaves unbounded.
UNBOUNDED_PROBE = 100_000
REPO = Path(__file__).resolve().parents[1]
#: Demo clients to find one lacking an operation's scope among.
OTHER_CLIENTS = ("demo-met-custody", "demo-camden", "demo-yot-camden", "platform-services")


#: Reads that take a body, so are POSTs: they write nothing (their own tests show it).
#: notify-api's dry run is `rules:read` (issue 18).
READS_BY_POST = frozenset({("POST", "/v1/rules/evaluate")})


def _write_operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in WRITE_METHODS:
                yield method.upper(), path, operation


def _fill(path: str) -> str:
    for name, value in PATH_VALUES.items():
        path = path.replace(f"{{{name}}}", value)
    while "{" in path:
        start, end = path.index("{"), path.index("}")
        path = path[:start] + str(uuid.uuid4()) + path[end + 1 :]
    return path


def _client_scopes() -> dict[str, set[str]]:
    clients = yaml.safe_load((REPO / "deploy" / "dev-auth-clients.yaml").read_text())["clients"]
    return {client["client_id"]: set(client.get("scopes") or ()) for client in clients}


def _scopes(operation: dict[str, Any]) -> set[str]:
    return {scope for entry in operation.get("security", []) for s in entry.values() for scope in s}


# --- 401 and 403 on every write operation ----------------------------------------------


@pytest.mark.parametrize("name", SERVICE_NAMES)
async def test_every_write_operation_refuses_a_request_without_a_valid_token(
    services: Services, name: str
) -> None:
    service = await services.get(name)
    wrong: list[str] = []
    operations = list(_write_operations(service.app.openapi()))
    assert operations
    async with httpx.AsyncClient(transport=service.transport(), base_url=service.base_url) as http:
        for method, path, _ in operations:
            for headers in ({}, {"Authorization": "Bearer not-a-token"}):
                response = await http.request(method, _fill(path), json={}, headers=headers)
                challenged = response.headers.get("www-authenticate", "").startswith("Bearer")
                if response.status_code != 401 or not challenged:
                    wrong.append(f"{method} {path} {headers}: {response.status_code}")

    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", SERVICE_NAMES)
async def test_every_write_operation_refuses_a_token_without_its_scope(
    services: Services, name: str
) -> None:
    service = await services.get(name)
    scopes = _client_scopes()
    # A valid token narrowed to the one scope no write needs, and the token of a demo
    # client that lacks the operation's scope altogether.
    narrowed = await service.as_client("demo-camden", "rules:read")
    wrong: list[str] = []
    for method, path, operation in _write_operations(service.app.openapi()):
        if (method, path) in READS_BY_POST:
            continue
        required = _scopes(operation)
        assert required, f"{method} {path} requires no scope"
        assert "rules:read" not in required
        other = next(c for c in OTHER_CLIENTS if not required <= scopes[c])
        for caller in (narrowed, await service.as_client(other)):
            response = await caller.request(method, _fill(path), json={})
            if response.status_code != 403:
                wrong.append(f"{method} {path}: {response.status_code} {response.text[:200]}")

    assert not wrong, "\n".join(wrong)


# --- another organisation's records ----------------------------------------------------


@dataclass
class Attempt:
    """A write by an organisation to a record that is not its own."""

    method: str
    template: str
    path: str
    body: dict[str, Any] | None = None
    headers: dict[str, str] | None = None


async def _created(client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(path, json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def _an_event_of(service: InProcessService) -> str:
    """The id of the latest outbox event of a service (Camden's, in these tests)."""
    async with service.session_factory() as session:
        latest = await session.scalar(
            select(OutboxEvent.id).order_by(OutboxEvent.created_at.desc()).limit(1)
        )
    assert latest is not None
    return str(latest)


def _retry_of_an_event(event_id: str) -> Attempt:
    """Another organisation asking to send Camden's event again (a dead letter's retry)."""
    return Attempt(
        "POST", "/v1/dead-letters/{event_id}/retry", f"/v1/dead-letters/{event_id}/retry", None
    )


def _covered(service: InProcessService, attempts: list[Attempt]) -> set[str]:
    """Write operations addressing a record (a path parameter) that no attempt exercises."""
    addressed = {
        f"{method} {path}"
        for method, path, _ in _write_operations(service.app.openapi())
        if "{" in path
    }
    return addressed - {f"{a.method} {a.template}" for a in attempts}


async def _not_found_for_all(client: httpx.AsyncClient, attempts: list[Attempt]) -> list[str]:
    wrong = []
    for attempt in attempts:
        response = await client.request(
            attempt.method, attempt.path, json=attempt.body, headers=attempt.headers
        )
        if response.status_code != 404:
            wrong.append(f"{attempt.method} {attempt.path}: {response.status_code} {response.text}")
    return wrong


def _child_body(**fields: Any) -> dict[str, Any]:
    return {
        "given_name": "Amelia",
        "family_name": f"Security{uuid.uuid4().hex[:8]}",
        "date_of_birth": "2011-05-04",
        **fields,
    }


async def test_another_authoritys_child_and_its_records_are_not_found_and_unchanged(
    services: Services,
) -> None:
    care = await services.get("care-status-api")
    camden = await care.as_client("demo-camden")
    derbyshire = await care.as_client("demo-derbyshire")
    child = await _created(camden, "/v1/children", _child_body())
    base = f"/v1/children/{child['id']}"
    status = await _created(
        camden, f"{base}/legal-statuses", {"basis": "care_order_s31", "start_date": "2025-01-10"}
    )
    placement = await _created(
        camden,
        f"{base}/placements",
        {"placement_type": "foster", "area_authority": CAMDEN, "start_date": "2025-01-10"},
    )
    before = (await camden.get(base)).json()
    own = await _created(derbyshire, "/v1/children", _child_body())
    own_base = f"/v1/children/{own['id']}"
    if_match = {"If-Match": f'"{before["version"]}"'}
    status_match = {"If-Match": f'"{status["version"]}"'}
    placement_match = {"If-Match": f'"{placement["version"]}"'}
    ended = {"end_date": "2026-01-10"}
    attempts = [
        Attempt("PATCH", "/v1/children/{child_id}", base, {"local_reference": "x"}, if_match),
        Attempt(
            "POST",
            "/v1/children/{child_id}/legal-statuses",
            f"{base}/legal-statuses",
            {"basis": "section_20", "start_date": "2026-02-01"},
        ),
        Attempt(
            "PATCH",
            "/v1/children/{child_id}/legal-statuses/{legal_status_id}",
            f"{base}/legal-statuses/{status['id']}",
            ended,
            status_match,
        ),
        Attempt(
            "POST",
            "/v1/children/{child_id}/placements",
            f"{base}/placements",
            {"placement_type": "foster", "area_authority": DERBYSHIRE, "start_date": "2026-02-01"},
        ),
        Attempt(
            "PATCH",
            "/v1/children/{child_id}/placements/{placement_id}",
            f"{base}/placements/{placement['id']}",
            ended,
            placement_match,
        ),
        Attempt(
            "PUT",
            "/v1/children/{child_id}/leaving-care",
            f"{base}/leaving-care",
            {"left_care_on": "2026-01-10"},
        ),
        Attempt(
            "PUT",
            "/v1/children/{child_id}/personal-adviser",
            f"{base}/personal-adviser",
            {"name": "Sam Adviser"},
        ),
        Attempt(
            "PUT",
            "/v1/children/{child_id}/consents/{purpose}",
            f"{base}/consents/notify_personal_adviser",
            {"given": True, "recorded_on": "2026-01-10", "recorded_by": "Sam Adviser"},
        ),
        # Camden's sub-records addressed under Derbyshire's own child.
        Attempt(
            "PATCH",
            "/v1/children/{child_id}/legal-statuses/{legal_status_id}",
            f"{own_base}/legal-statuses/{status['id']}",
            ended,
            status_match,
        ),
        Attempt(
            "PATCH",
            "/v1/children/{child_id}/placements/{placement_id}",
            f"{own_base}/placements/{placement['id']}",
            ended,
            placement_match,
        ),
    ]

    attempts.append(_retry_of_an_event(await _an_event_of(care)))

    assert not _covered(care, attempts)
    assert not await _not_found_for_all(derbyshire, attempts)
    assert (await derbyshire.get(base)).status_code == 404
    after = (await camden.get(base)).json()
    assert after["version"] == before["version"]
    assert after["legal_statuses"] == before["legal_statuses"]
    assert after["placements"] == before["placements"]
    assert after["leaving_care"] is None
    assert after["personal_adviser"] is None
    assert after["consents"] == []


def _incident_body(**fields: Any) -> dict[str, Any]:
    return {
        "person_ref": CAMDEN_CHILD,
        "occurred_at": "2026-06-10T14:00:00+01:00",
        "kind": "behaviour",
        "setting": "placement",
        **fields,
    }


async def test_another_organisations_incident_is_not_found_and_unchanged(
    services: Services,
) -> None:
    incidents = await services.get("incident-api")
    camden = await incidents.as_client("demo-camden")
    police = await incidents.as_client("demo-derbyshire-police")
    incident = await _created(camden, "/v1/incidents", _incident_body())
    base = f"/v1/incidents/{incident['id']}"
    if_match = {"If-Match": f'"{incident["version"]}"'}
    section = {"content": "The home's account"}
    attempts = [
        Attempt("PATCH", "/v1/incidents/{incident_id}", base, {"police_reference": "X1"}, if_match),
        Attempt(
            "PUT",
            "/v1/incidents/{incident_id}/cps-checklist/{section}",
            f"{base}/cps-checklist/1",
            section,
        ),
        Attempt(
            "PUT",
            "/v1/incidents/{incident_id}/cps-checklist/{section}",
            f"{base}/cps-checklist/9",
            section,
        ),
    ]

    attempts.append(_retry_of_an_event(await _an_event_of(incidents)))

    assert not _covered(incidents, attempts)
    assert not await _not_found_for_all(police, attempts)
    assert (await police.get(base)).status_code == 404
    assert (await police.get(f"{base}/cps-checklist")).status_code == 404
    after = (await camden.get(base)).json()
    assert after["version"] == incident["version"]
    assert after.get("police_reference") is None
    checklist = (await camden.get(f"{base}/cps-checklist")).json()
    assert all(s["content"] is None for s in checklist["sections"])


async def _placement_notification(notify: InProcessService, person_ref: str) -> dict[str, Any]:
    platform = await notify.as_client("platform-services")
    derbyshire = await notify.as_client("demo-derbyshire")
    event = cloud_event(
        "placement.started",
        placement_data(date(2026, 12, 22), emergency=True, person_ref=person_ref),
        time=datetime(2026, 12, 22, 10, 0, tzinfo=UTC),
        source="care-status-api",
    )
    posted = await platform.post("/v1/events", json=event)
    assert posted.status_code == 201, posted.text
    inbox = await derbyshire.get("/v1/notifications", params={"rule": "placement-out-of-area"})
    assert inbox.status_code == 200, inbox.text
    [notification] = [n for n in inbox.json()["items"] if n["subject"]["person_ref"] == person_ref]
    return notification


async def test_another_organisations_notification_and_endpoint_are_not_found_and_unchanged(
    services: Services,
) -> None:
    notify = await services.get("notify-api")
    derbyshire = await notify.as_client("demo-derbyshire")
    outsider = await notify.as_client("demo-yot-derbyshire")
    notification = await _placement_notification(notify, "p_SecurityNotification00")
    endpoint = await _created(
        derbyshire,
        "/v1/endpoints",
        {
            "channel": "webhook",
            "url": "http://127.0.0.1:9/hooks",
            "rules": ["placement-out-of-area"],
            # Backfilled: the notification made just before gets a delivery to it.
            "since": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
        },
    )
    async with notify.session_factory() as session:
        delivery_id = await session.scalar(
            select(Delivery.id).where(Delivery.endpoint_id == uuid.UUID(endpoint["id"]))
        )
    assert delivery_id is not None
    since = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    attempts = [
        Attempt(
            "POST",
            "/v1/notifications/{notification_id}/acknowledge",
            f"/v1/notifications/{notification['id']}/acknowledge",
        ),
        Attempt("DELETE", "/v1/endpoints/{endpoint_id}", f"/v1/endpoints/{endpoint['id']}"),
        Attempt(
            "POST",
            "/v1/endpoints/{endpoint_id}/secret",
            f"/v1/endpoints/{endpoint['id']}/secret",
        ),
        Attempt(
            "PATCH",
            "/v1/endpoints/{endpoint_id}",
            f"/v1/endpoints/{endpoint['id']}",
            {"name": "taken over"},
        ),
        Attempt(
            "POST",
            "/v1/endpoints/{endpoint_id}/recover",
            f"/v1/endpoints/{endpoint['id']}/recover",
            {"since": since},
        ),
        Attempt("POST", "/v1/endpoints/{endpoint_id}/test", f"/v1/endpoints/{endpoint['id']}/test"),
        Attempt(
            "POST",
            "/v1/deliveries/{delivery_id}/retry",
            f"/v1/deliveries/{delivery_id}/retry",
        ),
    ]

    assert not _covered(notify, attempts)
    assert not await _not_found_for_all(outsider, attempts)
    # Sandbox credentials of the same organisation (docs/sandbox.md): live objects are
    # another organisation's (its sandbox twin's), so not found and unchanged too.
    sandbox = await notify.as_client("sandbox-derbyshire")
    assert not await _not_found_for_all(sandbox, attempts)
    again = (await derbyshire.get(f"/v1/notifications/{notification['id']}")).json()
    assert again["acknowledged_at"] is None
    listed = (await derbyshire.get("/v1/endpoints")).json()["items"]
    assert [e["id"] for e in listed] == [endpoint["id"]]


# --- hostile strings in free-text fields -----------------------------------------------


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document["components"]["schemas"][name]
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if len(options) == 1:
        return _resolve(document, options[0])
    return schema


def _free_text_fields(
    document: dict[str, Any], schema: dict[str, Any], path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every string field that takes any text (no enumeration, format or pattern)."""
    schema = _resolve(document, schema)
    kind = schema.get("type")
    if kind == "object":
        for name, field in schema.get("properties", {}).items():
            yield from _free_text_fields(document, field, (*path, name))
    elif kind == "array":
        yield from _free_text_fields(document, schema.get("items", {}), (*path, 0))
    elif kind == "string" and not {"enum", "const", "format", "pattern"} & set(schema):
        yield path, schema


def _set(body: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    target: Any = body
    for step in path[:-1]:
        target = target[step] if isinstance(step, int) else target.setdefault(step, {})
    if isinstance(path[-1], int):
        target[:] = [value]
    else:
        target[path[-1]] = value


def _get(body: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        if isinstance(step, int):
            if not isinstance(body, list) or not body:
                return None
            body = body[0]
        elif isinstance(body, dict) and step in body:
            body = body[step]
        else:
            return None
    return body


@dataclass
class CreateBody:
    """A create operation, who calls it and a valid body (fresh on every call)."""

    service: str
    client_id: str
    method: str
    template: str
    body: Callable[[], dict[str, Any]]


CREATE_BODIES = [
    CreateBody("care-status-api", "demo-camden", "POST", "/v1/children", _child_body),
    CreateBody(
        "care-status-api",
        "demo-camden",
        "POST",
        "/v1/children/{child_id}/legal-statuses",
        lambda: {"basis": "care_order_s31", "start_date": "2025-01-10"},
    ),
    CreateBody(
        "care-status-api",
        "demo-camden",
        "POST",
        "/v1/children/{child_id}/placements",
        lambda: {"placement_type": "foster", "area_authority": CAMDEN, "start_date": "2025-02-01"},
    ),
    CreateBody(
        "care-status-api",
        "demo-camden",
        "PUT",
        "/v1/children/{child_id}/personal-adviser",
        lambda: {"name": "Sam Adviser"},
    ),
    CreateBody(
        "care-status-api",
        "demo-camden",
        "PUT",
        "/v1/children/{child_id}/consents/{purpose}",
        lambda: {"given": True, "recorded_on": "2026-01-10", "recorded_by": "Sam Adviser"},
    ),
    CreateBody(
        "care-status-api",
        "demo-met-custody",
        "POST",
        "/v1/lookups",
        lambda: {
            "given_name": "Amelia",
            "family_name": "Nobody",
            "date_of_birth": "2011-05-04",
            "purpose": "custody",
            "requester_reference": "CR-1",
        },
    ),
    CreateBody(
        "incident-api",
        "demo-camden",
        "POST",
        "/v1/incidents",
        lambda: _incident_body(
            reasonable_parent_test={"answer": False, "reason": "Dealt with at home"}
        ),
    ),
    CreateBody(
        "incident-api",
        "demo-derbyshire",
        "PUT",
        "/v1/incidents/{incident_id}/cps-checklist/{section}",
        lambda: {"content": "The home's account"},
    ),
    CreateBody(
        "notify-api",
        "platform-services",
        "POST",
        "/v1/events",
        lambda: cloud_event(
            "placement.started",
            placement_data(
                date(2026, 12, 22), emergency=True, person_ref="p_SecurityStrings000000"
            ),
            time=datetime(2026, 12, 22, 10, 0, tzinfo=UTC),
            source="care-status-api",
        ),
    ),
    CreateBody(
        "notify-api",
        "demo-derbyshire",
        "POST",
        "/v1/endpoints",
        lambda: {"channel": "email", "address": "duty@derbyshire.example", "rules": []},
    ),
]


async def _parents(services: Services) -> dict[str, str]:
    """Records the create operations are addressed under (a child, an incident)."""
    care = await services.get("care-status-api")
    camden = await care.as_client("demo-camden")
    child = await _created(camden, "/v1/children", _child_body())
    incidents = await services.get("incident-api")
    # A Derbyshire child: the CPS checklist is a duty where Derbyshire's protocol is adopted.
    recorder = await incidents.as_client("demo-derbyshire")
    incident = await _created(
        recorder, "/v1/incidents", _incident_body(person_ref=DERBYSHIRE_CHILD)
    )
    return {
        "child_id": child["id"],
        "incident_id": incident["id"],
        "purpose": "notify_personal_adviser",
        "section": "1",
    }


def _request_schema(document: dict[str, Any], method: str, template: str) -> dict[str, Any]:
    operation = document["paths"][template][method.lower()]
    schema: dict[str, Any] = operation["requestBody"]["content"]["application/json"]["schema"]
    return schema


def _probe_strings(schema: dict[str, Any]) -> list[tuple[str, str]]:
    limit = schema.get("maxLength")
    oversized = "A" * (limit + 1 if limit is not None else UNBOUNDED_PROBE)
    return [*((s, "sql") for s in SQL_STRINGS), (oversized, "oversized")]


async def test_hostile_strings_in_free_text_are_kept_verbatim_or_refused_never_run(
    services: Services,
) -> None:
    ids = await _parents(services)
    wrong: list[str] = []
    probed = 0
    for create in CREATE_BODIES:
        service = await services.get(create.service)
        document = service.app.openapi()
        client = await service.as_client(create.client_id)
        path = create.template.format(**ids)
        schema = _request_schema(document, create.method, create.template)
        if "oneOf" in schema:  # the endpoint kinds: probe the one the base body is
            schema = next(s for s in schema["oneOf"] if "Email" in s["$ref"])
        fields = list(_free_text_fields(document, schema))
        for field, field_schema in fields:
            if "maxLength" not in field_schema:
                wrong.append(f"{create.method} {create.template} {field}: no maxLength")
            for value, kind in _probe_strings(field_schema):
                probed += 1
                body = copy.deepcopy(create.body())
                _set(body, field, value)
                response = await client.request(create.method, path, json=body)
                where = f"{create.method} {create.template} {'.'.join(map(str, field))} ({kind})"
                if response.status_code >= 500:
                    wrong.append(f"{where}: {response.status_code} {response.text[:200]}")
                elif kind == "oversized" and response.status_code != 422:
                    wrong.append(f"{where}: {response.status_code}, expected 422")
                elif response.status_code not in (200, 201, 422):
                    wrong.append(f"{where}: {response.status_code} {response.text[:200]}")
                elif response.status_code in (200, 201):
                    echoed = _get(response.json(), field)
                    if echoed is not None and echoed != value:
                        wrong.append(f"{where}: answered {echoed!r}, not verbatim")

    assert probed > 20
    assert not wrong, "\n".join(wrong)
    await _tables_still_work(services)


async def _tables_still_work(services: Services) -> None:
    care = await services.get("care-status-api")
    camden = await care.as_client("demo-camden")
    await _created(camden, "/v1/children", _child_body())
    listed = await camden.get("/v1/children", params={"limit": 200})
    assert listed.status_code == 200, listed.text
    assert any(c["family_name"] == SQL_STRINGS[0] for c in listed.json()["items"])
    incidents = await services.get("incident-api")
    recorder = await incidents.as_client("demo-camden")
    await _created(recorder, "/v1/incidents", _incident_body())
    assert (await recorder.get("/v1/incidents")).status_code == 200
    notify = await services.get("notify-api")
    await _placement_notification(notify, "p_SecurityAfterwards0000")


async def test_sandbox_tokens_are_refused_where_no_sandbox_records_are_kept(
    services: Services,
) -> None:
    """care-status-api and incident-api keep no sandbox records apart yet: a sandbox
    token (the `sandbox` claim) is refused there, reading or writing, and nothing changes."""
    care = await services.get("care-status-api")
    camden = await care.as_client("demo-camden")
    child = await _created(camden, "/v1/children", _child_body())
    base = f"/v1/children/{child['id']}"
    before = (await camden.get(base)).json()
    sandbox_camden = await care.as_client("sandbox-camden")
    sandbox_met = await care.as_client("sandbox-met")
    incidents = await (await services.get("incident-api")).as_client("sandbox-camden")

    answers = [
        await sandbox_camden.get(base),
        await sandbox_camden.patch(
            base, json={"local_reference": "x"}, headers={"If-Match": f'"{before["version"]}"'}
        ),
        await sandbox_camden.post("/v1/children", json=_child_body()),
        await sandbox_met.post("/v1/lookups", json={"purpose": "custody", "person_ref": "p_x"}),
        await incidents.get("/v1/incidents"),
    ]

    assert [answer.status_code for answer in answers] == [403] * len(answers)
    assert all(
        "Sandbox" in answer.json()["title"] + answer.json().get("detail", "") for answer in answers
    )
    assert (await camden.get(base)).json() == before
