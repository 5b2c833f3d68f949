"""The delivery worker: claims due deliveries, pushes them, records every attempt, sweeps.

Deliveries are claimed with `platform_shared.queue.claim_due` (`FOR UPDATE SKIP LOCKED`
on PostgreSQL, so any number of workers run side by side; one at a time on SQLite) under
a lease: a worker that dies mid-push loses nothing, the row falls due again when the
lease runs out, and the receiver deduplicates the repeat on its `webhook-id`. An attempt
is recorded only by the worker still holding the lease.

The clock, the retry schedule and the random source are injectable so that tests can
play days of retries in a moment.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notify.delivery.email import compose_email, send_email
from notify.delivery.endpoint_gone import disable_gone_endpoint
from notify.delivery.models import Delivery, DeliveryAttempt, DeliveryStatus
from notify.delivery.schedule import RetrySchedule, next_attempt_at, retry_after_seconds
from notify.delivery.webhook import AttemptResult, post_webhook, webhook_body
from notify.endpoints.models import Channel, Endpoint
from notify.notifications.models import OPEN_STATUSES, Notification, NotificationStatus
from notify.notifications.sweeper import sweep_overdue
from notify.notifications.views import notification_view
from notify.rules.catalogue import Catalogue, parse_window
from notify.settings import Settings
from platform_shared.db import is_sqlite, utc_now
from platform_shared.queue import claim_due

logger = logging.getLogger("notify.delivery")

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Job:
    """A claimed delivery and what its push needs, read in the claiming transaction."""

    delivery_id: uuid.UUID
    lease_token: uuid.UUID
    notification_id: uuid.UUID
    endpoint_id: uuid.UUID
    channel: str
    target: str
    secrets: list[str]
    payload: dict[str, Any]


class DeliveryWorker:
    """Pushes notifications to endpoints until stopped; also runs the sweeper."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        settings: Settings,
        catalogue: Catalogue,
        clock: Clock = utc_now,
        schedule: RetrySchedule | None = None,
        rng: random.Random | None = None,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self._sessions = sessions
        self.settings = settings
        self.catalogue = catalogue
        self.clock = clock
        self.schedule = schedule or RetrySchedule()
        self._rng = rng
        self._http = http or httpx.AsyncClient(follow_redirects=False, trust_env=False)
        self._owns_http = http is None
        self.batch_size = 1 if is_sqlite(settings.database_url) else settings.delivery_batch_size
        self.cutoff = timedelta(hours=settings.delivery_cutoff_hours)
        self.escalation_window = parse_window(settings.escalation_window)

    async def deliver_due(self) -> int:
        """Claim and push one batch of due deliveries; returns how many were claimed."""
        jobs = await self._claim(self.clock())
        if jobs:
            await asyncio.gather(*(self._attempt(job) for job in jobs))
        return len(jobs)

    async def sweep(self) -> int:
        """Mark passed notifications overdue, escalate them, make next recurring duties."""
        return await sweep_overdue(
            self._sessions,
            self.catalogue,
            now=self.clock(),
            escalation_window=self.escalation_window,
            cutoff=self.cutoff,
        )

    async def _claim(self, now: datetime) -> list[Job]:
        async with self._sessions() as session, session.begin():
            deliveries = await claim_due(
                session,
                Delivery,
                due=Delivery.status == DeliveryStatus.PENDING,
                order_by=[Delivery.next_attempt_at, Delivery.id],
                limit=self.batch_size,
                lease=timedelta(seconds=self.settings.delivery_lease_seconds),
                now=now,
            )
            if not deliveries:
                return []
            notifications = {
                row.id: row
                for row in await session.scalars(
                    select(Notification).where(
                        Notification.id.in_([d.notification_id for d in deliveries])
                    )
                )
            }
            endpoints = {
                row.id: row
                for row in await session.scalars(
                    select(Endpoint).where(Endpoint.id.in_([d.endpoint_id for d in deliveries]))
                )
            }
            jobs = []
            for delivery in deliveries:
                notification = notifications[delivery.notification_id]
                endpoint = endpoints[delivery.endpoint_id]
                reason = _no_longer_needed(notification, endpoint)
                if reason is not None:
                    delivery.status = DeliveryStatus.CANCELLED
                    delivery.ended_reason = reason
                    delivery.lease_token = None
                    continue
                jobs.append(self._job(delivery, notification, endpoint, now))
            return jobs

    def _job(
        self, delivery: Delivery, notification: Notification, endpoint: Endpoint, now: datetime
    ) -> Job:
        secrets = [endpoint.secret] if endpoint.secret else []
        expires = endpoint.previous_secret_expires_at
        if endpoint.previous_secret and expires is not None and expires > now:
            secrets.append(endpoint.previous_secret)
        assert delivery.lease_token is not None
        return Job(
            delivery_id=delivery.id,
            lease_token=delivery.lease_token,
            notification_id=notification.id,
            endpoint_id=endpoint.id,
            channel=endpoint.channel,
            target=(endpoint.url if endpoint.channel == Channel.WEBHOOK else endpoint.address)
            or "",
            secrets=secrets,
            payload=notification_view(notification, self.catalogue).model_dump(mode="json"),
        )

    async def _push(self, job: Job) -> AttemptResult:
        settings = self.settings
        if job.channel == Channel.WEBHOOK:
            timestamp = utc_now()
            return await post_webhook(
                self._http,
                url=job.target,
                secrets=job.secrets,
                message_id=str(job.delivery_id),
                body=webhook_body(job.payload, timestamp),
                timestamp=timestamp,
                time_limit=settings.delivery_timeout_seconds,
                development=settings.is_development,
            )
        message = compose_email(
            job.payload,
            sender=settings.smtp_from,
            to=job.target,
            inbox_base_url=settings.public_inbox_base_url,
        )
        return await send_email(
            message,
            host=settings.smtp_host,
            port=settings.smtp_port,
            time_limit=settings.delivery_timeout_seconds,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
            start_tls=settings.smtp_starttls,
        )

    async def _attempt(self, job: Job) -> None:
        attempted_at = self.clock()
        try:
            result = await self._push(job)
        except Exception as error:  # a push must never take the worker down
            logger.exception(
                "push failed unexpectedly", extra={"delivery_id": str(job.delivery_id)}
            )
            result = AttemptResult(None, f"internal error: {type(error).__name__}", 0)
        await self._record(job, result, attempted_at)

    async def _record(self, job: Job, result: AttemptResult, attempted_at: datetime) -> None:
        async with self._sessions() as session, session.begin():
            # Lock order notification, then delivery: the same as acknowledgement.
            notification = await session.scalar(
                select(Notification).where(Notification.id == job.notification_id).with_for_update()
            )
            delivery = await session.scalar(
                select(Delivery).where(Delivery.id == job.delivery_id).with_for_update()
            )
            if notification is None or delivery is None or delivery.lease_token != job.lease_token:
                return  # the lease ran out and another worker took the delivery over
            now = self.clock()
            delivery.attempts += 1
            delivery.lease_token = None
            delivery.last_error = result.error
            if delivery.status == DeliveryStatus.PENDING:
                outcome = await self._conclude(session, job, delivery, notification, result, now)
            else:
                # Cancelled or failed while in flight (acknowledged, endpoint removed): the
                # attempt is still recorded, the delivery keeps its end.
                outcome = "delivered" if result.accepted else "failed"
            session.add(
                DeliveryAttempt(
                    id=uuid.uuid4(),
                    delivery_id=delivery.id,
                    attempted_at=attempted_at,
                    duration_ms=result.duration_ms,
                    status_code=result.status_code,
                    error=result.error,
                    outcome=outcome,
                )
            )
        logger.info(
            "delivery attempt",
            extra={
                "delivery_id": str(job.delivery_id),
                "notification_id": str(job.notification_id),
                "status_code": result.status_code or 0,
                "outcome": outcome,
            },
        )

    async def _conclude(
        self,
        session: AsyncSession,
        job: Job,
        delivery: Delivery,
        notification: Notification,
        result: AttemptResult,
        now: datetime,
    ) -> str:
        if result.accepted:
            delivery.status = DeliveryStatus.DELIVERED
            delivery.delivered_at = now
            notification.delivered_at = notification.delivered_at or now
            if notification.status == NotificationStatus.PENDING:
                notification.status = NotificationStatus.DELIVERED
                notification.updated_at = now
            return "delivered"
        if job.channel == Channel.WEBHOOK and result.status_code == 410:
            reason = "the endpoint answered 410 Gone and was disabled"
            delivery.status = DeliveryStatus.FAILED
            delivery.ended_reason = reason
            await disable_gone_endpoint(
                session, job.endpoint_id, self.catalogue, reason=reason, now=now, cutoff=self.cutoff
            )
            return "failed"
        if job.channel == Channel.EMAIL and is_permanent_smtp_failure(result.status_code):
            delivery.status = DeliveryStatus.FAILED
            delivery.ended_reason = (
                f"the mail server refused it permanently (SMTP {result.status_code})"
            )
            return "failed"
        retry_after = None
        if result.status_code in (429, 503):
            retry_after = retry_after_seconds(result.retry_after, now)
        when = next_attempt_at(
            now=now,
            failed_attempts=delivery.attempts,
            schedule=self.schedule,
            give_up_at=delivery.give_up_at,
            retry_after=retry_after,
            retry_after_max=self.settings.retry_after_max_seconds,
            rng=self._rng,
        )
        if when is None:
            delivery.status = DeliveryStatus.FAILED
            delivery.ended_reason = "not accepted before the cut-off"
            return "failed"
        delivery.next_attempt_at = when
        return "retry"

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver and sweep until `stop` is set; errors are logged, never fatal."""
        next_sweep = 0.0
        poll = self.settings.delivery_poll_seconds
        while not stop.is_set():
            claimed = 0
            try:
                if time.monotonic() >= next_sweep:
                    await self.sweep()
                    next_sweep = time.monotonic() + self.settings.sweep_interval_seconds
                claimed = await self.deliver_due()
            except Exception:
                logger.exception("delivery pass failed")
            if claimed == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=poll)

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()


def is_permanent_smtp_failure(code: int | None) -> bool:
    """An SMTP 5xx reply: the server will refuse again; a 4xx, or no reply, may pass later."""
    return code is not None and 500 <= code <= 599


def _no_longer_needed(notification: Notification, endpoint: Endpoint) -> str | None:
    if notification.status not in OPEN_STATUSES:
        return f"notification {notification.status}"
    if endpoint.removed_at is not None:
        return "endpoint removed"
    if not endpoint.enabled:
        return "endpoint disabled"
    return None
