"""The delivery worker: claims due deliveries, pushes them, records every attempt, sweeps.

Deliveries are claimed with `platform_shared.queue.claim_due` (`FOR UPDATE SKIP LOCKED`
on PostgreSQL, so any number of workers run side by side; one at a time on SQLite) under
a lease: a worker that dies mid-push loses nothing, the row falls due again when the
lease runs out, and the receiver deduplicates the repeat on its `webhook-id`. An attempt
is recorded only by the worker still holding the lease.

A running worker keeps up to `delivery_batch_size` pushes in flight (a pipeline): it
claims more as pushes finish, and records the attempts that finished together in one
transaction (one statement per table), rather than one transaction per attempt. Rows
another transaction has locked, and the rare outcomes with more to do (a 410 disabling
the endpoint), are recorded one by one afterwards, as before.

The clock, the retry schedule and the random source are injectable so that tests can
play days of retries in a moment.

With tracing on, each attempt is a span of the trace its delivery was enqueued in (the
event's, from the service that wrote it), and its own context is sent with the webhook
(`traceparent`) and kept on the attempt row.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from opentelemetry.trace import SpanKind, Tracer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notify.deadlines.sweeper import sweep_overdue
from notify.delivery import repository
from notify.delivery.email import compose_email, send_email
from notify.delivery.endpoint_gone import disable_gone_endpoint
from notify.delivery.endpoint_health import check_failing_endpoints
from notify.delivery.exhaustion import (
    CUT_OFF_REASON,
    MANUAL_REFUSED_REASON,
    SMTP_REFUSED_PREFIX,
    tell_exhausted,
)
from notify.delivery.heartbeat import send_heartbeats
from notify.delivery.models import AttemptOutcome, AttemptTrigger, Delivery, DeliveryStatus
from notify.delivery.ordering import stream_of
from notify.delivery.recovery import tell_recovered
from notify.delivery.retry_timing import RetrySchedule, next_attempt_at, retry_after_seconds
from notify.delivery.webhook import AttemptResult, WebhookClient, post_webhook, webhook_body
from notify.endpoints.models import Channel, Endpoint
from notify.endpoints.sealing import Keyring, SealingError
from notify.notifications.models import OPEN_STATUSES, Notification, NotificationStatus
from notify.notifications.views import notification_view
from notify.proofs.jobs import ProofJobs
from notify.proofs.log import delivered_leaf, enable_log, log_delivered
from notify.rules.catalogue import Catalogue, parse_window
from notify.sandbox import simulated_attempt
from notify.settings import Settings
from platform_shared.calendar import utc_now
from platform_shared.db import is_sqlite
from platform_shared.tracing import current_traceparent, span_from
from platform_shared.web.clock import Clock

logger = logging.getLogger("notify.delivery")

GONE_REASON = "the endpoint answered 410 Gone and was disabled"
#: How long the worker trusts what it last wrote of an endpoint's failure streak before
#: writing it again (another worker may have changed it meanwhile).
STREAK_MEMORY_SECONDS = 60.0


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
    #: The trace context the delivery was enqueued in (None: tracing was off).
    traceparent: str | None = None
    #: The attempt a retry or a recover asked for (a simulated sandbox 5xx accepts it).
    manual: bool = False
    #: Its place in the endpoint's stream (None: made before ordered push).
    endpoint_sequence: int | None = None
    #: What the webhook body says of the stream (`notify.delivery.ordering.stream_of`).
    stream: dict[str, Any] | None = None


@dataclass(frozen=True)
class Pushed:
    """A finished push waiting to be recorded."""

    job: Job
    result: AttemptResult
    attempted_at: datetime
    #: The attempt's own span, when traced.
    traceparent: str | None = None
    #: The bytes pushed (the webhook body, the email message): hashed into the log.
    body: bytes = b""


@dataclass(frozen=True)
class Conclusion:
    """What one attempt does to its delivery (decided under the delivery's row lock)."""

    outcome: AttemptOutcome
    status: str
    next_attempt_at: datetime
    delivered_at: datetime | None
    ended_reason: str | None
    ended_at: datetime | None
    #: What made the attempt: the schedule, or a manual retry or recover.
    trigger: str = AttemptTrigger.SCHEDULED
    #: The endpoint answered 410 Gone: it is disabled and its organisation told.
    endpoint_gone: bool = False


@dataclass
class Recording:
    """What one recording transaction writes, and what it leaves for one-by-one recording."""

    deliveries: list[dict[str, Any]] = field(default_factory=list)
    notifications: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    attempts: list[dict[str, Any]] = field(default_factory=list)
    leaves: list[dict[str, Any]] = field(default_factory=list)
    gone: list[uuid.UUID] = field(default_factory=list)
    recorded: list[tuple[Pushed, Conclusion]] = field(default_factory=list)
    left: list[Pushed] = field(default_factory=list)


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
        webhooks: WebhookClient | None = None,
        tracer: Tracer | None = None,
    ) -> None:
        self._sessions = sessions
        self._tracer = tracer
        self.settings = settings
        self.catalogue = catalogue
        self.clock = clock
        self.schedule = schedule or RetrySchedule()
        self._rng = rng
        self.batch_size = 1 if is_sqlite(settings.database_url) else settings.delivery_batch_size
        # Every push in flight keeps its connection for the next one to the same address.
        self._webhooks = webhooks or WebhookClient(max_idle_per_address=self.batch_size)
        self._owns_webhooks = webhooks is None
        self.cutoff = timedelta(hours=settings.delivery_cutoff_hours)
        self._keyring = settings.webhook_keyring()
        self.escalation_window = parse_window(settings.escalation_window)
        #: endpoint id -> (failing, when written, monotonic): see `_keep_streaks`.
        self._streaks: dict[uuid.UUID, tuple[bool, float]] = {}
        enable_log(settings.proof_log_enabled)
        self.proofs = ProofJobs(
            sessions, settings, catalogue, cutoff=self.cutoff, webhooks=self._webhooks
        )

    async def deliver_due(self) -> int:
        """Claim one batch of due deliveries, push them and record the attempts.

        Returns how many were claimed (and pushed). `run` overlaps these steps instead.
        """
        jobs = await self._claim(self.clock(), self.batch_size)
        if jobs:
            chains = await asyncio.gather(*(self._push_chain(c) for c in _chains(jobs)))
            await self._record([one for chain in chains for one in chain])
        return len(jobs)

    async def sweep(self) -> int:
        """`sweep_duties`, then the notification log's jobs that are due (checkpoint,
        monitor, purge). `run` runs the two apart."""
        swept = await self.sweep_duties()
        await self.proofs.run_due(self.clock())
        return swept

    async def sweep_duties(self) -> int:
        """Mark passed notifications overdue, escalate them, make next recurring duties;
        warn about and disable endpoints that keep failing; tell exhausted and recovered
        deliveries."""
        now = self.clock()
        swept = await sweep_overdue(
            self._sessions,
            self.catalogue,
            now=now,
            escalation_window=self.escalation_window,
            cutoff=self.cutoff,
        )
        swept += await check_failing_endpoints(
            self._sessions,
            self.catalogue,
            now=now,
            warn_after=self.settings.endpoint_warn_after,
            disable_after=self.settings.endpoint_disable_after,
            cutoff=self.cutoff,
        )
        swept += await tell_exhausted(self._sessions, self.catalogue, now=now, cutoff=self.cutoff)
        swept += await tell_recovered(self._sessions, self.catalogue, now=now, cutoff=self.cutoff)
        try:
            await send_heartbeats(
                self._sessions,
                keyring=self._keyring,
                webhooks=self._webhooks,
                now=now,
                time_limit=self.settings.delivery_timeout_seconds,
                development=self.settings.is_development,
            )
        except Exception:
            logger.exception("sending heartbeats failed")
        return swept

    async def _keep_the_log(self, stop: asyncio.Event) -> None:
        """The notification log's jobs, in a task of their own beside the delivery loop:
        sequencing and signing thousands of entries never holds up a claim or a recording
        (`run_due` logs its errors)."""
        interval = min(self.settings.proof_checkpoint_seconds, self.settings.sweep_interval_seconds)
        while not stop.is_set():
            await self.proofs.run_due(self.clock())
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(interval):
                    await stop.wait()

    # -- claiming ------------------------------------------------------------------------

    async def _claim(self, now: datetime, limit: int) -> list[Job]:
        async with self._sessions() as session, session.begin():
            deliveries = await repository.claim_deliveries(
                session,
                now=now,
                limit=limit,
                lease=timedelta(seconds=self.settings.delivery_lease_seconds),
                order_wait=timedelta(seconds=self.settings.delivery_order_wait_seconds),
            )
            if not deliveries:
                return []
            notifications, endpoints = await repository.notifications_and_endpoints_of(
                session, deliveries
            )
            jobs = self._jobs_of(deliveries, notifications, endpoints, now)
            webhooks = {job.delivery_id for job in jobs if job.channel == Channel.WEBHOOK}
            streams = await stream_of(
                session,
                [d for d in deliveries if d.id in webhooks],
                endpoints,
                {n.id: n.sequence for n in notifications.values()},
            )
            return [replace(job, stream=streams.get(job.delivery_id)) for job in jobs]

    def _jobs_of(
        self,
        deliveries: Sequence[Delivery],
        notifications: dict[uuid.UUID, Notification],
        endpoints: dict[uuid.UUID, Endpoint],
        now: datetime,
    ) -> list[Job]:
        """A job per claimed delivery still needed; the others are cancelled (in the claim)."""
        jobs = []
        payloads: dict[uuid.UUID, dict[str, Any]] = {}
        for delivery in deliveries:
            notification = notifications[delivery.notification_id]
            endpoint = endpoints[delivery.endpoint_id]
            reason = _no_longer_needed(notification, endpoint)
            if reason is not None:
                delivery.status = DeliveryStatus.CANCELLED
                delivery.ended_reason = reason
                delivery.lease_token = None
                continue
            try:
                secrets = signing_secrets(endpoint, self._keyring, now)
            except SealingError:
                # A KEK missing from the settings: the push waits (its lease runs out and
                # it is claimed again) until the operator restores the key; never unsigned.
                logger.error(
                    "webhook secret cannot be opened",
                    extra={"delivery_id": str(delivery.id), "endpoint_id": str(endpoint.id)},
                )
                continue
            payload = payloads.get(notification.id)
            if payload is None:
                payload = notification_view(notification, self.catalogue).model_dump(mode="json")
                payloads[notification.id] = payload
            jobs.append(_job(delivery, notification, endpoint, secrets, payload))
        return jobs

    # -- pushing -------------------------------------------------------------------------

    async def _push_chain(self, chain: Sequence[Job]) -> list[Pushed]:
        """Push an endpoint's claimed deliveries one after another, in its stream's order.

        A push not accepted ends the chain: the later ones are handed back unpushed, and
        wait behind it (up to the order wait) as any later delivery does.
        """
        pushed: list[Pushed] = []
        for index, job in enumerate(chain):
            one = await self._push_and_time(job)
            pushed.append(one)
            if not one.result.accepted and index + 1 < len(chain):
                await self._release(chain[index + 1 :])
                break
        return pushed

    async def _release(self, jobs: Sequence[Job]) -> None:
        try:
            async with self._sessions() as session, session.begin():
                await repository.release_deliveries(
                    session, [(job.delivery_id, job.lease_token) for job in jobs], self.clock()
                )
        except Exception:
            # Their leases run out and they are claimed again, in order.
            logger.exception("handing back unpushed deliveries failed")

    async def _push_and_time(self, job: Job) -> Pushed:
        attempted_at = self.clock()
        sent: list[bytes] = []
        with span_from(
            self._tracer,
            f"deliver {job.channel}",
            job.traceparent,
            kind=SpanKind.CLIENT,
            attributes={
                "delivery.id": str(job.delivery_id),
                "notification.id": str(job.notification_id),
                "delivery.channel": job.channel,
            },
        ) as span:
            traceparent = current_traceparent() if span is not None else None
            try:
                result = await self._push(job, sent)
            except Exception as error:  # a push must never take the worker down
                logger.exception(
                    "push failed unexpectedly", extra={"delivery_id": str(job.delivery_id)}
                )
                result = AttemptResult(None, f"internal error: {type(error).__name__}", 0)
            if span is not None:
                if result.status_code is not None:
                    span.set_attribute("delivery.status_code", result.status_code)
                if result.error is not None:
                    span.set_attribute("delivery.error", result.error.split(":")[0])
        return Pushed(job, result, attempted_at, traceparent, sent[0] if sent else b"")

    async def _push(self, job: Job, sent: list[bytes]) -> AttemptResult:
        """Push the job; what is sent is appended to `sent` (for the log's body hash)."""
        settings = self.settings
        if (
            simulated := simulated_attempt(job.channel, job.target, job.payload, manual=job.manual)
        ) is not None:
            return simulated  # a sandbox endpoint's: never reaches the network (notify.sandbox)
        if job.channel == Channel.WEBHOOK:
            timestamp = utc_now()
            body = webhook_body(job.payload, timestamp, stream=job.stream)
            sent.append(body.encode())
            return await post_webhook(
                self._webhooks,
                url=job.target,
                secrets=job.secrets,
                message_id=str(job.delivery_id),
                body=body,
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
        sent.append(message.as_bytes())
        return await send_email(
            message,
            host=settings.smtp_host,
            port=settings.smtp_port,
            time_limit=settings.delivery_timeout_seconds,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
            start_tls=settings.smtp_starttls,
        )

    # -- recording -----------------------------------------------------------------------

    async def _record(self, pushed: list[Pushed]) -> None:
        """Record finished pushes: together where possible, the rest one by one.

        Never raises: an attempt that cannot be recorded stays leased, falls due again
        when the lease runs out, and is pushed again (the receiver deduplicates it).
        """
        if not pushed:
            return
        left: Sequence[Pushed] = pushed
        if len(pushed) > 1:
            try:
                left = await self._record_together(pushed, wait=False)
            except Exception:
                logger.exception("recording a group of attempts failed; recording one by one")
                left = pushed
        for one in left:
            try:
                await self._record_together([one], wait=True)
            except Exception:
                logger.exception(
                    "recording an attempt failed", extra={"delivery_id": str(one.job.delivery_id)}
                )

    async def _record_together(self, pushed: Sequence[Pushed], *, wait: bool) -> list[Pushed]:
        """Record the attempts in one transaction; returns those left for one-by-one recording.

        Lock order notification, then delivery: the same as acknowledgement. With
        `wait=False` (a group) rows another transaction holds are skipped, never waited
        for, so the group never waits while holding locks (no deadlock with the
        acknowledgement, the ending of duties or the 410 path, which lock one
        notification or endpoint and then several deliveries); what was skipped is
        returned. With `wait=True` (one attempt) it waits, as a single row cannot
        deadlock, and also handles a 410.
        """
        now = self.clock()
        async with self._sessions() as session, session.begin():
            connection = await session.connection()
            if wait:
                # A 410 disables the endpoint and fails its other pending deliveries: lock
                # the endpoint first, as removing an endpoint does, then the deliveries.
                gone = {p.job.endpoint_id for p in pushed if _gone(p.job, p.result)}
                if gone:
                    await repository.lock_endpoints(connection, list(gone))
            # Only a delivered attempt changes its notification, so only those are locked.
            accepted = {p.job.notification_id for p in pushed if p.result.accepted}
            notifications = (
                await repository.lock_notifications(
                    connection, list(accepted), skip_locked=not wait
                )
                if accepted
                else {}
            )
            deliveries = await repository.lock_deliveries(
                connection, [p.job.delivery_id for p in pushed], skip_locked=not wait
            )
            recording = self._recording(pushed, notifications, deliveries, wait=wait, now=now)
            await repository.write_attempts(
                connection,
                deliveries=recording.deliveries,
                notifications=list(recording.notifications.values()),
            )
            for endpoint_id in recording.gone:
                await disable_gone_endpoint(
                    session,
                    endpoint_id,
                    self.catalogue,
                    reason=GONE_REASON,
                    now=now,
                    cutoff=self.cutoff,
                )
            await repository.insert_attempts(connection, recording.attempts)
            await log_delivered(connection, recording.leaves)
        _log_attempts(recording.recorded)
        await self._keep_streaks(recording.recorded)
        return recording.left

    async def _keep_streaks(self, recorded: Sequence[tuple[Pushed, Conclusion]]) -> None:
        """Start or end the failure streak of the endpoints of recorded attempts.

        In a transaction of its own after the recording, which locks nothing else: the
        recording never waits for an endpoint row. Only a change from what this worker
        last wrote (within `STREAK_MEMORY_SECONDS`) is written; the sweeper checks the
        attempts log before it acts, so a streak left stale by a race disables nothing.
        """
        first_failure: dict[uuid.UUID, datetime] = {}
        accepted: set[uuid.UUID] = set()
        for one, _conclusion in recorded:
            endpoint_id = one.job.endpoint_id
            if one.result.accepted:
                accepted.add(endpoint_id)
            elif endpoint_id not in first_failure or one.attempted_at < first_failure[endpoint_id]:
                first_failure[endpoint_id] = one.attempted_at
        clock = time.monotonic()

        def known(endpoint_id: uuid.UUID, failing: bool) -> bool:
            state = self._streaks.get(endpoint_id)
            return (
                state is not None
                and state[0] == failing
                and clock - state[1] < STREAK_MEMORY_SECONDS
            )

        healthy = [e for e in accepted if not known(e, False)]
        failing = {
            e: at for e, at in first_failure.items() if e not in accepted and not known(e, True)
        }
        if not healthy and not failing:
            return
        try:
            async with self._sessions() as session, session.begin():
                connection = await session.connection()
                await repository.mark_healthy(connection, healthy)
                await repository.mark_failing(connection, failing)
        except Exception:
            logger.exception("keeping endpoints' failure streaks failed")
            return
        if len(self._streaks) > 10_000:
            self._streaks.clear()
        for endpoint_id in healthy:
            self._streaks[endpoint_id] = (False, clock)
        for endpoint_id in failing:
            self._streaks[endpoint_id] = (True, clock)

    def _recording(
        self,
        pushed: Sequence[Pushed],
        notifications: dict[uuid.UUID, Any],
        deliveries: dict[uuid.UUID, Any],
        *,
        wait: bool,
        now: datetime,
    ) -> Recording:
        """What to write for each attempt, from its rows read under lock."""
        recording = Recording()
        for one in pushed:
            job, result = one.job, one.result
            delivery = deliveries.get(job.delivery_id)
            if delivery is None:
                if not wait:
                    recording.left.append(one)  # locked by another transaction: one by one
                continue
            if delivery.lease_token != job.lease_token:
                continue  # the lease ran out and another worker took the delivery over
            pending = delivery.status == DeliveryStatus.PENDING
            notification = notifications.get(job.notification_id)
            if pending and result.accepted and notification is None:
                if not wait:
                    recording.left.append(one)
                continue
            conclusion = self._conclude(job, result, delivery, now)
            if conclusion.endpoint_gone and not wait:
                recording.left.append(one)
                continue
            recording.deliveries.append(_delivery_row(one, delivery, conclusion))
            if pending and result.accepted and notification is not None:
                changed = _delivered_notification(notification, now)
                if changed is not None:
                    recording.notifications[job.notification_id] = changed
            if conclusion.endpoint_gone:
                recording.gone.append(job.endpoint_id)
            recording.attempts.append(_attempt_row(one, conclusion))
            if result.accepted:
                recording.leaves.append(_delivered_leaf(one, now))
            recording.recorded.append((one, conclusion))
        return recording

    def _conclude(
        self, job: Job, result: AttemptResult, delivery: Any, now: datetime
    ) -> Conclusion:
        """What the attempt does to its delivery, read (`delivery`) under its row lock."""
        keep = Conclusion(
            outcome=AttemptOutcome.DELIVERED if result.accepted else AttemptOutcome.FAILED,
            status=delivery.status,
            next_attempt_at=delivery.next_attempt_at,
            delivered_at=delivery.delivered_at,
            ended_reason=delivery.ended_reason,
            ended_at=delivery.ended_at,
            trigger=delivery.next_trigger or AttemptTrigger.SCHEDULED,
        )
        if delivery.status != DeliveryStatus.PENDING:
            # Cancelled or failed while in flight (acknowledged, endpoint removed): the
            # attempt is still recorded, the delivery keeps its end.
            return keep
        if result.accepted:
            return replace(keep, status=DeliveryStatus.DELIVERED, delivered_at=now)
        failed = replace(keep, status=DeliveryStatus.FAILED, ended_at=now)
        if _gone(job, result):
            return replace(failed, ended_reason=GONE_REASON, endpoint_gone=True)
        if job.channel == Channel.EMAIL and is_permanent_smtp_failure(result.status_code):
            reason = f"{SMTP_REFUSED_PREFIX} (SMTP {result.status_code})"
            return replace(failed, ended_reason=reason)
        if keep.trigger == AttemptTrigger.MANUAL:
            # A retry or a recover asks for one attempt now, not a new retry schedule:
            # not accepted, the delivery is failed again and can be retried again.
            return replace(failed, ended_reason=MANUAL_REFUSED_REASON)
        retry_after = None
        if result.status_code in (429, 503):
            retry_after = retry_after_seconds(result.retry_after, now)
        when = next_attempt_at(
            now=now,
            failed_attempts=delivery.attempts + 1,
            schedule=self.schedule,
            give_up_at=delivery.give_up_at,
            retry_after=retry_after,
            retry_after_max=self.settings.retry_after_max_seconds,
            rng=self._rng,
        )
        if when is None:
            return replace(failed, ended_reason=CUT_OFF_REASON)
        return replace(keep, outcome=AttemptOutcome.RETRY, next_attempt_at=when)

    # -- the loop ------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver and sweep until `stop` is set; errors are logged, never fatal.

        Keeps up to `batch_size` pushes in flight: claims as slots free up (a few at a
        time under load, so that claims stay batches), records what has finished in
        groups, and claims again at once while the last claim took all it asked for;
        otherwise every `delivery_poll_seconds`. On stop, the pushes in flight are
        finished and recorded.
        """
        capacity = self.batch_size
        claim_at = max(1, capacity // 5)
        poll = self.settings.delivery_poll_seconds
        wake = asyncio.Event()
        finished: list[Pushed] = []
        #: Each endpoint's chain of pushes in flight, and how many pushes it holds.
        in_flight: dict[asyncio.Task[list[Pushed]], int] = {}
        next_sweep = 0.0
        #: When to claim next (monotonic); 0 while the queue may hold more than was taken.
        next_claim = 0.0

        def done(task: asyncio.Task[list[Pushed]]) -> None:
            in_flight.pop(task, None)
            if not task.cancelled():
                finished.extend(task.result())  # `_push_chain` never raises
            wake.set()

        watch_stop = asyncio.create_task(stop.wait())
        watch_stop.add_done_callback(lambda _: wake.set())
        keeping_the_log = asyncio.create_task(self._keep_the_log(stop))
        try:
            while True:
                wake.clear()
                if finished:
                    group = finished[:]
                    finished.clear()
                    await self._record(group)
                if stop.is_set():
                    if not in_flight and not finished:
                        break
                    await wake.wait()
                    continue
                if time.monotonic() >= next_sweep:
                    try:
                        await self.sweep_duties()
                    except Exception:
                        logger.exception("sweep failed")
                    next_sweep = time.monotonic() + self.settings.sweep_interval_seconds
                # Pushed but not yet recorded counts too: a worker killed now repeats at
                # most `capacity` pushes (their leases run out and another worker pushes).
                free = capacity - sum(in_flight.values()) - len(finished)
                if free >= (claim_at if in_flight else 1) and time.monotonic() >= next_claim:
                    try:
                        jobs = await self._claim(self.clock(), free)
                    except Exception:
                        logger.exception("claiming deliveries failed")
                        jobs = []
                    for chain in _chains(jobs):
                        task = asyncio.create_task(self._push_chain(chain))
                        in_flight[task] = len(chain)
                        task.add_done_callback(done)
                    next_claim = 0.0 if len(jobs) == free else time.monotonic() + poll
                    free -= len(jobs)
                if finished or stop.is_set():
                    continue
                # Sleep until a push finishes, or the next claim is due (when slots are free).
                timeout = None
                if free >= (claim_at if in_flight else 1):
                    timeout = max(next_claim - time.monotonic(), 0.0)
                try:
                    async with asyncio.timeout(timeout):
                        await wake.wait()
                except TimeoutError:
                    pass
        finally:
            watch_stop.cancel()
            for task in list(in_flight):
                task.cancel()
            if stop.is_set():
                await keeping_the_log  # finishes the job it is doing
            else:
                keeping_the_log.cancel()

    async def aclose(self) -> None:
        if self._owns_webhooks:
            await self._webhooks.aclose()


def signing_secrets(endpoint: Endpoint, keyring: Keyring, now: datetime) -> list[str]:
    """The secrets that sign a push to the endpoint: its own, and the previous one for the
    24 hours after a rotation. SealingError when the keyring cannot open one."""
    secrets = [keyring.open(endpoint.secret_sealed, endpoint.id)] if endpoint.secret_sealed else []
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret_sealed and expires is not None and expires > now:
        secrets.append(keyring.open(endpoint.previous_secret_sealed, endpoint.id))
    return secrets


def _job(
    delivery: Delivery,
    notification: Notification,
    endpoint: Endpoint,
    secrets: list[str],
    payload: dict[str, Any],
) -> Job:
    assert delivery.lease_token is not None
    return Job(
        delivery_id=delivery.id,
        lease_token=delivery.lease_token,
        notification_id=notification.id,
        endpoint_id=endpoint.id,
        channel=endpoint.channel,
        target=(endpoint.url if endpoint.channel == Channel.WEBHOOK else endpoint.address) or "",
        secrets=secrets,
        payload=payload,
        traceparent=delivery.traceparent,
        manual=delivery.next_trigger == AttemptTrigger.MANUAL,
        endpoint_sequence=delivery.endpoint_sequence,
    )


def _chains(jobs: Sequence[Job]) -> list[list[Job]]:
    """The claimed jobs as one chain per endpoint, in its stream's order."""
    chains: dict[uuid.UUID, list[Job]] = {}
    for job in jobs:
        chains.setdefault(job.endpoint_id, []).append(job)
    for chain in chains.values():
        chain.sort(key=lambda job: job.endpoint_sequence or 0)
    return list(chains.values())


def _delivery_row(one: Pushed, delivery: Any, conclusion: Conclusion) -> dict[str, Any]:
    """The parameters of the delivery update for a recorded attempt (`b_*`)."""
    return {
        "b_id": one.job.delivery_id,
        "b_token": one.job.lease_token,
        "b_attempts": delivery.attempts + 1,
        "b_error": one.result.error,
        "b_status": conclusion.status,
        "b_next": conclusion.next_attempt_at,
        "b_delivered_at": conclusion.delivered_at,
        "b_ended_reason": conclusion.ended_reason,
        "b_ended_at": conclusion.ended_at,
    }


def _attempt_row(one: Pushed, conclusion: Conclusion) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "delivery_id": one.job.delivery_id,
        "attempted_at": one.attempted_at,
        "duration_ms": one.result.duration_ms,
        "status_code": one.result.status_code,
        "error": one.result.error,
        "outcome": conclusion.outcome,
        "traceparent": one.traceparent,
        "trigger": conclusion.trigger,
    }


