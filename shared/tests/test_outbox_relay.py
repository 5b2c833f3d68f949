"""The outbox relay: delivers to a real HTTP receiver, retries, marks sent only on 2xx."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from dev_auth.main import create_app as create_auth_app
from dev_auth.settings import DevAuthSettings
from platform_shared.app import create_service_app
from platform_shared.auth import ClientCredentials, TokenVerifier
from platform_shared.calendar import utc_now
from platform_shared.outbox import (
    DEAD_LETTER,
    PENDING,
    SENT,
    WAKE_RELAY,
    EventNotReady,
    OutboxEvent,
    OutboxRelay,
    add_event,
)
from platform_shared.testing import InProcessService, serve_in_process, serve_over_http

from .conftest import MIGRATIONS, build_router, make_settings


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


def _relay(service: InProcessService, url: str, auth: Any, **options: Any) -> OutboxRelay:
    credentials = ClientCredentials(
        token_url="http://127.0.0.1:8000/oauth/token",
        client_id="platform-services",
        client_secret="platform-services-secret",
        http=auth.http,
    )
    return OutboxRelay(
        service.session_factory,
        events_url=f"{url}/v1/events",
        credentials=credentials,
        **options,
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


class SelectiveReceiver:
    """A notify-api intake that refuses the events of some subjects and counts posts in flight.

    `on_first_post` runs once, while the first post of a batch is being answered (to change
    the database under the relay's feet).
    """

    def __init__(
        self,
        *,
        refuse: frozenset[str] = frozenset(),
        pause: float = 0.0,
        on_first_post: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.refuse = refuse
        self.pause = pause
        self.on_first_post = on_first_post
        self.received: list[dict[str, Any]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.app = Starlette(routes=[Route("/v1/events", self.intake, methods=["POST"])])

    async def intake(self, request: Request) -> JSONResponse:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.on_first_post is not None:
                hook, self.on_first_post = self.on_first_post, None
                await hook()
            await asyncio.sleep(self.pause)
            event = await request.json()
            if event["subject"] in self.refuse:
                return JSONResponse({"title": "unavailable"}, status_code=503)
            self.received.append(event)
            return JSONResponse({"accepted": True}, status_code=201)
        finally:
            self.in_flight -= 1


async def _stored_by_subject(service: InProcessService) -> dict[str, OutboxEvent]:
    async with service.session_factory() as session:
        return {row.subject or "": row for row in await session.scalars(select(OutboxEvent))}


async def test_a_refused_post_in_a_batch_leaves_it_pending_and_marks_only_the_others_sent(
    service: InProcessService, auth: Any
) -> None:
    await _add_events(service, 5)
    receiver = SelectiveReceiver(refuse=frozenset({"s2"}))
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth)
        claimed = await relay.relay_once()
        await relay.aclose()

    stored = await _stored_by_subject(service)
    assert claimed == 5
    assert sorted(event["subject"] for event in receiver.received) == ["s0", "s1", "s3", "s4"]
    refused = stored.pop("s2")
    assert (refused.status, refused.attempts, refused.last_error) == (PENDING, 1, "HTTP 503")
    assert refused.lease_token is None
    assert refused.sent_at is None
    assert refused.next_attempt_at > utc_now()
    for sent in stored.values():
        assert (sent.status, sent.attempts, sent.last_error) == (SENT, 1, None)
        assert sent.sent_at is not None
        assert sent.lease_token is None


async def test_events_whose_lease_was_lost_mid_batch_record_nothing(
    service: InProcessService, auth: Any
) -> None:
    await _add_events(service, 4)
    other_relay = uuid.uuid4()

    async def lease_runs_out_and_another_relay_claims_two() -> None:
        async with service.session_factory() as session, session.begin():
            await session.execute(
                update(OutboxEvent)
                .where(OutboxEvent.subject.in_(["s0", "s1"]))
                .values(lease_token=other_relay)
            )

    receiver = SelectiveReceiver(
        refuse=frozenset({"s1", "s2"}), on_first_post=lease_runs_out_and_another_relay_claims_two
    )
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth)
        await relay.relay_once()
        await relay.aclose()

    stored = await _stored_by_subject(service)
    for lost in (stored["s0"], stored["s1"]):  # one accepted, one refused: neither recorded
        assert (lost.status, lost.attempts, lost.last_error) == (PENDING, 0, None)
        assert lost.lease_token == other_relay
    assert (stored["s2"].status, stored["s2"].attempts, stored["s2"].last_error) == (
        PENDING,
        1,
        "HTTP 503",
    )
    assert (stored["s3"].status, stored["s3"].attempts) == (SENT, 1)


async def test_relay_posts_a_batch_concurrently_within_its_bound(
    service: InProcessService, auth: Any
) -> None:
    await _add_events(service, 10)
    receiver = SelectiveReceiver(pause=0.05)
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth, concurrency=3)
        await relay.relay_once()
        await relay.aclose()

    assert len(receiver.received) == 10
    assert 1 < receiver.most_in_flight <= 3
    assert set((await _statuses(service)).values()) == {SENT}


async def test_prepared_data_is_sent_and_stored_and_a_not_ready_event_waits(
    service: InProcessService, auth: Any
) -> None:
    await _add_events(service, 3)

    async def prepare(event: OutboxEvent) -> dict[str, Any]:
        if event.subject == "s1":
            raise EventNotReady("facts unavailable")
        return {**event.data, "facts": {"status": "looked_after"}}

    receiver = SelectiveReceiver(refuse=frozenset({"s2"}))
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth, prepare=prepare)
        await relay.relay_once()
        await relay.aclose()

    stored = await _stored_by_subject(service)
    assert [event["data"] for event in receiver.received] == [
        {"n": 0, "facts": {"status": "looked_after"}}
    ]
    assert (stored["s0"].status, stored["s0"].data) == (
        SENT,
        {"n": 0, "facts": {"status": "looked_after"}},
    )
    assert (stored["s1"].status, stored["s1"].data, stored["s1"].last_error) == (
        PENDING,
        {"n": 1},
        "not ready: facts unavailable",
    )
    # Refused after it was prepared: the completed data is kept for the next attempt.
    assert (stored["s2"].status, stored["s2"].data, stored["s2"].last_error) == (
        PENDING,
        {"n": 2, "facts": {"status": "looked_after"}},
        "HTTP 503",
    )


async def test_only_a_commit_that_added_events_wakes_the_relay(service: InProcessService) -> None:
    wakes: list[str] = []
    factory = service.session_factory
    factory.configure(info={WAKE_RELAY: lambda: wakes.append("wake")})

    async with factory() as session:
        add_event(session, type="thing.happened", source="tests", data={})
        await session.flush()
        assert wakes == []  # not before the commit: the relay would find nothing yet
        await session.rollback()
        await session.commit()
    async with factory() as session, session.begin():
        await session.execute(select(OutboxEvent.id))
    rolled_back = list(wakes)
    async with factory() as session, session.begin():
        add_event(session, type="thing.happened", source="tests", data={})
        add_event(session, type="thing.happened", source="tests", data={})

    assert rolled_back == []
    assert wakes == ["wake"]


async def test_a_request_that_adds_an_event_wakes_the_in_process_relay(
    database_url: str, auth: Any, auth_settings: DevAuthSettings
) -> None:
    receiver = BatchReceiver()  # the services post batches (RELAY_POST_BATCH_SIZE)
    issuer = create_auth_app(auth_settings)
    async with serve_over_http(receiver.app) as url, serve_over_http(issuer) as issuer_url:
        settings = make_settings(
            database_url,
            relay_in_process=True,
            # Far longer than the test waits: only a wake can send the event in time.
            relay_poll_seconds=600,
            notify_url=url,
            oauth_token_url=f"{issuer_url}/oauth/token",
        )
        app = create_service_app(
            title="shared-tests",
            description="test app",
            settings=settings,
            migrations=MIGRATIONS,
            routers=[build_router()],
        )
        async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
            await asyncio.sleep(0.2)  # the relay's first pass finds nothing and waits
            writer = await running.as_client("demo-camden")
            created = await writer.post("/v1/notes", json={"text": "hello"})
            for _ in range(100):
                if receiver.batches:
                    break
                await asyncio.sleep(0.05)

    assert created.status_code == 201
    assert [[event["id"] for event in batch] for batch in receiver.batches] == [
        [created.json()["event_id"]]
    ]


async def test_events_about_one_subject_are_posted_in_turn_in_the_order_written(
    service: InProcessService, auth: Any
) -> None:
    for subject, n in [("pr_a", 0), ("pr_b", 0), ("pr_a", 1), ("pr_c", 0), ("pr_a", 2)]:
        async with service.session_factory() as session, session.begin():
            add_event(
                session, type="thing.happened", source="tests", subject=subject, data={"n": n}
            )
    arrivals: list[tuple[str, int]] = []
    overlapping: set[str] = set()
    in_flight: set[str] = set()

    async def intake(request: Request) -> JSONResponse:
        event = await request.json()
        if event["subject"] in in_flight:
            overlapping.add(event["subject"])
        in_flight.add(event["subject"])
        arrivals.append((event["subject"], event["data"]["n"]))
        await asyncio.sleep(0.05)
        in_flight.discard(event["subject"])
        return JSONResponse({}, status_code=201)

    app = Starlette(routes=[Route("/v1/events", intake, methods=["POST"])])
    async with serve_over_http(app) as url:
        relay = _relay(service, url, auth)
        await relay.relay_once()
        await relay.aclose()

    assert [n for subject, n in arrivals if subject == "pr_a"] == [0, 1, 2]
    assert overlapping == set()
    assert arrivals[:3] != [("pr_a", 0), ("pr_a", 1), ("pr_a", 2)]  # the others did not wait
    assert set((await _statuses(service)).values()) == {SENT}


# Batches (the CloudEvents batched content mode) -------------------------------------------


class BatchReceiver:
    """A stand-in notify-api intake of batches: one receipt per event, in order.

    Refuses the events of `refuse` (naming a field, as notify-api names it from the batch),
    answers the events of `known` as duplicates, and answers a whole batch `whole_status`
    (a 503, a 413) while `whole_failures` lasts; single events (the structured mode) are
    accepted.
    """

    def __init__(
        self,
        *,
        refuse: frozenset[str] = frozenset(),
        known: frozenset[str] = frozenset(),
        whole_status: int = 503,
        whole_failures: int = 0,
        answer_short: bool = False,
        pause: float = 0.0,
    ) -> None:
        self.refuse = refuse
        self.known = known
        self.whole_status = whole_status
        self.whole_failures = whole_failures
        self.answer_short = answer_short
        self.pause = pause
        self.batches: list[list[dict[str, Any]]] = []
        self.singles: list[dict[str, Any]] = []
        self.in_flight: set[str | None] = set()
        self.overlapping: set[str | None] = set()
        self.app = Starlette(routes=[Route("/v1/events", self.intake, methods=["POST"])])

    async def intake(self, request: Request) -> JSONResponse:
        if request.headers["content-type"] == "application/cloudevents+json":
            self.singles.append(await request.json())
            return JSONResponse({}, status_code=201)
        assert request.headers["content-type"] == "application/cloudevents-batch+json"
        events = await request.json()
        if self.whole_failures > 0:
            self.whole_failures -= 1
            return JSONResponse({"title": "refused"}, status_code=self.whole_status)
        subjects = {event["subject"] for event in events}
        self.overlapping |= subjects & self.in_flight
        self.in_flight |= subjects
        await asyncio.sleep(self.pause)
        self.in_flight -= subjects
        self.batches.append(events)
        receipts = []
        for index, event in enumerate(events):
            receipt: dict[str, Any] = {"index": index, "id": event["id"], "status": "accepted"}
            if event["subject"] in self.refuse:
                receipt["status"] = "refused"
                receipt["problem"] = {
                    "status": 422,
                    "detail": "The event lacks what the rules need",
                    "errors": [{"field": f"{index}.data.n", "reason": "required"}],
                }
            elif event["subject"] in self.known:
                receipt["status"] = "duplicate"
            receipts.append(receipt)
        if self.answer_short:
            receipts.pop()
        return JSONResponse({"receipts": receipts}, status_code=200)


async def test_relay_posts_its_events_in_batches_and_marks_each_by_its_receipt(
    service: InProcessService, auth: Any
) -> None:
    await _add_events(service, 5)
    receiver = BatchReceiver(refuse=frozenset({"s2"}), known=frozenset({"s3"}))
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth, post_batch_size=2)
        claimed = await relay.relay_once()
        await relay.aclose()

    assert claimed == 5
    assert [len(batch) for batch in receiver.batches] == [2, 2, 1]
    assert receiver.singles == []
    assert sorted(e["subject"] for b in receiver.batches for e in b) == [f"s{n}" for n in range(5)]
    stored = await _stored_by_subject(service)
    refused = stored.pop("s2")
    assert (refused.status, refused.attempts) == (DEAD_LETTER, 1)
    # The reasons name the field as a single post's refusal does, without its position.
    assert refused.last_error == "HTTP 422: The event lacks what the rules need; data.n: required"
    for sent in stored.values():  # accepted, and the duplicate s3: notify-api holds it
        assert (sent.status, sent.attempts, sent.last_error) == (SENT, 1, None)
        assert sent.lease_token is None


@pytest.mark.parametrize(
    ("answers", "error"),
    [
        ({"whole_failures": 1, "whole_status": 503}, "HTTP 503"),
        ({"answer_short": True}, "unreadable batch answer"),
    ],
)
async def test_a_failed_batch_post_leaves_every_event_of_it_pending(
    service: InProcessService, auth: Any, answers: dict[str, Any], error: str
) -> None:
    await _add_events(service, 3)
    receiver = BatchReceiver(**answers)
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth, post_batch_size=10)
        await relay.relay_once()
        await relay.aclose()

    stored = await _stored_by_subject(service)
    assert {(e.status, e.attempts, e.last_error) for e in stored.values()} == {(PENDING, 1, error)}
    assert all(e.next_attempt_at > utc_now() for e in stored.values())


async def test_an_unreachable_intake_leaves_a_batch_pending(
    service: InProcessService, auth: Any
) -> None:
    await _add_events(service, 3)
    async with serve_over_http(BatchReceiver().app) as url:
        pass  # the port is now closed: connection refused
    relay = _relay(service, url, auth, post_batch_size=10)

    await relay.relay_once()
    await relay.aclose()

    stored = await _stored_by_subject(service)
    assert {(e.status, e.last_error) for e in stored.values()} == {(PENDING, "ConnectError")}


async def test_a_batch_refused_whole_is_posted_again_one_event_at_a_time(
    service: InProcessService, auth: Any
) -> None:
    ids = await _add_events(service, 3)
    receiver = BatchReceiver(whole_failures=1, whole_status=413)
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth, post_batch_size=10)
        await relay.relay_once()
        await relay.aclose()

    assert [event["id"] for event in receiver.singles] == ids
    assert set((await _statuses(service)).values()) == {SENT}


async def test_batches_sharing_a_subject_are_posted_in_turn_and_the_others_concurrently(
    service: InProcessService, auth: Any
) -> None:
    for subject, n in [("pr_a", 0), ("pr_b", 0), ("pr_a", 1), ("pr_c", 0), ("pr_d", 0)]:
        async with service.session_factory() as session, session.begin():
            add_event(
                session, type="thing.happened", source="tests", subject=subject, data={"n": n}
            )
    receiver = BatchReceiver(pause=0.05)
    async with serve_over_http(receiver.app) as url:
        relay = _relay(service, url, auth, post_batch_size=2)
        await relay.relay_once()
        await relay.aclose()

    order = [(e["subject"], e["data"]["n"]) for batch in receiver.batches for e in batch]
    assert [n for subject, n in order if subject == "pr_a"] == [0, 1]
    assert receiver.overlapping == set()
    # [pr_a pr_b] [pr_a pr_c] waits for the first; [pr_d] did not wait: it came second.
    assert [e["subject"] for e in receiver.batches[1]] == ["pr_d"]
    assert set((await _statuses(service)).values()) == {SENT}
