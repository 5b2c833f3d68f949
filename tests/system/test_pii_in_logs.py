"""Issue 15: bad values at every operation of the real processes, on PostgreSQL.

Every write operation of the three services (from their OpenAPI documents) gets every kind
of bad value in each of its body fields and path parameters (a NUL or control character
around a child's name, a lone surrogate, integers past 64 bits or of 5,000 digits, NaN,
dates in year 1 and 9999, JSON nested 50,000 deep), and every read operation the same in
its query parameters. The bodies carry a child's name, date of birth and NHS number.
Every answer must be a 4xx problem (a read may also answer 200), never a 5xx; and the
logs the processes wrote must hold none of the personal values sent.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from platform_harness import Platform, running_platform

from notify.testing import cloud_event, placement_data
from platform_shared.testing import postgres_unavailable_reason

pytestmark = [pytest.mark.system]

GIVEN = "Zephyrine"
FAMILY = "Quillfeather"
DATE_OF_BIRTH = "2010-03-17"
NHS_NUMBER = "9434765919"
#: Written in the logs, any of these is personal data sent by the test.
PERSONAL = (GIVEN, FAMILY, DATE_OF_BIRTH, NHS_NUMBER, "943 476 5919", "17/03/2010")
CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

#: Values put in place of a field; a raw value is JSON text spliced into the body.
STRINGS = (f"{GIVEN}\u0000{FAMILY}", f"{FAMILY}\u001b[2J{NHS_NUMBER}", f"{GIVEN}\ud800")
RAW = ("32589158477190044731", "9" * 5000, "NaN", "1e999", "[" * 50_000 + "]" * 50_000)
FAR_DATES = ("0001-01-01", "9999-12-31")
FAR_INSTANTS = ("0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+00:00")
DEEP_BODY = "[" * 50_000 + "]" * 50_000
SPLICE = "__raw_value__"


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with running_platform("postgresql", tmp_path_factory.mktemp("pii-postgresql")) as running:
        yield running


def _child() -> dict[str, Any]:
    return {
        "given_name": GIVEN,
        "family_name": FAMILY,
        "date_of_birth": DATE_OF_BIRTH,
        "nhs_number": NHS_NUMBER,
        "local_reference": f"{FAMILY}-1",
    }


def _incident(person_ref: str) -> dict[str, Any]:
    return {
        "person_ref": person_ref,
        "occurred_at": "2026-06-10T14:00:00+01:00",
        "kind": "behaviour",
        "setting": "placement",
        "description": f"{GIVEN} {FAMILY}, born {DATE_OF_BIRTH}",
        "police_involved_at": "2026-06-10T15:00:00+01:00",
        "police_reference": "PR-1",
    }


def _lookup() -> dict[str, Any]:
    return {
        "given_name": GIVEN,
        "family_name": FAMILY,
        "date_of_birth": DATE_OF_BIRTH,
        "purpose": "custody",
        "requester_reference": "CR-1",
        "identifiers": {"nhs_number": NHS_NUMBER},
    }


def _event(person_ref: str) -> dict[str, Any]:
    return cloud_event(
        "placement.started",
        placement_data(date(2026, 12, 22), emergency=True, person_ref=person_ref),
        time=datetime(2026, 12, 22, 10, 0, tzinfo=UTC),
        source="care-status-api",
    )


def _leaves(body: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    if isinstance(body, dict):
        for name, value in body.items():
            yield from _leaves(value, (*path, name))
    elif path:
        yield path, body


def _with(body: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    changed = json.loads(json.dumps(body))
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _bad_bodies(body: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(what, JSON text) for each bad value in each field of `body`, and a deep body."""
    yield "deep body", DEEP_BODY
    for path, original in _leaves(body):
        field = ".".join(path)
        for text in STRINGS:
            yield f"{field}={text!r}", json.dumps(_with(body, path, text))
        for raw in RAW:
            spliced = json.dumps(_with(body, path, SPLICE)).replace(f'"{SPLICE}"', raw)
            yield f"{field}={raw[:20]}", spliced
        if isinstance(original, str) and ISO_DATE.match(original):
            far = FAR_INSTANTS if "T" in original else FAR_DATES
            for value in far:
                yield f"{field}={value}", json.dumps(_with(body, path, value))


