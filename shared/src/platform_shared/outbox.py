"""The transactional outbox and its relay to notify-api.

A state change and the event announcing it are written in one transaction
(`add_event`). The relay posts pending events as CloudEvents 1.0 to notify-api with a
client-credentials token, retries with exponential backoff and jitter, and marks an
event sent only when notify-api answered 2xx. notify-api stores each event id once, so
a retry after a lost answer notifies nobody twice.
"""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import JSON, Index, String, Text, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.auth import ClientCredentials
from platform_shared.db import Base, utc_now
from platform_shared.queue import claim_due

logger = logging.getLogger("platform.outbox")

PENDING, SENT = "pending", "sent"
CLOUDEVENTS_MEDIA_TYPE = "application/cloudevents+json"


class OutboxEvent(Base):
    __tablename__ = "outbox_events"
    __table_args__ = (Index("ix_outbox_events_due", "status", "next_attempt_at"),)

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
    """Add an event to the caller's transaction: it exists only if the change commits."""
    event = OutboxEvent(
        id=uuid.uuid4(),
        type=type,
        source=source,
        subject=subject,
        data=data,
        time=time or utc_now(),
    )
    session.add(event)
    return event


class EventNotReady(Exception):
    """Raised by a `prepare` hook when an event cannot be sent yet (its facts are unavailable)."""


#: Completes an event's data before it is sent (incident-api enriches from care-status-api).
Prepare = Callable[[OutboxEvent], Awaitable[dict[str, Any]]]


def backoff_delay(attempts: int, *, base: float = 1.0, cap: float = 300.0) -> timedelta:
    """Exponential backoff with full jitter: up to base * 2**attempts seconds, capped."""
    ceiling = min(cap, base * (2 ** min(attempts, 20)))
    return timedelta(seconds=random.uniform(ceiling / 2, ceiling))  # noqa: S311 - jitter


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
        lease: timedelta = timedelta(seconds=60),
        poll_seconds: float = 1.0,
    ) -> None:
        self._sessions = session_factory
        self.events_url = events_url
        self._credentials = credentials
        self._http = http or httpx.AsyncClient(timeout=10.0)
        self._owns_http = http is None
        self._prepare = prepare
        self.batch_size = batch_size
        self.lease = lease
        self.poll_seconds = poll_seconds
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
        for event in events:
            await self._send(event)
        return len(events)

    async def _send(self, event: OutboxEvent) -> None:
        error: str | None = None
        data: dict[str, Any] | None = None
        try:
            if self._prepare is not None:
                data = await self._prepare(event)
                event.data = data
            response = await self._post(event.as_cloudevent())
            if not response.is_success:
                error = f"HTTP {response.status_code}"
        except EventNotReady as not_ready:
            error = f"not ready: {not_ready}"
        except httpx.HTTPError as failure:
            error = f"{type(failure).__name__}"
        async with self._sessions() as session, session.begin():
            stored = await session.get(OutboxEvent, event.id)
            if stored is None or stored.lease_token != event.lease_token:
                return  # the lease ran out and another relay took the event over
            if data is not None:
                stored.data = data
            stored.attempts += 1
            stored.lease_token = None
            if error is None:
                stored.status = SENT
                stored.sent_at = utc_now()
                stored.last_error = None
                logger.info("event sent", extra={"event_id": str(event.id), "type": event.type})
            else:
                stored.last_error = error
                stored.next_attempt_at = utc_now() + backoff_delay(stored.attempts)
                logger.warning(
                    "event not accepted",
                    extra={"event_id": str(event.id), "error": error, "attempts": stored.attempts},
                )

    async def _post(self, cloudevent: dict[str, Any]) -> httpx.Response:
        token = await self._credentials.token()
        headers = {"Authorization": f"Bearer {token}", "Content-Type": CLOUDEVENTS_MEDIA_TYPE}
        response = await self._http.post(self.events_url, json=cloudevent, headers=headers)
        if response.status_code == 401:
            self._credentials.forget()
        return response

    async def run(self, stop: asyncio.Event) -> None:
        """Relay until `stop` is set; errors are logged and retried, never fatal."""
        while not stop.is_set():
            try:
                claimed = await self.relay_once()
            except Exception:
                logger.exception("outbox relay pass failed")
                claimed = 0
            if claimed == 0:
                self._wake.clear()
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


async def count_pending(session: AsyncSession) -> int:
    total = await session.scalar(
        select(func.count()).select_from(OutboxEvent).where(OutboxEvent.status == PENDING)
    )
    return int(total or 0)
