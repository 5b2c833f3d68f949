"""Generated clients: each service's live OpenAPI document makes a clean Python client,
and journey 1 runs through those clients alone.

The documents are fetched from the running platform, so what is checked is what an
integrator downloads. A document with an operation without an id, an anonymous (inline)
object or enumeration, or anything the generator warns about fails here; so does a
response that does not parse into the model the document promises.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import ModuleType
from typing import Any

import attrs
import httpx
import pytest
from journeys import CAMDEN, DERBYSHIRE, unique_family_name
from platform_harness import BIN, Platform, eventually
from webhook_receiver import WebhookReceiver

from platform_shared.testing import serve_over_http

pytestmark = [pytest.mark.system]

SERVICES = ("care-status-api", "incident-api", "notify-api")
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
GENERATOR_CONFIG = "post_hooks: []\n"


@dataclass
class GeneratedClient:
    service: str
    document: dict[str, Any]
    package: str
    output: str
    returncode: int

    def module(self, name: str) -> ModuleType:
        return importlib.import_module(f"{self.package}.{name}")


def _package_name(service: str, backend: str) -> str:
    return f"{service.replace('-', '_')}_client_{backend}"


@pytest.fixture(scope="module")
def generated(
    platform: Platform, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, GeneratedClient]]:
    """One client per service, generated from the document the running service serves."""
    workdir = tmp_path_factory.mktemp(f"generated-{platform.backend}")
    config = workdir / "openapi-python-client.yaml"
    config.write_text(GENERATOR_CONFIG)
    clients: dict[str, GeneratedClient] = {}
    for service in SERVICES:
        response = httpx.get(f"{platform.url(service)}/openapi.json", timeout=30)
        assert response.status_code == 200, response.text
        document_file = workdir / f"{service}.json"
        document_file.write_text(response.text)
        package = _package_name(service, platform.backend)
        run = subprocess.run(
            [
                str(BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(document_file),
                "--output-path",
                str(workdir / package),
                "--meta",
                "none",
                "--config",
                str(config),
                "--fail-on-warning",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        clients[service] = GeneratedClient(
            service, response.json(), package, run.stdout + run.stderr, run.returncode
        )
    sys.path.insert(0, str(workdir))
    try:
        yield clients
    finally:
        sys.path.remove(str(workdir))
        for name in [m for m in sys.modules if m.endswith(f"_client_{platform.backend}")]:
            del sys.modules[name]
        for name in [m for m in sys.modules if f"_client_{platform.backend}." in m]:
            del sys.modules[name]


def _anonymous_schemas(node: Any, path: tuple[str, ...] = ()) -> Iterator[str]:
    """Where an object with properties or an enumeration is written inline, not named.

    Named schemas are the entries of `components.schemas`; anything else that a generator
    must name itself (`ChildCreateSexType0`, one enum class per field using it) is
    anonymous.
    """
    if isinstance(node, dict):
        named = len(path) == 3 and path[:2] == ("components", "schemas")
        is_object = node.get("type") == "object" and "properties" in node
        if not named and ("enum" in node or is_object):
            yield "/".join(path) + (" (enum)" if "enum" in node else " (object)")
        for key, value in node.items():
            yield from _anonymous_schemas(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _anonymous_schemas(value, (*path, str(index)))


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield method, path, operation


@pytest.mark.parametrize("service", SERVICES)
def test_every_operation_has_a_unique_operation_id(
    generated: dict[str, GeneratedClient], service: str
) -> None:
    document = generated[service].document
    ids = [operation.get("operationId") for _, _, operation in _operations(document)]
    missing = [
        f"{m.upper()} {p}" for m, p, op in _operations(document) if not op.get("operationId")
    ]

    assert not missing, f"{service}: operations without an operationId: {missing}"
    assert len(set(ids)) == len(ids), f"{service}: duplicate operation ids"


@pytest.mark.parametrize("service", SERVICES)
def test_document_has_no_anonymous_schemas(
    generated: dict[str, GeneratedClient], service: str
) -> None:
    document = generated[service].document
    anonymous = list(_anonymous_schemas(document))
    for method, path, operation in _operations(document):
        body = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if body is not None and "$ref" not in body["schema"] and "oneOf" not in body["schema"]:
            anonymous.append(f"{method.upper()} {path} request body")
        for status, response in operation.get("responses", {}).items():
            json_body = response.get("content", {}).get("application/json")
            if json_body is not None and "$ref" not in json_body.get("schema", {}):
                anonymous.append(f"{method.upper()} {path} response {status}")

    assert not anonymous, f"{service}: anonymous schemas:\n" + "\n".join(anonymous)


@pytest.mark.parametrize("service", SERVICES)
def test_client_generates_without_warnings(
    generated: dict[str, GeneratedClient], service: str
) -> None:
    client = generated[service]

    assert client.returncode == 0, client.output
    assert "warning" not in client.output.lower(), client.output
    assert "error" not in client.output.lower(), client.output


def _undeclared(value: Any, where: str = "body") -> Iterator[str]:
    """Fields a response carried that its schema does not declare (a model with declared
    fields whose `additional_properties` caught something)."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _undeclared(item, f"{where}[{index}]")
    elif attrs.has(type(value)):
        declared = [f.name for f in attrs.fields(type(value)) if f.name != "additional_properties"]
        extra = getattr(value, "additional_properties", {})
        if declared and extra:
            yield f"{where}: {sorted(extra)}"
        for name in declared:
            yield from _undeclared(getattr(value, name), f"{where}.{name}")


