"""The transactional outbox and its relay to notify-api.

A state change and the event announcing it are written in one transaction
(`add_event`). The relay posts pending events as CloudEvents 1.0 to notify-api with a
client-credentials token, retries with exponential backoff and jitter, and marks an
event sent only when notify-api answered 2xx. notify-api stores each event id once, so
a retry after a lost answer notifies nobody twice.

The relay claims a batch under a lease and posts its events concurrently, at most
`concurrency` in flight, those about one subject in the order they were written; then it
records every outcome in one transaction, only for the events whose lease is still its
own. A commit that added events wakes the relay of the same process (`WAKE_RELAY`), so
an event leaves at once instead of at the next poll.

With `post_batch_size` above 1 (the services' setting `RELAY_POST_BATCH_SIZE`), the
relay posts its claimed events in batches of up to that many, in the CloudEvents batched
content mode (`application/cloudevents-batch+json`), and notify-api answers one receipt
per event: each event is recorded by its own receipt (accepted or duplicate: sent;
refused: dead-lettered), a failed post (no answer, a 5xx, an answer that is not one
receipt per event) leaves every event of the batch pending, and a batch refused whole
(400, 413, 415, 422: a notify-api with a smaller limit, or without the batched mode) is
posted again one event at a time. notify-api takes in a batch's events in order, so the
events about one subject stay in the order written; batches that share no subject are
posted concurrently, at most `concurrency` at a time. With 1, each event is posted alone.

An event notify-api refuses (a 4xx that no retry can change: 400, 413, 415, 422) is
dead-lettered, never retried blind for ever: status `dead_letter`, the refusal's reasons
kept in `last_error`, listed to the organisation that caused it
(`platform_shared.dead_letters`) and counted in `/metrics`. It blocks nothing: later
events of the same subject are sent (docs/decisions.md D19).

With tracing on (`platform_shared.tracing`), an event keeps the trace context of the
change that wrote it (`traceparent`) and is posted inside a span of that trace with the
`traceparent` header, so notify-api's intake joins the same trace.
"""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from opentelemetry.trace import SpanKind, Tracer
from sqlalchemy import JSON, ColumnElement, Index, String, Text, case, func, literal, select, update
from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, Session, mapped_column

from platform_shared.auth import ClientCredentials
from platform_shared.calendar import utc_now
from platform_shared.db import Base
from platform_shared.queue import claim_due
from platform_shared.tracing import (
    current_traceparent,
    inject_headers,
    span_from,
    start_span_from,
    traceparent_of,
)

logger = logging.getLogger("platform.outbox")

PENDING, SENT, DEAD_LETTER = "pending", "sent", "dead_letter"
#: Answers of notify-api that a retry cannot change: the event itself is refused.
REFUSALS = frozenset({400, 413, 415, 422})
#: How much of a refusal's reasons is kept (field names and reasons, never values).
_REASON_LIMIT = 2000
CLOUDEVENTS_MEDIA_TYPE = "application/cloudevents+json"
#: The CloudEvents batched content mode: a JSON array of structured events.
CLOUDEVENTS_BATCH_MEDIA_TYPE = "application/cloudevents-batch+json"
#: Receipts of a batch's events that mean notify-api holds the event.
_HELD = frozenset({"accepted", "duplicate"})

#: `Session.info` key of a callable run after a commit that added outbox events: the app
#: factory puts its in-process relay's `wake` there, through the session factory.
WAKE_RELAY = "platform.outbox.wake_relay"
#: `Session.info` key set by `add_event` until the transaction ends.
_EVENTS_ADDED = "platform.outbox.events_added"


