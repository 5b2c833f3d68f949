"""The chaos suite: the production shape on PostgreSQL, killed and refused while it works.

    python tests/system/chaos.py [--children 1000] [--seed 15]     # `make chaos`
    tests/system/test_chaos_short.py                               # about a minute, in `make test`

It starts the platform as `deploy/` runs it (the three APIs, two outbox relays per
producing service as processes of their own, three `notify-api deliver` workers; the
harness of `platform_harness.py`) and a verifying webhook receiver (`webhook_receiver.py`,
Standard Webhooks signatures checked with the `standardwebhooks` library) standing for
five endpoints of four organisations. Then, as Camden's case system and the Metropolitan
Police would, it records children placed in Derbyshire and a police contact with each
(three notifications a placement, three a police contact: `EXPECTED`), while it

- SIGKILLs a delivery worker, a relay or a service at random moments and starts it again
  (each of them at least once), and
- takes the receiver down as each quarter of the children starts: connection refused,
  then 503 with `Retry-After`, then 410 Gone on one endpoint for good.

When everything has settled it reads the three databases and the receiver's counts and
prints what was made, delivered, lost, duplicated and left in progress. `failures()` is
empty only when nothing was lost, duplicated or stuck and every signature verified; the
command exits 1 otherwise.

Every retry the drivers make carries the same `Idempotency-Key`, as a client whose
connection dropped must: a second record made by a retry would be the client's doing, not
the platform's.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import sys
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from journeys import CAMDEN, DERBYSHIRE, YOT_CAMDEN, YOT_DERBYSHIRE, london_today, register_webhook
from journeys import unique_family_name as family_name
from platform_harness import RELAYING_SERVICES, SERVICE_OFFSETS, Platform, free_base_port
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError
from webhook_receiver import WebhookReceiver

from platform_shared.db import create_engine
from platform_shared.testing import free_port, postgres_unavailable_reason, serve_over_http

HEALTH_DERBYSHIRE = f"health-{DERBYSHIRE}"
HEALTH_CAMDEN = f"health-{CAMDEN}"
#: What each record brings (rules.yaml): the out-of-area placement of a looked-after child
#: tells the area authority and area health; a police contact with them tells the
#: responsible authority, the home YOT and, placed out of area, the area YOT. A
#: notification is told apart by its record's id in its `subject`.
EXPECTED = (
    ("placement", "placement-out-of-area", DERBYSHIRE, "area_authority"),
    ("placement", "placement-out-of-area", HEALTH_DERBYSHIRE, "area_health"),
    # reg 13(2)(f): the health body of the child's home area too (rules.md Revision 2).
    ("placement", "placement-out-of-area", HEALTH_CAMDEN, "home_health"),
    ("incident", "police-contact-looked-after", CAMDEN, "responsible_authority"),
    ("incident", "police-contact-looked-after", YOT_CAMDEN, "home_yot"),
    ("incident", "police-contact-looked-after", YOT_DERBYSHIRE, "area_yot"),
)
#: The receiver's endpoints: (name, the client registering it, its organisation). Each
#: takes every rule and role. `GONE` answers 410 from the third fault on; Derbyshire keeps
#: its other endpoint, which also gets the `endpoint-disabled` notice.
ENDPOINTS = (
    ("derbyshire", "demo-derbyshire", DERBYSHIRE),
    ("derbyshire-gone", "demo-derbyshire", DERBYSHIRE),
    ("camden", "demo-camden", CAMDEN),
    ("yot-camden", "demo-yot-camden", YOT_CAMDEN),
    ("yot-derbyshire", "demo-yot-derbyshire", YOT_DERBYSHIRE),
)
GONE = "derbyshire-gone"
#: The reason notify-api ends a delivery with when its endpoint answered 410.
#: Why notify-api ends a delivery once its endpoint answered 410: the 410 itself (and the
#: pending ones then), or a delivery made by an intake that read the endpoint just before
#: it was disabled, ended by the worker that claims it.
GONE_REASONS = ("the endpoint answered 410 Gone and was disabled", "endpoint disabled")
#: Delivery workers as in a small production deployment; a 15 s lease (the least allowed)
#: so a killed worker's pushes are due again soon; 20 pushes in flight per worker.
WORKERS = 3
RELAYS = 2
WORKER_ENV = {
    "NOTIFY_DELIVERY_LEASE_SECONDS": "15",
    "NOTIFY_DELIVERY_BATCH_SIZE": "20",
}


@dataclass
class ChaosConfig:
    children: int = 1000
    seed: int = 15
    #: Police contacts recorded with each child (three notifications each).
    incidents_per_child: int = 3
    #: Children recorded at once (each child's requests go one after another).
    concurrency: int = 12
    #: Seconds between one victim's restart and the next kill (chosen at random).
    kill_gap: tuple[float, float] = (2.0, 6.0)
    #: Seconds a killed process stays down.
    down_for: tuple[float, float] = (0.5, 3.0)
    #: How long each receiver fault lasts, seconds (connection refused, then 503).
    fault_seconds: float = 3.0
    #: How long the platform may take to drain once the chaos stops. A killed relay's
    #: events wait out its 120 s lease; a delivery refused twice waits 30 s more.
    settle_seconds: float = 420.0
    kill_relays: bool = True
    var_dir: Path = field(default_factory=lambda: Path("var/chaos"))


@dataclass
class ChaosResult:
    children: int = 0
    records: int = 0
    expected: int = 0
    made: int = 0
    notices: int = 0
    never_made: int = 0
    duplicate_notifications: int = 0
    pushes_owed: int = 0
    delivered: int = 0
    pushes_excused_by_410: int = 0
    lost_pushes: int = 0
    two_webhook_ids: int = 0
    redelivered_same_id: int = 0
    deliveries_in_progress: int = 0
    outbox_in_progress: int = 0
    bad_signatures: int = 0
    attempt_rows: int = 0
    attempt_rows_delivered: int = 0
    attempt_rows_refused: int = 0
    receiver_requests: int = 0
    receiver_accepted: int = 0
    receiver_answers: dict[int, int] = field(default_factory=dict)
    deliveries_delivered: int = 0
    receiver_distinct: int = 0
    kills: Counter[str] = field(default_factory=Counter)
    lost_detail: list[str] = field(default_factory=list)
    unhandled_errors: Counter[str] = field(default_factory=Counter)
    server_errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    settled_in: float | None = None

    @property
    def lost(self) -> int:
        return self.never_made + self.lost_pushes

    def failures(self) -> list[str]:
        checks = {
            "lost": self.lost,
            "notifications made twice": self.duplicate_notifications,
            "delivered under two webhook-ids": self.two_webhook_ids,
            "left in progress": self.deliveries_in_progress + self.outbox_in_progress,
            "bad signatures": self.bad_signatures,
            "attempts recorded delivered that the receiver never accepted": max(
                0, self.attempt_rows_delivered - self.receiver_accepted
            ),
        }
        return [f"{name}: {count}" for name, count in checks.items() if count]

    def report(self) -> str:
        answers = ", ".join(f"{code}: {n}" for code, n in sorted(self.receiver_answers.items()))
        kills = ", ".join(f"{name} {n}" for name, n in sorted(self.kills.items()))
        errors = ", ".join(f"{k} {n}" for k, n in sorted(self.server_errors.items())) or "none"
        settled = f"{self.settled_in:.0f} s" if self.settled_in is not None else "NOT SETTLED"
        unhandled = (
            ", ".join(f"{k} {n}" for k, n in sorted(self.unhandled_errors.items())) or "none"
        )
        rows = [
            (
                "children recorded",
                f"{self.children} ({self.records} placements and police contacts)",
            ),
            ("notifications expected", f"{self.expected}"),
            ("notifications made", f"{self.made} (+ {self.notices} endpoint-disabled notices)"),
            ("notifications never made (lost)", f"{self.never_made}"),
            ("notifications made twice", f"{self.duplicate_notifications}"),
            ("pushes owed to the receiver's endpoints", f"{self.pushes_owed}"),
            ("pushes delivered (verified, accepted)", f"{self.delivered}"),
            ("pushes failed by the 410 endpoint", f"{self.pushes_excused_by_410}"),
            ("pushes lost", f"{self.lost_pushes}"),
            ("LOST in all", f"{self.lost}"),
            ("delivered under two different webhook-ids", f"{self.two_webhook_ids}"),
            ("redelivered under the same webhook-id", f"{self.redelivered_same_id}"),
            ("deliveries left in progress", f"{self.deliveries_in_progress}"),
            ("outbox events left in progress", f"{self.outbox_in_progress}"),
            ("bad signatures", f"{self.bad_signatures}"),
            ("attempt rows (all outcomes)", f"{self.attempt_rows}"),
            ("attempt rows with no answer (connection refused)", f"{self.attempt_rows_refused}"),
            ("receiver requests (all answers)", f"{self.receiver_requests} ({answers})"),
            ("attempt rows `delivered`", f"{self.attempt_rows_delivered}"),
            ("receiver accepted (2xx, counting repeats)", f"{self.receiver_accepted}"),
            (
                "deliveries `delivered` / distinct webhook-ids accepted",
                f"{self.deliveries_delivered} / {self.receiver_distinct}",
            ),
            ("SIGKILLs", kills),
            ("5xx answers to the drivers (retried)", errors),
            ("unhandled errors in the processes' logs", unhandled),
            ("drained after the chaos in", settled),
            ("whole run", f"{self.seconds:.0f} s"),
        ]
        width = max(len(name) for name, _ in rows)
        lines = [f"  {name.ljust(width)}  {value}" for name, value in rows]
        verdict = "; ".join(self.failures()) or "nothing lost, duplicated or stuck"
        lost = [f"  lost: {line}" for line in self.lost_detail[:20]]
        return "\n".join(["chaos run:", *lines, *lost, f"verdict: {verdict}"])


class Driver:
    """Camden's case system and the Met's custody system, retrying as real clients must."""

    def __init__(
        self,
        platform: Platform,
        result: ChaosResult,
        start_date: str,
        total: int,
        incidents: int,
    ) -> None:
        self.platform = platform
        self.result = result
        self.start_date = start_date
        self.total = total
        self.incidents = incidents
        #: Per person_ref, the records made: ("placement" or "incident", its id).
        self.recorded: dict[str, list[tuple[str, str]]] = {}
        self.done = 0
        self._milestones: dict[float, asyncio.Event] = {}

    async def reached(self, fraction: float) -> None:
        """Wait until `fraction` of the children are recorded."""
        event = self._milestones.setdefault(fraction, asyncio.Event())
        if self.done >= fraction * self.total:
            event.set()
        await event.wait()

    async def request(
        self, client: httpx.AsyncClient, path: str, body: dict[str, Any]
    ) -> dict[str, Any]:
        """POST until answered 201 (or 200, a replay); every try the same request and key."""
        key = str(uuid.uuid4())
        deadline = time.monotonic() + 180
        while True:
            try:
                response = await client.post(path, json=body, headers={"Idempotency-Key": key})
            except httpx.TransportError:
                response = None
            if response is not None and response.status_code in (200, 201):
                answer: dict[str, Any] = response.json()
                return answer
            if response is not None and response.status_code >= 500:
                self.result.server_errors[f"{response.status_code} {path.split('/')[2]}"] += 1
            elif response is not None and response.status_code not in (401, 409, 429):
                raise AssertionError(f"POST {path}: {response.status_code} {response.text}")
            if time.monotonic() > deadline:
                raise AssertionError(f"POST {path} not answered in 180 s")
            await asyncio.sleep(0.3)

    async def child(self, camden: httpx.AsyncClient, police: httpx.AsyncClient) -> None:
        child = await self.request(
            camden,
            "/v1/children",
            {
                "given_name": "Amelia",
                "family_name": family_name("Chaos"),
                "date_of_birth": "2011-03-15",
            },
        )
        person_ref = child["person_ref"]
        self.recorded[person_ref] = []
        await self.request(
            camden,
            f"/v1/children/{child['id']}/legal-statuses",
            {"basis": "care_order_s31", "start_date": "2025-01-10"},
        )
        placement = await self.request(
            camden,
            f"/v1/children/{child['id']}/placements",
            {
                "placement_type": "childrens_home",
                "area_authority": DERBYSHIRE,
                "start_date": self.start_date,
                "emergency": True,
            },
        )
        self.recorded[person_ref].append(("placement", placement["id"]))
        for _ in range(self.incidents):
            incident = await self.request(
                police,
                "/v1/incidents",
                {
                    "person_ref": person_ref,
                    "kind": "police_contact",
                    "occurred_at": datetime.now(UTC).isoformat(),
                    "setting": "community",
                },
            )
            self.recorded[person_ref].append(("incident", incident["id"]))
        self.done += 1
        for fraction, event in self._milestones.items():
            if self.done >= fraction * self.total:
                event.set()


class Chaos:
    """Kills and restarts processes at random moments; turns the receiver off and on."""

    def __init__(
        self,
        platform: Platform,
        receiver: WebhookReceiver,
        port: int,
        config: ChaosConfig,
        result: ChaosResult,
    ) -> None:
        self.platform = platform
        self.receiver = receiver
        self.port = port
        self.config = config
        self.result = result
        self.rng = random.Random(config.seed)
        self.victims = [f"worker-{n}" for n in range(WORKERS)]
        self.victims += ["care-status-api", "incident-api", "notify-api"]
        if config.kill_relays:
            self.victims += [f"{s}-relay-{n}" for s in RELAYING_SERVICES for n in range(RELAYS)]
        self.stack = AsyncExitStack()
        self.quarter_started = [asyncio.Event() for _ in range(4)]

    async def serve_receiver(self) -> None:
        await self.stack.enter_async_context(serve_over_http(self.receiver.app, port=self.port))

    async def stop_receiver(self) -> None:
        await self.stack.aclose()
        self.stack = AsyncExitStack()

    async def kill_processes(self, driving: Callable[[], bool]) -> None:
        """While the drive goes on, and until each victim died once: kill one, restart it."""
        first_round = self.victims[:]
        self.rng.shuffle(first_round)
        while driving() or first_round:
            await asyncio.sleep(self.rng.uniform(*self.config.kill_gap))
            # After each has died once, a service less often: under load its restart takes
            # tens of seconds in which the drivers only wait.
            weights = [1 if name in SERVICE_OFFSETS else 3 for name in self.victims]
            victim = (
                first_round.pop() if first_round else self.rng.choices(self.victims, weights)[0]
            )
            log(f"SIGKILL {victim}")
            await asyncio.to_thread(self.platform.kill, victim)
            self.result.kills[victim] += 1
            await asyncio.sleep(self.rng.uniform(*self.config.down_for))
            # A loaded host (2 cores, many test runs) can take a minute to start an API.
            await asyncio.to_thread(self.platform.restart, victim, 300)

    async def receiver_faults(self, driver: Driver) -> None:
        """A fault as each quarter of the children starts: none, connection refused, 503
        with `Retry-After`, then 410 on `GONE` for good. A quarter waits for its fault, so
        that there are pushes to refuse however fast the drive goes."""
        self.quarter_started[0].set()
        await driver.reached(0.25)
        log("receiver down: connection refused")
        await self.stop_receiver()
        self.quarter_started[1].set()
        await self._hold(self._refused_attempts)
        await self.serve_receiver()
        await driver.reached(0.5)
        log("receiver answers 503 Retry-After: 1")
        self.receiver.retry_after = "1"
        self.receiver.status_code = 503
        self.quarter_started[2].set()

        async def answered_503() -> int:
            return self.receiver.answers[503]

        await self._hold(answered_503)
        self.receiver.status_code = 204
        await driver.reached(0.75)
        log(f"endpoint {GONE} answers 410 Gone")
        self.receiver.endpoint_status[GONE] = 410
        self.quarter_started[3].set()

    async def _hold(self, hits: Callable[[], Awaitable[int]]) -> None:
        """Keep a fault for `fault_seconds`, and until it refused a push (a minute at most)."""
        await asyncio.sleep(self.config.fault_seconds)
        for _ in range(120):
            if await hits():
                return
            await asyncio.sleep(0.5)

    async def _refused_attempts(self) -> int:
        return await refused_attempts(self.platform)


async def refused_attempts(platform: Platform) -> int:
    """Attempt rows that got no answer (the receiver refused the connection)."""
    [(count,)] = await _query(
        platform.database_url("notify-api"),
        "SELECT count(*) FROM delivery_attempts WHERE status_code IS NULL",
    )
    return int(count)


def log(message: str) -> None:
    print(f"{datetime.now(UTC):%H:%M:%S} {message}", flush=True)


async def _query(url: str, statement: str) -> list[Any]:
    """Run `statement`; a connection refused (a PostgreSQL shared with other test runs may
    be at `max_connections`) is tried again for a minute."""
    for attempt in range(60):
        engine = create_engine(url, pool_size=1)
        try:
            async with engine.connect() as connection:
                return list((await connection.execute(text(statement))).all())
        except (OperationalError, DBAPIError, OSError) as error:
            if attempt == 59:
                raise
            log(f"database not answering ({type(error).__name__}); trying again")
            await asyncio.sleep(1)
        finally:
            await engine.dispose()
    raise AssertionError("unreachable")


async def _in_progress(platform: Platform) -> tuple[int, int]:
    """(deliveries still pending, outbox events still pending) in the three databases."""
    [(deliveries,)] = await _query(
        platform.database_url("notify-api"),
        "SELECT count(*) FROM deliveries WHERE status = 'pending'",
    )
    outbox = 0
    for service in RELAYING_SERVICES:
        [(pending,)] = await _query(
            platform.database_url(service),
            "SELECT count(*) FROM outbox_events WHERE status = 'pending'",
        )
        outbox += pending
    return int(deliveries), outbox


async def _settle(platform: Platform, timeout: float) -> float | None:
    """Seconds until nothing is pending anywhere (None when it never got there)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        deliveries, outbox = await _in_progress(platform)
        if deliveries == 0 and outbox == 0:
            return time.monotonic() - started
        log(f"draining: {outbox} outbox events, {deliveries} deliveries pending")
        await asyncio.sleep(5)
    return None