def _log_attempts(recorded: list[tuple[Pushed, Conclusion]]) -> None:
    for one, conclusion in recorded:
        logger.info(
            "delivery attempt",
            extra={
                "delivery_id": str(one.job.delivery_id),
                "notification_id": str(one.job.notification_id),
                "status_code": one.result.status_code or 0,
                "outcome": conclusion.outcome.value,
            },
        )


def _delivered_notification(notification: Any, now: datetime) -> dict[str, Any] | None:
    """The notification's new values after its first delivered push, or None if unchanged."""
    status = notification.status
    if status == NotificationStatus.PENDING:
        status = NotificationStatus.DELIVERED
    elif notification.delivered_at is not None:
        return None
    return {
        "b_id": notification.id,
        "b_status": status,
        "b_delivered_at": notification.delivered_at or now,
        "b_updated_at": now,
    }


def _delivered_leaf(one: Pushed, now: datetime) -> dict[str, Any]:
    job = one.job
    return delivered_leaf(
        job.notification_id,
        delivery_id=job.delivery_id,
        endpoint_id=job.endpoint_id,
        channel=job.channel,
        status_code=one.result.status_code,
        body=one.body,
        at=now,
    )


def _gone(job: Job, result: AttemptResult) -> bool:
    """A webhook answered 410 Gone: its endpoint is to be disabled."""
    return job.channel == Channel.WEBHOOK and result.status_code == 410


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