class Operations:
    """Each write operation's path, headers and valid body, over the running platform."""

    def __init__(self, platform: Platform) -> None:
        self.platform = platform

    def prepare(self) -> None:
        with self.platform.client("care-status-api", "demo-camden") as camden:
            child = _created(camden.post("/v1/children", json=_child()))
            base = f"/v1/children/{child['id']}"
            status = _created(
                camden.post(
                    f"{base}/legal-statuses",
                    json={"basis": "care_order_s31", "start_date": "2025-01-10"},
                )
            )
            placement = _created(
                camden.post(
                    f"{base}/placements",
                    json={
                        "placement_type": "foster",
                        "area_authority": DERBYSHIRE,
                        "start_date": "2025-02-01",
                    },
                )
            )
        with self.platform.client("incident-api", "demo-camden") as recorder:
            incident = _created(recorder.post("/v1/incidents", json=_incident(child["person_ref"])))
        with self.platform.client("notify-api", "demo-derbyshire") as derbyshire:
            endpoint = _created(
                derbyshire.post(
                    "/v1/endpoints",
                    json={"channel": "email", "address": "duty@derbyshire.example", "rules": []},
                )
            )
        self.ids = {
            "child_id": child["id"],
            "legal_status_id": status["id"],
            "placement_id": placement["id"],
            "incident_id": incident["id"],
            "endpoint_id": endpoint["id"],
            "notification_id": str(uuid.uuid4()),
            "purpose": "notify_personal_adviser",
            "section": "1",
            "person_ref": child["person_ref"],
            "event_id": str(uuid.uuid4()),
            "rule_id": "placement-out-of-area",
            # Ids a bad value is sent beside: none of them needs to exist for a 4xx.
            "import_id": str(uuid.uuid4()),
            "delivery_id": str(uuid.uuid4()),
        }
        self.person_ref = child["person_ref"]
        #: (service, method, template) -> (client id, valid body or None, GET for If-Match)
        self.table: dict[tuple[str, str, str], tuple[str, dict[str, Any] | None, str | None]] = {
            ("care-status-api", "POST", "/v1/lookups"): ("demo-met-custody", _lookup(), None),
            ("care-status-api", "POST", "/v1/children"): ("demo-camden", _child(), None),
            ("care-status-api", "PATCH", "/v1/children/{child_id}"): (
                "demo-camden",
                _child(),
                "/v1/children/{child_id}",
            ),
            ("care-status-api", "POST", "/v1/children/{child_id}/legal-statuses"): (
                "demo-camden",
                {"basis": "section_20", "start_date": "2026-02-01", "end_date": "2026-03-01"},
                None,
            ),
            (
                "care-status-api",
                "PATCH",
                "/v1/children/{child_id}/legal-statuses/{legal_status_id}",
            ): (
                "demo-camden",
                {"end_date": "2026-01-10"},
                "/v1/children/{child_id}/legal-statuses/{legal_status_id}",
            ),
            ("care-status-api", "POST", "/v1/children/{child_id}/placements"): (
                "demo-camden",
                {
                    "placement_type": "foster",
                    "area_authority": CAMDEN,
                    "start_date": "2026-02-01",
                    "provider": f"{FAMILY} home",
                },
                None,
            ),
            ("care-status-api", "PATCH", "/v1/children/{child_id}/placements/{placement_id}"): (
                "demo-camden",
                {"end_date": "2026-01-10"},
                "/v1/children/{child_id}/placements/{placement_id}",
            ),
            ("care-status-api", "PUT", "/v1/children/{child_id}/leaving-care"): (
                "demo-camden",
                {"left_care_on": "2026-01-10"},
                None,
            ),
            ("care-status-api", "PUT", "/v1/children/{child_id}/personal-adviser"): (
                "demo-camden",
                {"name": f"{GIVEN} {FAMILY}", "appointed_on": "2026-01-10"},
                None,
            ),
            ("care-status-api", "PUT", "/v1/children/{child_id}/consents/{purpose}"): (
                "demo-camden",
                {"given": True, "recorded_on": "2026-01-10", "recorded_by": f"{GIVEN} {FAMILY}"},
                None,
            ),
            ("incident-api", "POST", "/v1/incidents"): (
                "demo-camden",
                _incident(self.person_ref),
                None,
            ),
            ("incident-api", "PATCH", "/v1/incidents/{incident_id}"): (
                "demo-camden",
                {"restorative_notes": f"{GIVEN} {FAMILY}", "outcome_date": "2026-06-20"},
                "/v1/incidents/{incident_id}",
            ),
            ("incident-api", "PUT", "/v1/incidents/{incident_id}/cps-checklist/{section}"): (
                "demo-camden",
                {"content": f"{GIVEN} {FAMILY}, {DATE_OF_BIRTH}"},
                None,
            ),
            ("care-status-api", "POST", "/v1/dead-letters/{event_id}/retry"): (
                "demo-camden",
                None,
                None,
            ),
            ("incident-api", "POST", "/v1/dead-letters/{event_id}/retry"): (
                "demo-camden",
                None,
                None,
            ),
            ("notify-api", "POST", "/v1/events"): (
                "platform-services",
                _event("p_PiiInLogs0000000000000"),
                None,
            ),
            ("notify-api", "POST", "/v1/endpoints"): (
                "demo-derbyshire",
                {"channel": "email", "address": "duty@derbyshire.example", "rules": []},
                None,
            ),
            ("notify-api", "POST", "/v1/notifications/{notification_id}/acknowledge"): (
                "demo-derbyshire",
                None,
                None,
            ),
            ("notify-api", "DELETE", "/v1/endpoints/{endpoint_id}"): (
                "demo-derbyshire",
                None,
                None,
            ),
            ("notify-api", "POST", "/v1/endpoints/{endpoint_id}/secret"): (
                "demo-derbyshire",
                None,
                None,
            ),
            # A multipart upload: the JSON the test sends is refused before it is read.
            ("care-status-api", "POST", "/v1/imports"): ("demo-camden", None, None),
            ("notify-api", "PATCH", "/v1/endpoints/{endpoint_id}"): (
                "demo-derbyshire",
                {"name": f"{GIVEN} {FAMILY}"},
                None,
            ),
            ("notify-api", "POST", "/v1/endpoints/{endpoint_id}/recover"): (
                "demo-derbyshire",
                {"since": "2026-12-07T00:00:00Z"},
                None,
            ),
            ("notify-api", "POST", "/v1/endpoints/{endpoint_id}/test"): (
                "demo-derbyshire",
                None,
                None,
            ),
            ("notify-api", "POST", "/v1/deliveries/{delivery_id}/retry"): (
                "demo-derbyshire",
                None,
                None,
            ),
            ("notify-api", "POST", "/v1/rules/evaluate"): (
                "demo-derbyshire",
                _event("p_PiiInLogs0000000000001"),
                None,
            ),
        }

    def path(self, template: str, **override: str) -> str:
        return template.format(**{**self.ids, **override})