async def _count(
    platform: Platform,
    driver: Driver,
    receiver: WebhookReceiver,
    endpoint_ids: dict[str, str],
    result: ChaosResult,
) -> None:
    """The figures, from the databases and the receiver."""
    notify = platform.database_url("notify-api")
    notifications = await _query(
        notify,
        "SELECT id, kind, rule_id, recipient_org, recipient_role, person_ref, created_at,"
        " coalesce(subject->>'placement_id', subject->>'incident_id') AS record_id"
        " FROM notifications",
    )
    deliveries = await _query(
        notify, "SELECT notification_id, endpoint_id, status, ended_reason FROM deliveries"
    )
    attempts = await _query(
        notify, "SELECT outcome, count(*) FROM delivery_attempts GROUP BY outcome"
    )
    result.deliveries_in_progress, result.outbox_in_progress = await _in_progress(platform)

    expected = {
        (person_ref, rule, org, role, record_id)
        for person_ref, records in driver.recorded.items()
        for kind, record_id in records
        for source, rule, org, role in EXPECTED
        if source == kind
    }
    made: defaultdict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for row in notifications:
        if row.kind == "notice":
            result.notices += 1
        else:
            key = (
                row.person_ref,
                row.rule_id,
                row.recipient_org,
                row.recipient_role,
                row.record_id,
            )
            made[key].append(row)
    result.children = driver.done
    result.records = sum(len(records) for records in driver.recorded.values())
    result.expected = len(expected)
    result.made = sum(len(rows) for rows in made.values())
    result.never_made = len(expected - made.keys())
    result.duplicate_notifications = sum(len(rows) - 1 for rows in made.values())

    delivery_of = {(str(d.endpoint_id), str(d.notification_id)): d for d in deliveries}
    name_of = {endpoint_id: name for name, endpoint_id in endpoint_ids.items()}
    received = receiver.webhook_ids_by_notification()
    for row in notifications:
        for name, _client, org in ENDPOINTS:
            if org != row.recipient_org:
                continue
            delivery = delivery_of.get((endpoint_ids[name], str(row.id)))
            # A notification made before the receiver first answered 410 found the endpoint
            # enabled, so it has a delivery there; one made after may not.
            gone_at = receiver.first_answered.get(410)
            if name == GONE and (
                (delivery is not None and delivery.ended_reason in GONE_REASONS)
                or (delivery is None and gone_at is not None and row.created_at >= gone_at)
            ):
                result.pushes_excused_by_410 += 1
                continue
            result.pushes_owed += 1
            if (name, str(row.id)) in received:
                result.delivered += 1
            else:
                result.lost_pushes += 1
                result.lost_detail.append(
                    f"notification {row.id} ({row.rule_id}, made {row.created_at:%H:%M:%S.%f})"
                    f" to {name}: "
                    + (
                        f"delivery {delivery.status}, {delivery.ended_reason}"
                        if delivery is not None
                        else "no delivery"
                    )
                )
    result.two_webhook_ids = sum(1 for ids in received.values() if len(ids) > 1)
    result.redelivered_same_id = receiver.repeats()
    result.bad_signatures = receiver.bad_signatures
    by_outcome = {outcome: int(count) for outcome, count in attempts}
    result.attempt_rows = sum(by_outcome.values())
    result.attempt_rows_delivered = by_outcome.get("delivered", 0)
    result.attempt_rows_refused = await refused_attempts(platform)
    result.receiver_requests = receiver.requests
    result.receiver_accepted = sum(receiver.by_webhook_id.values())
    result.receiver_answers = dict(receiver.answers)
    result.deliveries_delivered = sum(
        1 for d in deliveries if d.status == "delivered" and str(d.endpoint_id) in name_of
    )
    result.receiver_distinct = len(receiver.by_webhook_id)
    for log_file in sorted(platform.var_dir.glob("*.log")):
        with log_file.open(errors="replace") as lines:
            count = sum(1 for line in lines if '"message": "unhandled error"' in line)
        if count:
            result.unhandled_errors[log_file.stem] = count


