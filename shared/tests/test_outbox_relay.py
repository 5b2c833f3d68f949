"""The outbox relay: delivers to a real HTTP receiver, retries, marks sent only on 2xx."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from platform_shared.auth import ClientCredentials, TokenVerifier
from platform_shared.db import utc_now
from platform_shared.outbox import PENDING, SENT, OutboxEvent, OutboxRelay, add_event
from platform_shared.testing import InProcessService, serve_over_http


class EventsReceiver:
    """A stand-in notify-api intake that fails a set number of times, then accepts."""

    def __init__(self, failures: int = 0, failure_status: int = 503) -> None:
        self.failures = failures
        self.failure_status = failure_status
        self.received: list[dict[str, Any]] = []
        self.attempts = 0
        self.app = Starlette(routes=[Route("/v1/events", self.intake, methods=["POST"])])

    async def intake(self, request: Request) -> JSONResponse:
        self.attempts += 1
        assert request.headers["authorization"].startswith("Bearer ")
        assert request.headers["content-type"] == "application/cloudevents+json"
        if self.failures > 0:
            self.failures -= 1
            return JSONResponse({"title": "unavailable"}, status_code=self.failure_status)
        self.received.append(await request.json())
        return JSONResponse({"accepted": True}, status_code=202)


async def _add_events(service: InProcessService, count: int) -> list[str]:
    async with service.session_factory() as session, session.begin():
        events = [
            add_event(
                session, type="thing.happened", source="tests", subject=f"s{n}", data={"n": n}
            )
            for n in range(count)
        ]
    return [str(event.id) for event in events]


async def _statuses(service: InProcessService) -> dict[str, str]:
    async with service.session_factory() as session:
        rows = await session.scalars(select(OutboxEvent))
        return {str(row.id): row.status for row in rows}


async def _make_due_now(service: InProcessService) -> None:
    async with service.session_factory() as session, session.begin():
        await session.execute(
            update(OutboxEvent).values(next_attempt_at=utc_now() - timedelta(hours=1))
        )


def _relay(service: InProcessService, url: str, auth: Any) -> OutboxRelay:
    credentials = ClientCredentials(
        token_url="http://127.0.0.1:8000/oauth/token",
        client_id="platform-services",
        client_secret="platform-services-secret",
        http=auth.http,
    )
    return OutboxRelay(
        service.session_factory, events_url=f"{url}/v1/events", credentials=credentials
    )


async def test_relay_delivers_cloudevents_and_marks_them_sent(
    service: InProcessService, auth: Any
) -> None:
    ids = await _add_events(service, 3)
    receiver = EventsReceiver()
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth)
        await relay.relay_once()
        await relay.aclose()

    assert sorted(event["id"] for event in receiver.received) == sorted(ids)
    first = receiver.received[0]
    assert first["specversion"] == "1.0"
    assert first["type"] == "thing.happened"
    assert first["source"] == "tests"
    assert set((await _statuses(service)).values()) == {SENT}


async def test_relay_retries_after_503_and_never_marks_unaccepted_events_sent(
    service: InProcessService, auth: Any
) -> None:
    [event_id] = await _add_events(service, 1)
    receiver = EventsReceiver(failures=2)
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth)
        await relay.relay_once()
        after_first_failure = await _statuses(service)
        claimed_while_backing_off = await relay.relay_once()
        await _make_due_now(service)
        await relay.relay_once()
        after_second_failure = await _statuses(service)
        await _make_due_now(service)
        await relay.relay_once()
        await relay.aclose()

    assert after_first_failure == {event_id: PENDING}
    assert claimed_while_backing_off == 0
    assert after_second_failure == {event_id: PENDING}
    assert receiver.attempts == 3
    assert [event["id"] for event in receiver.received] == [event_id]
    async with service.session_factory() as session:
        stored = await session.get(OutboxEvent, OutboxEvent.id.type.python_type(event_id))
        assert stored is not None
        assert stored.status == SENT
        assert stored.attempts == 3


async def test_unreachable_receiver_leaves_event_pending_with_its_error(
    service: InProcessService, auth: Any
) -> None:
    [event_id] = await _add_events(service, 1)
    async with serve_over_http(EventsReceiver().app) as url:
        pass  # the port is now closed: connection refused
    relay = _relay(service, url, auth)

    await relay.relay_once()
    await relay.aclose()

    assert await _statuses(service) == {event_id: PENDING}
    async with service.session_factory() as session:
        stored = (await session.scalars(select(OutboxEvent))).one()
        assert stored.last_error == "ConnectError"
        assert stored.next_attempt_at > stored.created_at


async def test_event_written_in_a_rolled_back_transaction_is_never_sent(
    service: InProcessService, auth: Any
) -> None:
    async with service.session_factory() as session:
        add_event(session, type="thing.happened", source="tests", data={})
        await session.flush()
        await session.rollback()
    receiver = EventsReceiver()
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth)
        claimed = await relay.relay_once()
        await relay.aclose()

    assert claimed == 0
    assert receiver.received == []


async def test_receiver_gets_a_token_from_the_real_authorization_server(
    service: InProcessService, auth: Any
) -> None:
    await _add_events(service, 1)
    seen: list[str] = []

    async def intake(request: Request) -> JSONResponse:
        seen.append(request.headers["authorization"].removeprefix("Bearer "))
        return JSONResponse({}, status_code=200)

    app = Starlette(routes=[Route("/v1/events", intake, methods=["POST"])])
    async with serve_over_http(app) as url:
        relay = _relay(service, url, auth)
        await relay.relay_once()
        await relay.aclose()

    verifier = TokenVerifier(
        issuer="http://127.0.0.1:8000",
        audience="care-platform",
        jwks_url="http://127.0.0.1:8000/jwks.json",
        http=auth.http,
    )
    assert len(seen) == 1
    principal = await verifier.verify(seen[0])
    assert principal.org == "platform"
    assert principal.has("events:publish")