def _parsed(response: Any, model: type, status: int) -> Any:
    """The parsed body, after checking the status, that it is the promised model and that
    the schema declares every field the service sent."""
    assert response.status_code == status, response.content
    assert isinstance(response.parsed, model), (type(response.parsed), response.content)
    undeclared = list(_undeclared(response.parsed))
    assert not undeclared, f"fields missing from the {model.__name__} schema: {undeclared}"
    return response.parsed


async def test_journey_1_runs_through_the_generated_clients(
    platform: Platform, generated: dict[str, GeneratedClient]
) -> None:
    for service in ("care-status-api", "notify-api"):
        assert generated[service].returncode == 0, generated[service].output
    care = generated["care-status-api"]
    notify = generated["notify-api"]
    care_client = care.module("client")
    care_models = care.module("models")
    notify_client = notify.module("client")
    notify_models = notify.module("models")
    create_child = care.module("api.children.children_create_child")
    get_child = care.module("api.children.children_get_child")
    create_legal_status = care.module("api.legal_statuses.legal_statuses_create_legal_status")
    create_placement = care.module("api.placements.placements_create_placement")
    register_endpoint = notify.module("api.endpoints.endpoints_register_endpoint")
    list_notifications = notify.module("api.notifications.notifications_list_notifications")
    acknowledge = notify.module("api.notifications.notifications_acknowledge_notification")
    list_duties = notify.module("api.duties.duties_list_duties")

    def authenticated(client_module: ModuleType, service: str, client_id: str) -> Any:
        return client_module.AuthenticatedClient(
            base_url=platform.url(service),
            token=platform.token(client_id),
            raise_on_unexpected_status=True,
            timeout=httpx.Timeout(30),
        )

    receiver = WebhookReceiver()
    async with (
        serve_over_http(receiver.app) as receiver_url,
        authenticated(care_client, "care-status-api", "demo-camden") as camden,
        authenticated(notify_client, "notify-api", "demo-derbyshire") as derbyshire,
        authenticated(notify_client, "notify-api", "demo-camden") as camden_notify,
    ):
        endpoint = _parsed(
            await register_endpoint.asyncio_detailed(
                client=derbyshire,
                body=notify_models.WebhookEndpointCreate(
                    channel="webhook",
                    url=f"{receiver_url}/hooks",
                    rules=["placement-out-of-area"],
                ),
            ),
            notify_models.EndpointCreated,
            201,
        )
        assert endpoint.secret and endpoint.secret.startswith("whsec_")
        receiver.secret = endpoint.secret

        child = _parsed(
            await create_child.asyncio_detailed(
                client=camden,
                body=care_models.ChildCreate(
                    given_name="Amelia",
                    family_name=unique_family_name("Generated"),
                    date_of_birth=date(2011, 3, 15),
                ),
            ),
            care_models.ChildRecord,
            201,
        )
        assert child.responsible_authority.code == CAMDEN
        _parsed(
            await create_legal_status.asyncio_detailed(
                child.id,
                client=camden,
                body=care_models.LegalStatusCreate(
                    basis=care_models.LegalBasis.CARE_ORDER_S31, start_date=date(2025, 1, 10)
                ),
            ),
            care_models.LegalStatusOut,
            201,
        )
        # Tuesday 22 December 2026: 25 and 28 December are bank holidays, 26-27 a weekend.
        placement = _parsed(
            await create_placement.asyncio_detailed(
                child.id,
                client=camden,
                body=care_models.PlacementCreate(
                    placement_type=care_models.PlacementType.CHILDRENS_HOME,
                    area_authority=DERBYSHIRE,
                    start_date=date(2026, 12, 22),
                    emergency=True,
                ),
            ),
            care_models.PlacementOut,
            201,
        )
        assert placement.area_authority == DERBYSHIRE
        record = _parsed(
            await get_child.asyncio_detailed(child.id, client=camden),
            care_models.ChildRecord,
            200,
        )
        assert [p.id for p in record.placements] == [placement.id]

        async def arrived() -> Any:
            page = _parsed(
                await list_notifications.asyncio_detailed(
                    client=derbyshire, rule="placement-out-of-area", limit=200
                ),
                notify_models.NotificationPage,
                200,
            )
            found = [n for n in page.items if n.subject.person_ref == child.person_ref]
            return found[0] if found else None

        notification = await eventually(arrived, message="no placement-out-of-area notification")
        assert notification.recipient.org == DERBYSHIRE
        assert notification.recipient.role == "area_authority"
        assert notification.due_at == datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)
        assert notification.subject.responsible_authority == CAMDEN

        async def pushed() -> dict[str, Any] | None:
            matching = [n for n in receiver.notifications() if n["id"] == str(notification.id)]
            return matching[0] if matching else None

        delivered = await eventually(pushed, message="the webhook was not delivered")
        assert delivered["rule"] == "placement-out-of-area"
        assert receiver.bad_signatures == 0

        acknowledged = _parsed(
            await acknowledge.asyncio_detailed(notification.id, client=derbyshire),
            notify_models.Notification,
            200,
        )
        assert acknowledged.acknowledged_at is not None

        board = _parsed(
            await list_duties.asyncio_detailed(
                client=camden_notify, state=notify_models.DutyState.MET
            ),
            notify_models.DutyPage,
            200,
        )
        [duty] = [d for d in board.items if d.notification_id == notification.id]
        assert duty.met_on_time is True
        assert duty.caller_role == "duty_holder"
