"""A direct route answers exactly as its FastAPI declaration would, errors included."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.requests import Request

from platform_shared.app import create_service_app, operation_id
from platform_shared.auth import Principal
from platform_shared.direct import DirectRoute, Handler
from platform_shared.problems import problem_responses
from platform_shared.testing import InProcessService, serve_in_process

from .conftest import MIGRATIONS, NoteCreate, NoteCreated, make_settings


async def create_note(request: Request, caller: Principal, body: NoteCreate) -> NoteCreated:
    """Echo the note's text as its id, with the caller's organisation."""
    return NoteCreated(event_id=f"{body.text}:{body.count}", org=caller.org)


async def create_note_declared(
    request: Request, caller: Principal, body: NoteCreate
) -> NoteCreated:
    """The same, under its own operation id (the two routes live in one document)."""
    return await create_note(request, caller, body)


def _route(path: str, handler: Handler[NoteCreate] = create_note) -> DirectRoute[NoteCreate]:
    return DirectRoute(
        path,
        handler,
        body=NoteCreate,
        answer=NoteCreated,
        scopes=["care-status:write"],
        tags=["notes"],
        responses=problem_responses(),
        status_code=201,
    )


@pytest.fixture
async def both(database_url: str, auth: Any) -> AsyncIterator[InProcessService]:
    """`/v1/direct` served directly; `/v1/declared`, the same route's FastAPI declaration."""
    app = create_service_app(
        title="direct-tests",
        description="test app",
        settings=make_settings(database_url),
        migrations=MIGRATIONS,
        routers=[],
        direct_routes=[_route("/v1/direct")],
    )
    declared = _route("/v1/declared", create_note_declared)
    app.router.routes.append(declared.documentation(operation_id))
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


def _answer(response: httpx.Response) -> tuple[int, Any, str | None]:
    body = response.json()
    if isinstance(body, dict):
        body.pop("instance", None)  # the path, which differs
    return response.status_code, body, response.headers.get("www-authenticate")


JSON = {"content-type": "application/json"}
BODIES: list[tuple[str, bytes]] = [
    ("valid", b'{"text": "hello", "count": 2}'),
    ("defaults", b'{"text": "hello"}'),
    ("missing field", b'{"count": 2}'),
    ("wrong type (strict)", b'{"text": 5}'),
    ("unknown field", b'{"text": "x", "colour": "red"}'),
    ("too long", b'{"text": "' + b"x" * 201 + b'"}'),
    ("not an object", b"[1, 2]"),
    ("malformed JSON", b'{"text": '),
    ("empty body", b""),
    ("not UTF-8", b'{"text": "\xff"}'),
]


@pytest.mark.parametrize(("case", "body"), BODIES, ids=[case for case, _ in BODIES])
async def test_bodies_are_answered_as_fastapi_answers_them(
    both: InProcessService, case: str, body: bytes
) -> None:
    writer = await both.as_client("demo-camden", "care-status:write")

    direct = await writer.post("/v1/direct", content=body, headers=JSON)
    declared = await writer.post("/v1/declared", content=body, headers=JSON)

    assert _answer(direct) == _answer(declared)
    assert direct.headers["content-type"] == declared.headers["content-type"]
    if case in ("valid", "defaults"):
        assert direct.status_code == 201
        assert direct.json() == {
            "event_id": f"hello:{2 if case == 'valid' else 1}",
            "org": "E09000007",
        }
    else:
        assert direct.status_code in (400, 422)


async def test_the_token_and_its_scopes_are_checked_as_by_the_dependency(
    both: InProcessService,
) -> None:
    body = b'{"text": "hello"}'
    for client in (
        await both.as_client(None),
        await both.as_client("demo-camden", "rules:read"),
    ):
        direct = await client.post("/v1/direct", content=body, headers=JSON)
        declared = await client.post("/v1/declared", content=body, headers=JSON)
        assert _answer(direct) == _answer(declared)
        assert direct.status_code in (401, 403)


async def test_the_request_metrics_name_the_route(both: InProcessService) -> None:
    writer = await both.as_client("demo-camden", "care-status:write")
    await writer.post("/v1/direct", json={"text": "hello"})

    metrics = await writer.get("/metrics")

    assert 'route="/v1/direct",status="201"' in metrics.text


async def test_the_openapi_document_describes_it_as_its_declaration(
    both: InProcessService,
) -> None:
    document = (await (await both.as_client(None)).get("/openapi.json")).json()

    direct, declared = document["paths"]["/v1/direct"], document["paths"]["/v1/declared"]
    assert direct["post"]["operationId"] == "notes.create_note"
    assert direct["post"]["security"] == [{"oauth2": ["care-status:write"]}]
    assert direct["post"]["requestBody"] == declared["post"]["requestBody"]
    assert direct["post"]["responses"] == declared["post"]["responses"]
    assert "201" in direct["post"]["responses"]


async def test_without_a_token_nothing_is_said_about_the_body(both: InProcessService) -> None:
    """The token is checked before the body is read (docs/decisions.md, D11)."""
    anonymous = await both.as_client(None)

    response = await anonymous.post("/v1/direct", content=b'{"text": ', headers=JSON)

    assert response.status_code == 401
    assert "errors" not in response.json()