def _created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def _documents(platform: Platform) -> dict[str, dict[str, Any]]:
    return {
        service: httpx.get(f"{platform.url(service)}/openapi.json").json()
        for service in ("care-status-api", "incident-api", "notify-api")
    }


def _operations(document: dict[str, Any], methods: set[str]) -> Iterator[tuple[str, str, Any]]:
    for template, item in document["paths"].items():
        for method, operation in item.items():
            if method.upper() in methods:
                yield method.upper(), template, operation


def _answer(
    client: httpx.Client, method: str, path: str, text: str | None, if_match: str | None
) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if if_match is not None:
        headers["If-Match"] = if_match
    content = None if text is None else text.encode("utf-8", "surrogatepass")
    return _send(client, method, path, content=content, headers=headers)


def _send(client: httpx.Client, method: str, path: str, **options: Any) -> httpx.Response:
    """The answer, or a stand-in 599 when the server reset the connection instead."""
    try:
        return client.request(method, path, **options)
    except httpx.TransportError as error:
        return httpx.Response(599, text=f"no answer: {type(error).__name__}")


def test_bad_values_at_every_operation_are_4xx_and_no_personal_value_is_logged(
    platform: Platform,
) -> None:
    operations = Operations(platform)
    operations.prepare()
    documents = _documents(platform)
    wrong: list[str] = []
    sent = 0
    writes = {"POST", "PUT", "PATCH", "DELETE"}
    for service, document in documents.items():
        for method, template, _ in _operations(document, writes):
            key = (service, method, template)
            if key not in operations.table:
                wrong.append(f"{method} {template}: no valid body in the test's table")
                continue
            client_id, body, etag_from = operations.table[key]
            with platform.client(service, client_id) as client:
                requests: list[tuple[str, str, str | None]] = []
                for name in re.findall(r"{(\w+)}", template):
                    for text in (f"{GIVEN}\x00{FAMILY}", "32589158477190044731"):
                        requests.append(
                            (
                                f"path {name}",
                                operations.path(template, **{name: quote(text, safe="")}),
                                json.dumps(body) if body is not None else None,
                            )
                        )
                if body is not None:
                    bodies = list(_bad_bodies(body))
                else:  # a DELETE's body is not read; a POST's without one still is
                    bodies = [] if method == "DELETE" else [("deep", DEEP_BODY)]
                for what, text in bodies:
                    requests.append((what, operations.path(template), text))
                for what, path, text in requests:
                    if_match = None
                    if etag_from is not None:
                        current = _send(client, "GET", operations.path(etag_from))
                        if_match = current.headers.get("etag")
                    response = _answer(client, method, path, text, if_match)
                    sent += 1
                    if not 400 <= response.status_code < 500:
                        wrong.append(
                            f"{method} {template} {what[:60]}: {response.status_code} "
                            f"{response.text[:120]}"
                        )
    for service, document in documents.items():
        client_id = "demo-derbyshire" if service == "notify-api" else "demo-camden"
        with platform.client(service, client_id) as client:
            for _, template, operation in _operations(document, {"GET"}):
                for parameter in operation.get("parameters", []):
                    if parameter["in"] != "query":
                        continue
                    for value in (f"{GIVEN}\x00{FAMILY}", RAW[0], *FAR_DATES, *FAR_INSTANTS):
                        path = operations.path(template)
                        response = _send(client, "GET", path, params={parameter["name"]: value})
                        sent += 1
                        if response.status_code >= 500:
                            wrong.append(
                                f"GET {template} ?{parameter['name']}={value[:30]!r}: "
                                f"{response.status_code}"
                            )

    logs = {path.name: path.read_text(errors="replace") for path in _logs(platform.var_dir)}
    assert any("care-status-api" in text for text in logs.values())
    wrong += [
        f"{name} holds {value!r}"
        for name, text in logs.items()
        for value in PERSONAL
        if value in text
    ]
    assert sent > 500
    assert not wrong, "\n".join(wrong)


def _logs(var_dir: Path) -> list[Path]:
    logs = sorted(var_dir.glob("*.log"))
    assert logs, f"no logs under {var_dir}"
    return logs