class OutboxEvent(Base):
    __tablename__ = "outbox_events"
    __table_args__ = (
        Index("ix_outbox_events_due", "status", "next_attempt_at"),
        Index("ix_outbox_events_org_status", "org", "status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    type: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str | None] = mapped_column(String(200))
    time: Mapped[datetime] = mapped_column(default=utc_now)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default=PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utc_now)
    lease_token: Mapped[uuid.UUID | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    #: The organisation whose change the event announces (it sees the event if refused).
    org: Mapped[str | None] = mapped_column(String(64))
    dead_lettered_at: Mapped[datetime | None]
    #: The W3C trace context of the change that wrote the event (tracing on), else null.
    traceparent: Mapped[str | None] = mapped_column(String(64))

    def as_cloudevent(self) -> dict[str, Any]:
        return {
            "specversion": "1.0",
            "id": str(self.id),
            "source": self.source,
            "type": self.type,
            "subject": self.subject,
            "time": self.time.isoformat(),
            "datacontenttype": "application/json",
            "data": self.data,
        }


def add_event(
    session: AsyncSession,
    *,
    type: str,
    source: str,
    data: dict[str, Any],
    subject: str | None = None,
    time: datetime | None = None,
) -> OutboxEvent:
    """Add an event to the caller's transaction: it exists only if the change commits.

    The event's organisation (who is told if it is refused) is the recording
    organisation of an incident, else the responsible authority of the record.
    """
    owner = data.get("recorded_by") or data.get("responsible_authority")
    event = OutboxEvent(
        id=uuid.uuid4(),
        type=type,
        source=source,
        subject=subject,
        data=data,
        time=time or utc_now(),
        org=owner if isinstance(owner, str) else None,
        traceparent=current_traceparent(),
    )
    session.add(event)
    session.info[_EVENTS_ADDED] = True
    return event


@sa_event.listens_for(Session, "after_commit")
def _wake_relay_after_commit(session: Session) -> None:
    # After the commit, not at add_event: a relay woken earlier would find nothing yet.
    # Every session of every service commits here (the request dependency, workers,
    # tests), so no router has to remember to do it.
    if session.info.pop(_EVENTS_ADDED, False):
        wake = session.info.get(WAKE_RELAY)
        if wake is not None:
            wake()


@sa_event.listens_for(Session, "after_rollback")
def _forget_rolled_back_events(session: Session) -> None:
    session.info.pop(_EVENTS_ADDED, None)


class EventNotReady(Exception):
    """Raised by a `prepare` hook when an event cannot be sent yet (its facts are unavailable)."""


#: Completes an event's data before it is sent (incident-api enriches from care-status-api).
Prepare = Callable[[OutboxEvent], Awaitable[dict[str, Any]]]


def backoff_delay(attempts: int, *, base: float = 1.0, cap: float = 300.0) -> timedelta:
    """Exponential backoff with full jitter: up to base * 2**attempts seconds, capped."""
    ceiling = min(cap, base * (2 ** min(attempts, 20)))
    return timedelta(seconds=random.uniform(ceiling / 2, ceiling))  # noqa: S311 - jitter


@dataclass(frozen=True)
class Attempt:
    """What came of posting one claimed event: accepted (2xx) or why not."""

    event: OutboxEvent
    #: None when notify-api answered 2xx.
    error: str | None
    #: The data the prepare hook completed the event with, to store with the outcome.
    data: dict[str, Any] | None = None
    #: notify-api refused the event itself: it is dead-lettered, not retried.
    refused: bool = False

    @property
    def accepted(self) -> bool:
        return self.error is None


class OutboxRelay:
    """Posts due outbox events to notify-api's `POST /v1/events`."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        events_url: str,
        credentials: ClientCredentials,
        http: httpx.AsyncClient | None = None,
        prepare: Prepare | None = None,
        batch_size: int = 50,
        concurrency: int = 8,
        # Longer than a whole batch of posts timing out (50 / 8 in flight x 10 s ~ 62 s).
        lease: timedelta = timedelta(seconds=120),
        poll_seconds: float = 1.0,
        tracer: Tracer | None = None,
        post_batch_size: int = 1,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        if post_batch_size < 1:
            raise ValueError("post_batch_size must be at least 1")
        self._sessions = session_factory
        self.events_url = events_url
        self._credentials = credentials
        self._http = http or httpx.AsyncClient(timeout=10.0)
        self._owns_http = http is None
        self._prepare = prepare
        self.batch_size = batch_size
        self.concurrency = concurrency
        self.lease = lease
        self.poll_seconds = poll_seconds
        self._tracer = tracer
        self.post_batch_size = post_batch_size
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Ask the relay to look for events now rather than at its next poll."""
        self._wake.set()

    async def relay_once(self) -> int:
        """Send one batch of due events; returns how many were claimed."""
        async with self._sessions() as session, session.begin():
            events = await claim_due(
                session,
                OutboxEvent,
                due=OutboxEvent.status == PENDING,
                order_by=[OutboxEvent.created_at],
                limit=self.batch_size,
                lease=self.lease,
            )
        if not events:
            return 0
        if self.post_batch_size > 1:
            outcomes = await self._attempt_in_batches(events)
        else:
            outcomes = await self._attempt_all(events)
        if outcomes:
            await self._record(outcomes)
        return len(events)

    async def _attempt_all(self, events: Sequence[OutboxEvent]) -> list[Attempt]:
        """Post claimed events, at most `concurrency` at a time; returns what came of each.

        The events about one subject (a person) go one after another, in the order they
        were written, as when the relay posted everything in turn: notify-api ends only what
        it already holds (a release ends only the visits of a sentence it has taken in).
        Events about different subjects go concurrently.
        """
        slots = asyncio.Semaphore(self.concurrency)
        outcomes: list[Attempt] = []

        async def post_in_turn(queue: list[OutboxEvent]) -> None:
            for claimed in queue:
                try:
                    async with slots:
                        outcomes.append(await self._attempt(claimed))
                except Exception:
                    # Nothing is recorded for it: its lease runs out and it is tried again.
                    logger.exception("event attempt failed", extra={"event_id": str(claimed.id)})

        by_subject: dict[str | None, list[OutboxEvent]] = {}
        for claimed in events:  # claimed in the order they were written
            by_subject.setdefault(claimed.subject, []).append(claimed)
        await asyncio.gather(*(post_in_turn(queue) for queue in by_subject.values()))
        return outcomes

    async def _attempt(self, event: OutboxEvent) -> Attempt:
        with span_from(
            self._tracer,
            f"outbox publish {event.type}",
            event.traceparent,
            kind=SpanKind.PRODUCER,
            attributes={
                "cloudevents.event_id": str(event.id),
                "cloudevents.event_type": event.type,
            },
        ) as span:
            attempt = await self._attempt_in_span(event)
            if span is not None and attempt.error is not None:
                span.set_attribute("outbox.error", attempt.error.split(":")[0])
            return attempt

    async def _attempt_in_span(self, event: OutboxEvent) -> Attempt:
        try:
            data = await self._prepared(event)
        except EventNotReady as not_ready:
            return Attempt(event, f"not ready: {not_ready}")
        return await self._post_alone(event, data)

    async def _prepared(self, event: OutboxEvent) -> dict[str, Any] | None:
        """The data the prepare hook completes the event with (None: no hook); the event
        carries it from then on. Raises `EventNotReady`."""
        if self._prepare is None:
            return None
        data = await self._prepare(event)
        event.data = data
        return data

    async def _post_alone(self, event: OutboxEvent, data: dict[str, Any] | None) -> Attempt:
        try:
            response = await self._post(event.as_cloudevent())
        except httpx.HTTPError as failure:
            return Attempt(event, type(failure).__name__, data)
        if response.status_code in REFUSALS:
            return Attempt(event, _refusal(response), data, refused=True)
        if not response.is_success:
            return Attempt(event, f"HTTP {response.status_code}", data)
        return Attempt(event, None, data)

    async def _attempt_in_batches(self, events: Sequence[OutboxEvent]) -> list[Attempt]:
        """Prepare claimed events, then post them in batches of `post_batch_size`, in the
        order claimed; a batch waits for every earlier one that holds an event about one of
        its subjects (notify-api takes a batch's events in order), the others go
        concurrently, at most `concurrency` at a time."""
        slots = asyncio.Semaphore(self.concurrency)
        outcomes: list[Attempt] = []
        ready: list[tuple[OutboxEvent, dict[str, Any] | None]] = []

        async def prepare(claimed: OutboxEvent) -> None:
            try:
                async with slots:
                    ready.append((claimed, await self._prepared(claimed)))
            except EventNotReady as not_ready:
                outcomes.append(Attempt(claimed, f"not ready: {not_ready}"))
            except Exception:
                # Nothing is recorded for it: its lease runs out and it is tried again.
                logger.exception("event attempt failed", extra={"event_id": str(claimed.id)})

        await asyncio.gather(*(prepare(claimed) for claimed in events))
        position = {claimed.id: index for index, claimed in enumerate(events)}
        ready.sort(key=lambda pair: position[pair[0].id])  # back in the order claimed
        batches = [
            ready[start : start + self.post_batch_size]
            for start in range(0, len(ready), self.post_batch_size)
        ]
        done = [asyncio.Event() for _ in batches]
        last_with: dict[str | None, int] = {}
        waits_for: list[set[int]] = []
        for index, batch in enumerate(batches):
            subjects = {claimed.subject for claimed, _ in batch}
            waits_for.append({last_with[s] for s in subjects if s in last_with})
            last_with.update(dict.fromkeys(subjects, index))

        async def post(index: int) -> None:
            try:
                for earlier in waits_for[index]:
                    await done[earlier].wait()
                async with slots:
                    outcomes.extend(await self._post_batch(batches[index]))
            except Exception:
                logger.exception(
                    "event batch attempt failed", extra={"events": len(batches[index])}
                )
            finally:
                done[index].set()

        await asyncio.gather(*(post(index) for index in range(len(batches))))
        return outcomes

    async def _post_batch(
        self, batch: Sequence[tuple[OutboxEvent, dict[str, Any] | None]]
    ) -> list[Attempt]:
        """Post one batch; what came of each of its events, by its own receipt."""
        spans = [
            start_span_from(
                self._tracer,
                f"outbox publish {claimed.type}",
                claimed.traceparent,
                kind=SpanKind.PRODUCER,
                attributes={
                    "cloudevents.event_id": str(claimed.id),
                    "cloudevents.event_type": claimed.type,
                },
            )
            for claimed, _ in batch
        ]
        body = []
        for (claimed, _), span in zip(batch, spans, strict=True):
            cloudevent = claimed.as_cloudevent()
            traceparent = traceparent_of(span)
            if traceparent is not None:
                cloudevent["traceparent"] = traceparent
            body.append(cloudevent)
        try:
            attempts = await self._batch_outcomes(batch, body)
        finally:
            for span in spans:
                if span is not None:
                    span.end()
        for span, attempt in zip(spans, attempts, strict=True):
            if span is not None and attempt.error is not None:
                span.set_attribute("outbox.error", attempt.error.split(":")[0])
        return attempts

    async def _batch_outcomes(
        self,
        batch: Sequence[tuple[OutboxEvent, dict[str, Any] | None]],
        body: list[dict[str, Any]],
    ) -> list[Attempt]:
        def every(error: str) -> list[Attempt]:
            return [Attempt(claimed, error, data) for claimed, data in batch]

        try:
            response = await self._post(body, media_type=CLOUDEVENTS_BATCH_MEDIA_TYPE)
        except httpx.HTTPError as failure:
            return every(type(failure).__name__)
        if response.status_code in REFUSALS:
            # Refused whole, which says nothing of each event: each is posted alone, and
            # only a refusal of the event itself dead-letters it.
            logger.warning(
                "event batch refused whole, posting its events one at a time",
                extra={"status": response.status_code, "events": len(batch)},
            )
            return [await self._post_alone(claimed, data) for claimed, data in batch]
        if not response.is_success:
            return every(f"HTTP {response.status_code}")
        receipts = _receipts_of(response, len(batch))
        if receipts is None:
            return every("unreadable batch answer")
        attempts = []
        for index, ((claimed, data), receipt) in enumerate(zip(batch, receipts, strict=True)):
            if receipt.get("status") in _HELD:
                attempts.append(Attempt(claimed, None, data))
                continue
            problem = receipt.get("problem")
            problem = problem if isinstance(problem, dict) else {}
            # The fields as a single post's refusal names them (without the position).
            status = problem.get("status")
            reasons = _reasons(
                status if isinstance(status, int) else 422, problem, position=f"{index}."
            )
            attempts.append(Attempt(claimed, reasons, data, refused=True))
        return attempts

    async def _record(self, outcomes: Sequence[Attempt]) -> None:
        """Record a batch's outcomes in one transaction, for the events still leased to us.

        One UPDATE for the accepted events and one for the others, each only where the
        lease token is still the one of the claim: an event whose lease ran out (another
        relay may have claimed it since) records nothing; it is due again, and notify-api
        answers a repeat with its first receipt.
        """
        token = outcomes[0].event.lease_token
        if token is None:  # never for a claimed event; `IS NULL` would match released ones
            raise ValueError("outcomes of events that were not claimed")
        now = utc_now()
        accepted = [outcome for outcome in outcomes if outcome.accepted]
        dead = [outcome for outcome in outcomes if outcome.refused]
        refused = [o for o in outcomes if not o.accepted and not o.refused]
        recorded: set[uuid.UUID] = set()
        async with self._sessions() as session, session.begin():
            if accepted:
                recorded.update(
                    await _record_outcomes(
                        session,
                        token,
                        accepted,
                        status=SENT,
                        sent_at=now,
                        last_error=None,
                    )
                )
            if dead:
                recorded.update(
                    await _record_outcomes(
                        session,
                        token,
                        dead,
                        status=DEAD_LETTER,
                        dead_lettered_at=now,
                        last_error=_by_event(
                            {outcome.event.id: outcome.error for outcome in dead},
                            OutboxEvent.last_error,
                        ),
                    )
                )
            if refused:
                # The holder of the lease is the only writer of `attempts`, so the claimed
                # count is the stored one.
                recorded.update(
                    await _record_outcomes(
                        session,
                        token,
                        refused,
                        last_error=_by_event(
                            {outcome.event.id: outcome.error for outcome in refused},
                            OutboxEvent.last_error,
                        ),
                        next_attempt_at=_by_event(
                            {
                                outcome.event.id: now + backoff_delay(outcome.event.attempts + 1)
                                for outcome in refused
                            },
                            OutboxEvent.next_attempt_at,
                        ),
                    )
                )
        for outcome in outcomes:
            event_id = str(outcome.event.id)
            if outcome.event.id not in recorded:
                logger.warning(
                    "event lease lost, outcome not recorded", extra={"event_id": event_id}
                )
            elif outcome.accepted:
                logger.info("event sent", extra={"event_id": event_id, "type": outcome.event.type})
            elif outcome.refused:
                logger.error(
                    "event refused by notify-api, dead-lettered",
                    extra={"event_id": event_id, "type": outcome.event.type},
                )
            else:
                logger.warning(
                    "event not accepted",
                    extra={
                        "event_id": event_id,
                        "error": outcome.error,
                        "attempts": outcome.event.attempts + 1,
                    },
                )

    async def _post(
        self,
        body: dict[str, Any] | list[dict[str, Any]],
        *,
        media_type: str = CLOUDEVENTS_MEDIA_TYPE,
    ) -> httpx.Response:
        token = await self._credentials.token()
        headers = inject_headers({"Authorization": f"Bearer {token}", "Content-Type": media_type})
        response = await self._http.post(self.events_url, json=body, headers=headers)
        if response.status_code == 401:
            self._credentials.forget()
        return response

    async def run(self, stop: asyncio.Event) -> None:
        """Relay until `stop` is set; errors are logged and retried, never fatal."""
        while not stop.is_set():
            # Cleared before the pass, not after: a wake that comes while the pass runs
            # (an event committed after its claim) must not be lost.
            self._wake.clear()
            try:
                claimed = await self.relay_once()
            except Exception:
                logger.exception("outbox relay pass failed")
                claimed = 0
            if claimed == 0:
                waiters = [
                    asyncio.ensure_future(stop.wait()),
                    asyncio.ensure_future(self._wake.wait()),
                ]
                await asyncio.wait(
                    waiters, timeout=self.poll_seconds, return_when=asyncio.FIRST_COMPLETED
                )
                for waiter in waiters:
                    waiter.cancel()

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()


def _refusal(response: httpx.Response) -> str:
    """The reasons of a refusal: its status, detail and the fields it names (no values)."""
    try:
        problem = response.json()
    except ValueError:
        problem = None
    return _reasons(response.status_code, problem if isinstance(problem, dict) else None)


def _receipts_of(response: httpx.Response, count: int) -> list[dict[str, Any]] | None:
    """The receipts of a batch's answer, one per event in order; None if it is not that."""
    try:
        answer = response.json()
    except ValueError:
        return None
    receipts = answer.get("receipts") if isinstance(answer, dict) else None
    if not isinstance(receipts, list) or len(receipts) != count:
        return None
    for index, receipt in enumerate(receipts):
        if not isinstance(receipt, dict) or receipt.get("index") != index:
            return None
        if receipt.get("status") not in _HELD | {"refused"}:
            return None
    return receipts


def _reasons(status: int, problem: dict[str, Any] | None, *, position: str = "") -> str:
    reasons = f"HTTP {status}"
    if problem is not None:
        if isinstance(problem.get("detail"), str):
            reasons += f": {problem['detail']}"
        for error in problem.get("errors") or []:
            if isinstance(error, dict):
                field = str(error.get("field")).removeprefix(position)
                reasons += f"; {field}: {error.get('reason')}"
    return reasons[:_REASON_LIMIT]


def _by_event(values: dict[uuid.UUID, Any], column: Any) -> ColumnElement[Any]:
    """A per-event value in a set-based UPDATE: `CASE WHEN id = ... THEN ... END`."""
    return case(
        *[
            (OutboxEvent.id == event_id, literal(value, column.type))
            for event_id, value in values.items()
        ],
        else_=column,
    )


async def _record_outcomes(
    session: AsyncSession, token: uuid.UUID, outcomes: Sequence[Attempt], **values: Any
) -> list[uuid.UUID]:
    """Record one attempt more on the events still leased with `token`; returns their ids."""
    prepared = {o.event.id: o.data for o in outcomes if o.data is not None}
    if prepared:
        values["data"] = _by_event(prepared, OutboxEvent.data)
    statement = (
        update(OutboxEvent)
        .where(
            OutboxEvent.id.in_([outcome.event.id for outcome in outcomes]),
            OutboxEvent.lease_token == token,
        )
        .values(attempts=OutboxEvent.attempts + 1, lease_token=None, **values)
        .returning(OutboxEvent.id)
        .execution_options(synchronize_session=False)
    )
    return list(await session.scalars(statement))


async def count_dead_letters(session: AsyncSession) -> int:
    total = await session.scalar(
        select(func.count()).select_from(OutboxEvent).where(OutboxEvent.status == DEAD_LETTER)
    )
    return int(total or 0)


@dataclass(frozen=True)
class OutboxFigures:
    pending: int
    #: Seconds since the oldest pending event was written (0 when none is pending).
    oldest_pending_age: float
    #: Pending events with at least one failed post.
    failing: int


async def outbox_figures(session: AsyncSession, now: datetime) -> OutboxFigures:
    """What `/metrics` shows of the outbox: one pass over the pending events (indexed)."""
    pending, oldest, failing = (
        await session.execute(
            select(
                func.count(),
                func.min(OutboxEvent.created_at),
                func.count().filter(OutboxEvent.attempts > 0),
            ).where(OutboxEvent.status == PENDING)
        )
    ).one()
    age = max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0
    return OutboxFigures(int(pending or 0), age, int(failing or 0))


async def count_pending(session: AsyncSession) -> int:
    total = await session.scalar(
        select(func.count()).select_from(OutboxEvent).where(OutboxEvent.status == PENDING)
    )
    return int(total or 0)