async def run_chaos(config: ChaosConfig) -> ChaosResult:
    """The whole suite on PostgreSQL; its figures (print `report()`)."""
    result = ChaosResult()
    started = time.monotonic()
    # The harness is synchronous (and runs asyncio itself): in a thread, off this loop.
    platform = Platform(backend="postgresql", var_dir=config.var_dir, base_port=free_base_port())
    try:
        await asyncio.to_thread(platform.prepare)
        await asyncio.to_thread(
            platform.start_all, delivery_workers=WORKERS, relays=RELAYS, worker_env=WORKER_ENV
        )
        receiver = WebhookReceiver()
        port = free_port()
        chaos = Chaos(platform, receiver, port, config, result)
        await chaos.serve_receiver()
        try:
            endpoint_ids: dict[str, str] = {}
            for name, client_id, _org in ENDPOINTS:
                async with platform.aclient("notify-api", client_id) as inbox:
                    endpoint = await register_webhook(
                        inbox, receiver, f"http://127.0.0.1:{port}", rules=None, name=name
                    )
                endpoint_ids[name] = endpoint["id"]
            driver = Driver(
                platform,
                result,
                london_today().isoformat(),
                config.children,
                config.incidents_per_child,
            )
            log(f"platform up in {config.var_dir}; recording {config.children} children")
            async with (
                platform.aclient("care-status-api", "demo-camden") as camden,
                platform.aclient("incident-api", "demo-met-custody") as police,
            ):
                slots = asyncio.Semaphore(config.concurrency)

                async def one_child(number: int) -> None:
                    await chaos.quarter_started[number * 4 // config.children].wait()
                    async with slots:
                        await driver.child(camden, police)

                drive = asyncio.gather(*(one_child(n) for n in range(config.children)))
                killing = asyncio.create_task(chaos.kill_processes(lambda: not drive.done()))
                faults = asyncio.create_task(chaos.receiver_faults(driver))
                try:
                    await _progress(drive, driver, config.children)
                    await faults
                    await killing
                finally:
                    for task in (drive, killing, faults):
                        task.cancel()
            log("chaos over; waiting for the platform to drain")
            result.settled_in = await _settle(platform, config.settle_seconds)
            await _count(platform, driver, receiver, endpoint_ids, result)
        finally:
            await chaos.stop_receiver()
    finally:
        await asyncio.to_thread(platform.stop_everything)
    result.seconds = time.monotonic() - started
    return result


async def _progress(drive: Awaitable[Any], driver: Driver, total: int) -> None:
    task = asyncio.ensure_future(drive)
    while not task.done():
        await asyncio.wait([task], timeout=10)
        log(f"recorded {driver.done}/{total} children")
    task.result()


def notifications_per_child(incidents: int) -> int:
    placement = sum(1 for source, *_ in EXPECTED if source == "placement")
    return placement + incidents * sum(1 for source, *_ in EXPECTED if source == "incident")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notifications", type=int, default=5000, help="at least this many")
    parser.add_argument("--incidents-per-child", type=int, default=3)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument(
        "--var-dir", type=Path, default=Path("var/chaos"), help="each run's logs in a new folder"
    )
    args = parser.parse_args()
    reason = postgres_unavailable_reason()
    if reason:
        print(f"make chaos needs PostgreSQL: {reason}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    per_child = notifications_per_child(args.incidents_per_child)
    config = ChaosConfig(
        children=-(-args.notifications // per_child),
        incidents_per_child=args.incidents_per_child,
        seed=args.seed,
        var_dir=args.var_dir / datetime.now(UTC).strftime("%Y%m%dT%H%M%S"),
    )
    result = asyncio.run(run_chaos(config))
    print(result.report(), flush=True)
    return 1 if result.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
