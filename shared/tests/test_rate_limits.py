"""Per-client rate limits: a token bucket per client and operation class, in every service.

Answers as draft-ietf-httpapi-ratelimit-headers describes (`RateLimit-Policy`,
`RateLimit`) and RFC 9110 `Retry-After` on a 429 problem (RFC 9457 / RFC 6585).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from starlette.requests import Request

from platform_shared.app import create_service_app
from platform_shared.auth import Principal
from platform_shared.direct import DirectRoute
from platform_shared.problems import problem_responses
from platform_shared.ratelimit import OperationClass, operation_class
from platform_shared.testing import InProcessService, serve_in_process

from .conftest import MIGRATIONS, NoteCreate, NoteCreated, build_router, make_settings

T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
async def limited(tmp_path: Path, auth: Any, clock: Clock) -> AsyncIterator[InProcessService]:
    """Reads: 3 a bucket, refilled at 1 a second; writes left generous."""
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'limits.db'}",
        rate_limit_reads_per_second=1.0,
        rate_limit_reads_burst=3,
    )
    app = create_service_app(
        title="shared-tests",
        description="test app",
        settings=settings,
        migrations=MIGRATIONS,
        routers=[build_router()],
        clock=clock,
    )
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


async def test_a_client_past_its_bucket_gets_a_429_problem_with_the_ratelimit_fields(
    limited: InProcessService,
) -> None:
    camden = await limited.as_client("demo-camden")
    answers = [await camden.get("/v1/whoami") for _ in range(3)]

    refused = await camden.get("/v1/whoami")

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["status"] == 429
    assert refused.json()["type"].endswith("/rate-limited")
    assert refused.headers["retry-after"] == "1"
    assert refused.headers["ratelimit-policy"] == '"reads";q=3;w=3'
    assert refused.headers["ratelimit"] == '"reads";r=0;t=3'


async def test_an_allowed_answer_says_what_is_left(limited: InProcessService) -> None:
    camden = await limited.as_client("demo-camden")

    first = await camden.get("/v1/whoami")
    second = await camden.get("/v1/whoami")

    assert first.headers["ratelimit-policy"] == '"reads";q=3;w=3'
    assert first.headers["ratelimit"] == '"reads";r=2;t=1'
    assert second.headers["ratelimit"] == '"reads";r=1;t=2'
    assert "retry-after" not in first.headers


async def test_another_client_is_not_limited_by_the_first(limited: InProcessService) -> None:
    camden = await limited.as_client("demo-camden")
    derbyshire = await limited.as_client("demo-derbyshire")
    for _ in range(4):
        await camden.get("/v1/whoami")

    answer = await derbyshire.get("/v1/whoami")

    assert (await camden.get("/v1/whoami")).status_code == 429
    assert answer.status_code == 200
    assert answer.json()["client_id"] == "demo-derbyshire"


async def test_the_bucket_refills_with_time(limited: InProcessService, clock: Clock) -> None:
    camden = await limited.as_client("demo-camden")
    for _ in range(3):
        await camden.get("/v1/whoami")
    assert (await camden.get("/v1/whoami")).status_code == 429

    clock.now = T0 + timedelta(seconds=1)
    one_back = await camden.get("/v1/whoami")
    again_empty = await camden.get("/v1/whoami")
    clock.now = T0 + timedelta(seconds=10)
    refilled = [(await camden.get("/v1/whoami")).status_code for _ in range(3)]

    assert one_back.status_code == 200
    assert again_empty.status_code == 429
    assert refilled == [200, 200, 200]


async def test_reads_used_up_leave_writes_alone(limited: InProcessService) -> None:
    camden = await limited.as_client("demo-camden")
    for _ in range(4):
        await camden.get("/v1/whoami")

    written = await camden.post("/v1/notes", json={"text": "a"})

    assert written.status_code != 429
    assert written.headers["ratelimit-policy"].startswith('"writes";')


async def test_a_request_without_a_token_is_not_counted(limited: InProcessService) -> None:
    anonymous = await limited.as_client(None)
    camden = await limited.as_client("demo-camden")
    for _ in range(5):
        assert (await anonymous.get("/v1/whoami")).status_code == 401

    assert (await camden.get("/v1/whoami")).status_code == 200


@pytest.mark.parametrize(
    ("method", "scopes", "kind"),
    [
        ("POST", ["care-status:lookup"], OperationClass.LOOKUPS),
        ("GET", ["care-status:lookup"], OperationClass.LOOKUPS),
        ("GET", ["care-status:read"], OperationClass.READS),
        ("HEAD", ["notifications:read"], OperationClass.READS),
        ("POST", ["events:publish"], OperationClass.WRITES),
        ("PATCH", ["care-status:write"], OperationClass.WRITES),
        ("DELETE", ["endpoints:manage"], OperationClass.WRITES),
    ],
)
def test_operations_are_classed_by_scope_then_method(
    method: str, scopes: list[str], kind: OperationClass
) -> None:
    assert operation_class(method, scopes) == kind


async def test_limits_off_let_everything_through(tmp_path: Path, auth: Any) -> None:
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'off.db'}",
        rate_limit_enabled=False,
        rate_limit_reads_burst=1,
    )
    app = create_service_app(
        title="shared-tests",
        description="test app",
        settings=settings,
        migrations=MIGRATIONS,
        routers=[build_router()],
    )
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        camden = await running.as_client("demo-camden")
        answers = [await camden.get("/v1/whoami") for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert "ratelimit" not in answers[2].headers


async def lookup(request: Request, caller: Principal, body: NoteCreate) -> NoteCreated:
    """A stand-in for care-status-api's lookups: a direct route needing the lookup scope."""
    return NoteCreated(event_id=body.text, org=caller.org)


async def test_a_direct_lookup_route_takes_from_the_lookups_bucket(
    tmp_path: Path, auth: Any, clock: Clock
) -> None:
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'lookups.db'}",
        rate_limit_lookups_per_second=1.0,
        rate_limit_lookups_burst=1,
    )
    route = DirectRoute(
        "/v1/lookups",
        lookup,
        body=NoteCreate,
        answer=NoteCreated,
        scopes=["care-status:lookup"],
        tags=["lookups"],
        responses=problem_responses(),
    )
    app = create_service_app(
        title="shared-tests",
        description="test app",
        settings=settings,
        migrations=MIGRATIONS,
        routers=[],
        direct_routes=[route],
        clock=clock,
    )
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        custody = await running.as_client("demo-met-custody")
        first = await custody.post("/v1/lookups", json={"text": "a"})
        second = await custody.post("/v1/lookups", json={"text": "b"})

    assert first.status_code == 200
    assert first.headers["ratelimit"] == '"lookups";r=0;t=1'
    assert second.status_code == 429
    assert second.headers["ratelimit-policy"] == '"lookups";q=1;w=1'
    assert second.headers["retry-after"] == "1"
