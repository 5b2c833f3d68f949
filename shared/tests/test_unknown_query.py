"""A query parameter the operation does not take is a 400 naming it, never ignored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from platform_shared.app import create_service_app
from platform_shared.testing import InProcessService, serve_in_process

from .conftest import MIGRATIONS, build_router, make_settings
from .test_direct_route import JSON, _route


@pytest.fixture
async def service_with_direct(database_url: str, auth: Any) -> AsyncIterator[InProcessService]:
    from platform_shared.dead_letters import dead_letter_router

    app = create_service_app(
        title="query-tests",
        description="test app",
        settings=make_settings(database_url),
        migrations=MIGRATIONS,
        routers=[build_router(), dead_letter_router("rules:read", "care-status:write")],
        direct_routes=[_route("/v1/direct")],
    )
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


async def test_an_unknown_parameter_is_400_naming_it(service_with_direct: InProcessService) -> None:
    reader = await service_with_direct.as_client("demo-camden", "rules:read")

    response = await reader.get("/v1/dead-letters", params={"limit": "5", "person_ref": "x"})

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["detail"] == "Unknown query parameter: person_ref"
    [issue] = problem["errors"]
    assert issue["field"] == "query.person_ref"
    assert "cursor, limit" in issue["reason"]


async def test_declared_parameters_pass(service_with_direct: InProcessService) -> None:
    reader = await service_with_direct.as_client("demo-camden", "rules:read")

    response = await reader.get("/v1/dead-letters", params={"limit": "5"})

    assert response.status_code == 200


async def test_every_unknown_parameter_is_named_once(service_with_direct: InProcessService) -> None:
    reader = await service_with_direct.as_client("demo-camden", "rules:read")

    response = await reader.get("/v1/whoami?b=1&a=2&b=3")

    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["query.b", "query.a"]


async def test_it_is_refused_before_the_token_is_asked_for(
    service_with_direct: InProcessService,
) -> None:
    anonymous = await service_with_direct.as_client(None)

    response = await anonymous.get("/v1/whoami?org=E10000007")

    assert response.status_code == 400


async def test_a_direct_operation_takes_no_query_parameter(
    service_with_direct: InProcessService,
) -> None:
    writer = await service_with_direct.as_client("demo-camden", "care-status:write")

    refused = await writer.post("/v1/direct?dry_run=1", content=b'{"text": "x"}', headers=JSON)
    served = await writer.post("/v1/direct", content=b'{"text": "x"}', headers=JSON)

    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "query.dry_run"
    assert served.status_code == 201


async def test_the_docs_pages_take_what_swagger_ui_sends(
    service_with_direct: InProcessService,
) -> None:
    anonymous = await service_with_direct.as_client(None)

    response = await anonymous.get("/docs/oauth2-redirect?state=abc")

    assert response.status_code == 200
