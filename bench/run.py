"""`make bench`: the platform's benchmarks on PostgreSQL, results in bench/results/*.json.

    python bench/run.py                 # everything at full size (about 15 minutes)
    python bench/run.py --quick         # small sizes and short runs, to try the tooling
    python bench/run.py --only lookup   # lookup (with growth), fanout, ingest, proofs; repeatable
    python bench/run.py --profile       # also py-spy the services during the runs

1. lookup + growth: 10k, 100k and 1M generated children seeded by COPY, lookups by name
   and date of birth with wrk (-t2 -c32 --latency), care-status-api against the floor
   (bench/floor.py) at each size, taking turns (3 rounds of 10 s each at full size).
2. fanout: events that yield 3 notifications each, posted to notify-api, delivered to a
   verifying webhook receiver (bench/receiver.py) by 1, 2 and 4 `notify-api deliver`
   processes: drain rate of a backlog, then event-to-delivery latency under a paced load.
3. ingest: Camden's case system posting placements at 32 connections, with the
   in-process outbox relay and a delivery worker running; time to the last notification.
2b. proofs (only with `--only proofs`): the fan-out drain with 2 workers, the notification
   log off then on, taking turns (`--rounds` of each).
4. memory: peak RSS (VmHWM) of every process, noted when it stops.

Nothing here is asserted: the figures go to docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    BENCH,
    BIN,
    RESULTS,
    Cluster,
    cpu_seconds,
    create_database,
    drop_database,
    dsn_of,
    free_ports,
    load_average,
    log,
    percentile,
    process_tree,
    write_result,
    wrk,
)
from seed import lookup_bodies, seed_children, seed_ingest_children

from notify.testing import cloud_event, incident_data
from platform_shared.calendar import local_date

CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"
#: The recipients of `police-contact-looked-after` for a Camden child placed in Derbyshire.
FANOUT_RECIPIENTS = {
    "demo-camden": CAMDEN,
    "demo-yot-camden": f"yot-{CAMDEN}",
    "demo-yot-derbyshire": f"yot-{DERBYSHIRE}",
}

FULL = {
    "sizes": [10_000, 100_000, 1_000_000],
    "seconds": 30,
    "rounds": 3,
    "warmup": 5,
    "bodies": 20_000,
    "events": 10_000,
    "paced_seconds": 20,
    "delivery_workers": [1, 2, 4],
    "ingest_children": 40_000,
    # Intake: events per batch request (`application/cloudevents-batch+json`), the relays'
    # RELAY_POST_BATCH_SIZE; 1 measures single posts only.
    "intake_batch": 50,
}
QUICK = {
    "sizes": [2_000, 10_000],
    "seconds": 5,
    "rounds": 1,
    "warmup": 2,
    "bodies": 2_000,
    "events": 500,
    "paced_seconds": 5,
    "delivery_workers": [1, 2],
    "ingest_children": 5_000,
    "intake_batch": 50,
}


# -- profiling ------------------------------------------------------------------------------


class Profiler:
    """py-spy on the given processes for the length of one measured run (`--profile`)."""

    def __init__(self, enabled: bool, label: str, pids: list[int], seconds: int) -> None:
        self.running: list[tuple[subprocess.Popen[bytes], Path]] = []
        if not enabled:
            return
        folder = RESULTS / "profiles"
        folder.mkdir(parents=True, exist_ok=True)
        for pid in pids:
            path = folder / f"{label}-{pid}.txt"
            command = [
                str(BIN / "py-spy"),
                "record",
                "--pid",
                str(pid),
                "--duration",
                str(seconds),
                "--rate",
                os.environ.get("BENCH_PROFILE_RATE", "100"),
                "--nonblocking",
                "--format",
                "raw",
                "--output",
                str(path),
            ]
            popen = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.running.append((popen, path))

    def finish(self) -> list[dict[str, Any]]:
        summaries = []
        for popen, path in self.running:
            popen.wait(timeout=120)
            if path.exists():
                summaries.append({"profile": str(path), "top": summarise_profile(path)})
        return summaries


def summarise_profile(path: Path, top: int = 30) -> list[tuple[str, float, float]]:
    """(frame, inclusive %, own %) of the busiest frames of a py-spy raw (collapsed) file."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        # py-spy puts the thread first; idle samples are not recorded with --idle off.
        total += count
        own[frames[-1]] += count
        for frame in set(frames[1:]):
            inclusive[frame] += count
    if total == 0:
        return []
    return [
        (frame, round(100 * count / total, 1), round(100 * own[frame] / total, 1))
        for frame, count in inclusive.most_common(top)
    ]


def worker_pids(cluster: Cluster, name: str) -> list[int]:
    """The pids of a `serve --workers N` process's workers (or the process itself)."""
    tree = process_tree(cluster.processes[name].popen.pid)
    return tree[1:] or tree


# -- 1. lookup and growth --------------------------------------------------------------------


async def count_audit(database: str) -> int:
    connection = await asyncpg.connect(dsn_of(database))
    try:
        return int(await connection.fetchval("SELECT count(*) FROM audit_log"))
    finally:
        await connection.close()


def sample_results(url: str, token: str, bodies: list[dict[str, Any]]) -> dict[str, int]:
    """What the lookups answer, from a sample of the bodies (correctness, not speed)."""
    tally: Counter[str] = Counter()
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        for body in bodies:
            response = client.post(url, json=body)
            tally[response.json().get("result", str(response.status_code))] += 1
    return dict(tally)


def combined_runs(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Several wrk runs of one target as one: throughput over all of them, the median of
    their percentiles (wrk gives no histogram to merge), the longest request, every run."""
    requests = sum(run["requests"] for run in runs)
    seconds = sum(run["seconds"] for run in runs)

    def median(key: str) -> float:
        return float(statistics.median(run[key] for run in runs))

    return {
        "requests": requests,
        "seconds": round(seconds, 2),
        "throughput": round(requests / seconds, 1),
        "p50_ms": median("p50_ms"),
        "p90_ms": median("p90_ms"),
        "p99_ms": median("p99_ms"),
        "worst_p99_ms": max(run["p99_ms"] for run in runs),
        "max_ms": max(run["max_ms"] for run in runs),
        "non_2xx": sum(run["non_2xx"] for run in runs),
        "socket_errors": sum(run["socket_errors"] for run in runs),
        "cpu_ms_per_request": round(
            1000 * sum(run["cpu_seconds"] for run in runs) / max(requests, 1), 2
        ),
        "audit_rows_written": sum(run["audit_rows_written"] for run in runs),
        "runs": runs,
    }


def lookup_bench(config: dict[str, Any], profile: bool) -> dict[str, Any]:
    database = create_database("care_status")
    ports = free_ports(6)
    cluster = Cluster("lookup", ports[0])
    floor_port = ports[5]
    results: dict[str, Any] = {"database": database, "sizes": []}
    try:
        cluster.use_database("CARE_STATUS_", database)
        cluster.env["CARE_STATUS_RELAY_IN_PROCESS"] = "false"
        cluster.run("care-status-api", "migrate")
        cluster.start_auth()
        cluster.start_service("care-status-api", workers=2)
        cluster.start(
            "floor",
            "uvicorn",
            "floor:create_app",
            "--factory",
            "--app-dir",
            str(BENCH),
            "--workers",
            "2",
            "--port",
            str(floor_port),
            "--no-access-log",
            "--log-level",
            "warning",
            "--timeout-worker-healthcheck",
            "60",
            extra_env={"FLOOR_DSN": dsn_of(database), "FLOOR_POOL_SIZE": "16"},
        )
        cluster.wait_http("floor", f"http://127.0.0.1:{floor_port}/healthz")
        token = cluster.token("demo-met-custody")
        service_url = f"{cluster.url('care-status-api')}/v1/lookups"
        floor_url = f"http://127.0.0.1:{floor_port}/v1/lookups"
        seeded = 0
        for size in config["sizes"]:
            started = time.monotonic()
            rows = asyncio.run(seed_children(dsn_of(database), size - seeded, first_serial=seeded))
            seeded = size
            log(f"seeded to {size} children in {time.monotonic() - started:.0f} s: {rows}")
            bodies = asyncio.run(lookup_bodies(dsn_of(database), config["bodies"]))
            bodies_path = RESULTS / "var" / f"lookups-{size}.jsonl"
            bodies_path.write_text(
                "\n".join(json.dumps(body, ensure_ascii=False) for body in bodies) + "\n"
            )
            answers = sample_results(service_url, token, bodies[:300])
            entry: dict[str, Any] = {"children": size, "sample_answers": answers}
            targets = (
                ("service", service_url, token, "care-status-api"),
                ("floor", floor_url, "", "floor"),
            )
            for name, url, auth, _process in targets:
                wrk(
                    url,
                    BENCH / "lookup.lua",
                    [str(bodies_path), auth],
                    seconds=config["warmup"],
                    label=f"warmup-{name}-{size}",
                )
            # Service and floor take turns (`rounds` runs each), so that a change in the
            # host's speed during the benchmark falls on both alike.
            runs: dict[str, list[dict[str, Any]]] = {name: [] for name, *_ in targets}
            seconds = max(1, config["seconds"] // config["rounds"])
            for round_number in range(config["rounds"]):
                for name, url, auth, process in targets:
                    audit_before = asyncio.run(count_audit(database))
                    load = load_average()
                    pids = cluster.processes[process].tree()
                    cpu_before = cpu_seconds(pids)
                    profiler = Profiler(
                        profile
                        and name == "service"
                        and size == config["sizes"][-1]
                        and round_number == 0,
                        f"lookup-{size}",
                        worker_pids(cluster, "care-status-api"),
                        seconds,
                    )
                    result = wrk(
                        url,
                        BENCH / "lookup.lua",
                        [str(bodies_path), auth],
                        seconds=seconds,
                        label=f"lookup-{name}-{size}-{round_number}",
                    )
                    cpu_used = cpu_seconds(pids) - cpu_before
                    profiles = profiler.finish()
                    audited = asyncio.run(count_audit(database)) - audit_before
                    run = {
                        **result.as_dict(),
                        "cpu_seconds": round(cpu_used, 2),
                        "cpu_ms_per_request": round(1000 * cpu_used / max(result.requests, 1), 2),
                        "audit_rows_written": audited,
                        "load_average_before": load,
                        **({"profiles": profiles} if profiles else {}),
                    }
                    runs[name].append(run)
                    log(
                        f"{size:>9} {name:8} {result.throughput:8.1f} req/s  p50 {result.p50_ms} ms"
                        f"  p99 {result.p99_ms} ms  non-2xx {result.non_2xx}  audit +{audited}"
                        f"  cpu {run['cpu_ms_per_request']} ms/req  load {load}"
                    )
            for name, _url, _auth, _process in targets:
                entry[name] = combined_runs(runs[name])
            entry["ratio"] = round(entry["service"]["throughput"] / entry["floor"]["throughput"], 3)
            entry["ratio_by_round"] = [
                round(service["throughput"] / floor["throughput"], 3)
                for service, floor in zip(runs["service"], runs["floor"], strict=True)
            ]
            log(
                f"{size:>9} ratio {entry['ratio']} (by round {entry['ratio_by_round']}), service"
                f" p99 {entry['service']['p99_ms']} ms (median of the rounds)"
            )
            results["sizes"].append(entry)
    finally:
        cluster.stop_all()
        drop_database(database)
    results["memory"] = cluster.memory
    return results


# -- 2. fan-out --------------------------------------------------------------------------------


def police_contact_event(sent: datetime) -> dict[str, Any]:
    """`police_contact.recorded` of a looked-after Camden child placed in Derbyshire, recorded
    by the Met outside the placement: `police-contact-looked-after` only, to 3 recipients."""
    data = incident_data(
        "police_contact",
        sent,
        person_ref=f"p_{uuid.uuid4().hex[:22]}",
        setting="community",
        recorded_by="police-metropolitan",
        recorded_by_kind="police",
        police_involved=True,
    )
    data["effective_date"] = local_date(sent).isoformat()
    return cloud_event("police_contact.recorded", data, time=sent)


class EventPoster:
    """Posts events to notify-api as `platform-services`, noting when each was sent."""

    def __init__(self, url: str, token: str) -> None:
        self.url = f"{url}/v1/events"
        self.token = token
        self.sent: dict[str, float] = {}
        self.statuses: Counter[int] = Counter()
        self.notifications = 0

    async def _post(self, client: httpx.AsyncClient) -> None:
        now = time.time()
        event = police_contact_event(datetime.fromtimestamp(now, UTC))
        self.sent[event["id"]] = now
        response = await client.post(self.url, json=event)
        self.statuses[response.status_code] += 1
        if response.status_code == 201:
            self.notifications += len(response.json()["notifications"])

    async def _post_batch(self, client: httpx.AsyncClient, size: int) -> None:
        now = time.time()
        events = [police_contact_event(datetime.fromtimestamp(now, UTC)) for _ in range(size)]
        for event in events:
            self.sent[event["id"]] = now
        response = await client.post(
            self.url,
            content=json.dumps(events),
            headers={"Content-Type": "application/cloudevents-batch+json"},
        )
        if response.status_code != 200:
            self.statuses[response.status_code] += size
            return
        for receipt in response.json()["receipts"]:
            # Counted as a single post would be answered: accepted 201, duplicate 200.
            status = {"accepted": 201, "duplicate": 200}.get(receipt["status"], 422)
            self.statuses[status] += 1
            if status == 201:
                self.notifications += len(receipt["receipt"]["notifications"])

    def _client(self) -> httpx.AsyncClient:
        limits = httpx.Limits(max_connections=32, max_keepalive_connections=32)
        return httpx.AsyncClient(
            headers={"Authorization": f"Bearer {self.token}"}, timeout=60, limits=limits
        )

    async def burst(self, count: int, concurrency: int = 16, batch: int = 1) -> float:
        """Post `count` events, `concurrency` requests at a time, `batch` events a request
        (above 1: the CloudEvents batched content mode); the seconds it took."""
        started = time.monotonic()
        queue = iter(range(0, count, batch))
        async with self._client() as client:

            async def lane() -> None:
                for start in queue:
                    if batch > 1:
                        await self._post_batch(client, min(batch, count - start))
                    else:
                        await self._post(client)

            await asyncio.gather(*(lane() for _ in range(concurrency)))
        return time.monotonic() - started

    async def paced(self, rate: float, seconds: float) -> int:
        """Post events at `rate` a second for `seconds`; how many were posted."""
        count = int(rate * seconds)
        started = time.monotonic()
        async with self._client() as client:
            tasks = []
            for index in range(count):
                delay = started + index / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(self._post(client)))
            await asyncio.gather(*tasks)
        return count


def receiver_receipts(url: str, start: int) -> list[tuple[str, str, float, str]]:
    response = httpx.get(f"{url}/control/receipts", params={"from": start}, timeout=60)
    return [tuple(item) for item in response.json()["receipts"]]  # type: ignore[misc]


def receiver_count(url: str) -> int:
    return int(httpx.get(f"{url}/control/stats", timeout=30).json()["received"])


def wait_for_receipts(url: str, target: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if receiver_count(url) >= target:
            return True
        time.sleep(0.5)
    return False


def start_receiver(cluster: Cluster, port: int) -> str:
    cluster.start(
        "receiver",
        "uvicorn",
        "receiver:app",
        "--app-dir",
        str(BENCH),
        "--port",
        str(port),
        "--no-access-log",
        "--log-level",
        "warning",
    )
    url = f"http://127.0.0.1:{port}"
    cluster.wait_http("receiver", f"{url}/healthz")
    return url


def register_endpoints(cluster: Cluster, receiver_url: str, clients: dict[str, str]) -> None:
    """Each recipient org registers a webhook at the receiver; the receiver gets the secret."""
    secrets = {}
    for client_id, org in clients.items():
        response = httpx.post(
            f"{cluster.url('notify-api')}/v1/endpoints",
            json={"channel": "webhook", "url": f"{receiver_url}/hooks/{org}"},
            headers={"Authorization": f"Bearer {cluster.token(client_id)}"},
            timeout=30,
        )
        response.raise_for_status()
        secrets[org] = response.json()["secret"]
    httpx.put(f"{receiver_url}/control/secrets", json=secrets, timeout=30).raise_for_status()


def latency_figures(
    receipts: list[tuple[str, str, float, str]], sent: dict[str, float]
) -> dict[str, float]:
    latencies = [
        arrived - sent[event_id] for event_id, _name, arrived, _id in receipts if event_id in sent
    ]
    return {
        "deliveries": len(latencies),
        "p50_ms": round(1000 * percentile(latencies, 0.5), 1),
        "p90_ms": round(1000 * percentile(latencies, 0.9), 1),
        "p99_ms": round(1000 * percentile(latencies, 0.99), 1),
        "max_ms": round(1000 * max(latencies), 1) if latencies else float("nan"),
    }


def fanout_bench(config: dict[str, Any], profile: bool) -> dict[str, Any]:
    database = create_database("notify")
    ports = free_ports(8)
    cluster = Cluster("fanout", ports[0])
    receiver_port = ports[6]
    results: dict[str, Any] = {"database": database, "runs": []}
    try:
        cluster.use_database("NOTIFY_", database)
        cluster.run("notify-api", "migrate")
        cluster.start_auth()
        cluster.start_service("notify-api", workers=2)
        receiver_url = start_receiver(cluster, receiver_port)
        register_endpoints(cluster, receiver_url, FANOUT_RECIPIENTS)
        per_event = len(FANOUT_RECIPIENTS)
        for workers in config["delivery_workers"]:
            run: dict[str, Any] = {"delivery_workers": workers}
            poster = EventPoster(cluster.url("notify-api"), cluster.token("platform-services"))
            # Drain: a backlog of events, then the workers start.
            events = config["events"]
            load = load_average()
            api_pids = cluster.processes["notify-api"].tree()
            api_cpu = cpu_seconds(api_pids)
            took = asyncio.run(poster.burst(events))
            api_cpu = cpu_seconds(api_pids) - api_cpu
            run["intake"] = {
                "events": events,
                "seconds": round(took, 2),
                "events_per_second": round(events / took, 1),
                "notifications": poster.notifications,
                "notify_api_cpu_ms_per_event": round(1000 * api_cpu / events, 2),
                "statuses": dict(poster.statuses),
                "load_average_before": load,
            }
            log(
                f"fanout: {events} events posted in {took:.1f} s ({events / took:.0f}/s), "
                f"{poster.notifications} notifications"
            )
            baseline = receiver_count(receiver_url)
            target = baseline + poster.notifications
            load = load_average()
            started = time.time()
            names = [f"deliver-{workers}-{index}" for index in range(workers)]
            for name in names:
                cluster.start(name, "notify-api", "deliver")
            # Profile (--profile) from the first delivery on, not the workers' imports.
            wait_for_receipts(receiver_url, baseline + 1, timeout=120)
            profiler = Profiler(
                profile and workers == 2,
                f"deliver-{workers}",
                [cluster.processes[name].popen.pid for name in names]
                + worker_pids(cluster, "notify-api"),
                10,
            )
            worker_pids_now = [pid for name in names for pid in cluster.processes[name].tree()]
            receiver_pids = cluster.processes["receiver"].tree()
            worker_cpu, receiver_cpu = cpu_seconds(worker_pids_now), cpu_seconds(receiver_pids)
            counted_from = receiver_count(receiver_url)
            drained = wait_for_receipts(receiver_url, target, timeout=60 + events)
            counted = receiver_count(receiver_url) - counted_from
            worker_cpu = cpu_seconds(worker_pids_now) - worker_cpu
            receiver_cpu = cpu_seconds(receiver_pids) - receiver_cpu
            profiles = profiler.finish()
            receipts = receiver_receipts(receiver_url, baseline)
            first = min(receipt[2] for receipt in receipts)
            last = max(receipt[2] for receipt in receipts)
            run["drain"] = {
                "deliveries": len(receipts),
                "complete": drained,
                "seconds_first_to_last": round(last - first, 2),
                "deliveries_per_second": round((len(receipts) - 1) / max(last - first, 1e-9), 1),
                "seconds_from_worker_start": round(last - started, 2),
                "worker_cpu_ms_per_delivery": round(1000 * worker_cpu / max(counted, 1), 2),
                "receiver_cpu_ms_per_delivery": round(1000 * receiver_cpu / max(counted, 1), 2),
                "load_average_before": load,
                **({"profiles": profiles} if profiles else {}),
            }
            log(
                f"fanout: {workers} worker(s) drained {len(receipts)} deliveries at "
                f"{run['drain']['deliveries_per_second']}/s, worker cpu "
                f"{run['drain']['worker_cpu_ms_per_delivery']} ms/delivery"
            )
            # Paced: events at a rate the workers should keep up with (half the drain rate,
            # or --paced-rate deliveries a second).
            offered = config.get("paced_rate") or run["drain"]["deliveries_per_second"] * 0.5
            rate = max(1.0, round(offered / per_event, 1))
            paced = EventPoster(cluster.url("notify-api"), cluster.token("platform-services"))
            baseline = receiver_count(receiver_url)
            load = load_average()
            posted = asyncio.run(paced.paced(rate, config["paced_seconds"]))
            complete = wait_for_receipts(receiver_url, baseline + paced.notifications, timeout=120)
            receipts = receiver_receipts(receiver_url, baseline)
            run["paced"] = {
                "events_per_second": rate,
                "deliveries_per_second_offered": round(rate * per_event, 1),
                "events": posted,
                "complete": complete,
                "statuses": dict(paced.statuses),
                "load_average_before": load,
                **latency_figures(receipts, paced.sent),
            }
            log(
                f"fanout: {workers} worker(s) paced {rate * per_event:.0f} deliveries/s: "
                f"p50 {run['paced']['p50_ms']} ms p99 {run['paced']['p99_ms']} ms"
            )
            for name in names:
                cluster.stop(name)
            results["runs"].append(run)
        stats = httpx.get(f"{receiver_url}/control/stats", timeout=30).json()
        results["receiver"] = stats
    finally:
        cluster.stop_all()
        drop_database(database)
    results["memory"] = cluster.memory
    return results


# -- 2b. the notification log's cost ------------------------------------------------------------


def _proof_turn(
    cluster: Cluster, receiver_url: str, ports: list[int], *, enabled: bool, config: dict[str, Any]
) -> dict[str, Any]:
    """One drain of a backlog by 2 workers, the log on or off (API and workers alike)."""
    database = create_database("notify")
    env = {"NOTIFY_PROOF_LOG_ENABLED": "true" if enabled else "false"}
    try:
        cluster.use_database("NOTIFY_", database)
        cluster.run("notify-api", "migrate")
        cluster.start_service("notify-api", workers=2, extra_env=env)
        register_endpoints(cluster, receiver_url, FANOUT_RECIPIENTS)
        poster = EventPoster(cluster.url("notify-api"), cluster.token("platform-services"))
        events = config["events"]
        took = asyncio.run(poster.burst(events))
        baseline = receiver_count(receiver_url)
        target = baseline + poster.notifications
        load = load_average()
        names = [f"deliver-log-{'on' if enabled else 'off'}-{index}" for index in range(2)]
        for name in names:
            cluster.start(name, "notify-api", "deliver", extra_env=env)
        wait_for_receipts(receiver_url, baseline + 1, timeout=120)
        worker_pids_now = [pid for name in names for pid in cluster.processes[name].tree()]
        worker_cpu = cpu_seconds(worker_pids_now)
        counted_from = receiver_count(receiver_url)
        drained = wait_for_receipts(receiver_url, target, timeout=60 + events)
        counted = receiver_count(receiver_url) - counted_from
        worker_cpu = cpu_seconds(worker_pids_now) - worker_cpu
        receipts = receiver_receipts(receiver_url, baseline)
        first = min(receipt[2] for receipt in receipts)
        last = max(receipt[2] for receipt in receipts)
        for name in names:
            cluster.stop(name)
        cluster.stop("notify-api")
        turn = {
            "log": "on" if enabled else "off",
            "events": events,
            "intake_events_per_second": round(events / took, 1),
            "deliveries": len(receipts),
            "complete": drained,
            "deliveries_per_second": round((len(receipts) - 1) / max(last - first, 1e-9), 1),
            "worker_cpu_ms_per_delivery": round(1000 * worker_cpu / max(counted, 1), 2),
            "load_average_before": load,
        }
        log(
            f"proofs: log {turn['log']}: {turn['deliveries']} deliveries at "
            f"{turn['deliveries_per_second']}/s, worker cpu {turn['worker_cpu_ms_per_delivery']} ms"
        )
        return turn
    finally:
        drop_database(database)


def proofs_bench(config: dict[str, Any], profile: bool) -> dict[str, Any]:
    """The fan-out drain with the notification log off, then on, taking turns
    (`rounds` of each): what the log costs the delivery path."""
    del profile
    ports = free_ports(8)
    cluster = Cluster("proofs", ports[0])
    results: dict[str, Any] = {"turns": []}
    try:
        cluster.start_auth()
        receiver_url = start_receiver(cluster, ports[6])
        for _ in range(config["rounds"]):
            for enabled in (False, True):
                results["turns"].append(
                    _proof_turn(cluster, receiver_url, ports, enabled=enabled, config=config)
                )
    finally:
        cluster.stop_all()
    on = [t["deliveries_per_second"] for t in results["turns"] if t["log"] == "on"]
    off = [t["deliveries_per_second"] for t in results["turns"] if t["log"] == "off"]
    results["on_over_off"] = round(statistics.mean(on) / statistics.mean(off), 3)
    results["memory"] = cluster.memory
    return results


# -- 2b. intake: notify-api's event intake against the intake floor -----------------------------


def intake_bench(config: dict[str, Any], profile: bool) -> dict[str, Any]:
    """The same poster (16 clients, `police-contact-looked-after` events of 3 notifications
    each) against notify-api and the intake floor (bench/intake_floor.py), in turns: single
    posts, then batches of `intake_batch` events (both sides in the batched mode; the
    floor's batch is one transaction of bulk inserts too)."""
    database = create_database("notify")
    floor_database = create_database("intake_floor")
    ports = free_ports(8)
    cluster = Cluster("intake", ports[0])
    floor_port, receiver_port = ports[5], ports[6]
    results: dict[str, Any] = {"database": database, "rounds": []}
    try:
        cluster.use_database("NOTIFY_", database)
        cluster.run("notify-api", "migrate")
        cluster.start_auth()
        cluster.start_service("notify-api", workers=2)
        receiver_url = start_receiver(cluster, receiver_port)
        register_endpoints(cluster, receiver_url, FANOUT_RECIPIENTS)
        cluster.start(
            "intake-floor",
            "uvicorn",
            "intake_floor:create_app",
            "--factory",
            "--app-dir",
            str(BENCH),
            "--workers",
            "2",
            "--port",
            str(floor_port),
            "--no-access-log",
            "--log-level",
            "warning",
            extra_env={"FLOOR_DSN": dsn_of(floor_database)},
        )
        floor_url = f"http://127.0.0.1:{floor_port}"
        cluster.wait_http("intake-floor", f"{floor_url}/healthz")
        token = cluster.token("platform-services")
        targets = {
            "service": (cluster.url("notify-api"), "notify-api"),
            "floor": (floor_url, "intake-floor"),
        }
        events = config["events"]
        batch = config.get("intake_batch", 1)
        modes = [("single", 1)] + ([("batch", batch)] if batch > 1 else [])
        turns = [
            (f"{side}_{mode}" if mode == "batch" else side, url, process, size)
            for mode, size in modes
            for side, (url, process) in targets.items()
        ]
        results["batch_size"] = batch
        for round_number in range(config["rounds"]):
            entry: dict[str, Any] = {"round": round_number + 1}
            for name, url, process, size in turns:
                poster = EventPoster(url, token)
                pids = cluster.processes[process].tree()
                cpu = cpu_seconds(pids)
                load = load_average()
                profiler = Profiler(
                    profile and name == "service" and round_number == 0,
                    "intake",
                    worker_pids(cluster, "notify-api"),
                    10,
                )
                took = asyncio.run(poster.burst(events, batch=size))
                cpu = cpu_seconds(pids) - cpu
                profiles = profiler.finish()
                entry[name] = {
                    "events": events,
                    "events_per_request": size,
                    "events_per_second": round(events / took, 1),
                    "cpu_ms_per_event": round(1000 * cpu / events, 2),
                    "notifications": poster.notifications,
                    "statuses": dict(poster.statuses),
                    "load_average_before": load,
                    **({"profiles": profiles} if profiles else {}),
                }
                log(
                    f"intake round {round_number + 1}: {name} {events / took:.0f} events/s, "
                    f"{entry[name]['cpu_ms_per_event']} ms CPU/event"
                )
            entry["ratio"] = round(
                entry["service"]["events_per_second"] / entry["floor"]["events_per_second"], 3
            )
            if "service_batch" in entry:
                entry["batch_ratio"] = round(
                    entry["service_batch"]["events_per_second"]
                    / entry["floor_batch"]["events_per_second"],
                    3,
                )
            results["rounds"].append(entry)
        for key, service_name, floor_name in [
            ("ratio", "service", "floor"),
            ("batch_ratio", "service_batch", "floor_batch"),
        ]:
            if service_name not in results["rounds"][0]:
                continue
            service = sum(entry[service_name]["events_per_second"] for entry in results["rounds"])
            floor = sum(entry[floor_name]["events_per_second"] for entry in results["rounds"])
            results[key] = round(service / floor, 3)
    finally:
        cluster.stop_all()
        drop_database(database)
        drop_database(floor_database)
    results["memory"] = cluster.memory
    return results


# -- 3. ingest ---------------------------------------------------------------------------------


async def notifications_state(database: str, rule: str) -> tuple[int, datetime | None]:
    connection = await asyncpg.connect(dsn_of(database))
    try:
        row = await connection.fetchrow(
            "SELECT count(*) AS n, max(created_at) AS last FROM notifications WHERE rule_id = $1",
            rule,
        )
        return int(row["n"]), row["last"]
    finally:
        await connection.close()


async def count_rows(database: str, statement: str) -> int:
    connection = await asyncpg.connect(dsn_of(database))
    try:
        return int(await connection.fetchval(statement))
    finally:
        await connection.close()


def ingest_bench(config: dict[str, Any], profile: bool) -> dict[str, Any]:
    care_db = create_database("care_status")
    notify_db = create_database("notify")
    ports = free_ports(8)
    cluster = Cluster("ingest", ports[0])
    receiver_port = ports[6]
    results: dict[str, Any] = {"databases": [care_db, notify_db]}
    try:
        cluster.use_database("CARE_STATUS_", care_db)
        cluster.use_database("NOTIFY_", notify_db)
        cluster.run("care-status-api", "migrate")
        cluster.run("notify-api", "migrate")
        children = asyncio.run(
            seed_ingest_children(dsn_of(care_db), config["ingest_children"], CAMDEN)
        )
        ids_path = RESULTS / "var" / "ingest-children.txt"
        ids_path.write_text("\n".join(children) + "\n")
        cluster.start_auth()
        cluster.start_service("notify-api", workers=2)
        receiver_url = start_receiver(cluster, receiver_port)
        register_endpoints(cluster, receiver_url, {"demo-derbyshire": DERBYSHIRE})
        cluster.start("deliver", "notify-api", "deliver")
        cluster.start_service("care-status-api", workers=2)
        token = cluster.token("demo-camden")
        today = local_date(datetime.now(UTC)).isoformat()
        body = json.dumps(
            {
                "placement_type": "childrens_home",
                "area_authority": DERBYSHIRE,
                "start_date": today,
                "emergency": True,
                "provider": "provider-demo-home",
            }
        )
        load = load_average()
        care_pids = cluster.processes["care-status-api"].tree()
        notify_pids = cluster.processes["notify-api"].tree()
        care_cpu = cpu_seconds(care_pids)
        notify_cpu = cpu_seconds(notify_pids)
        care_cpu_at_start = care_cpu
        started = time.time()
        profiler = Profiler(
            profile,
            "ingest",
            worker_pids(cluster, "care-status-api") + worker_pids(cluster, "notify-api"),
            config["seconds"],
        )
        result = wrk(
            cluster.url("care-status-api"),
            BENCH / "ingest.lua",
            [str(ids_path), token, "2", body],
            seconds=config["seconds"],
            label="ingest",
        )
        ended = time.time()
        care_cpu = cpu_seconds(care_pids) - care_cpu
        profiles = profiler.finish()
        time.sleep(2)  # the requests still in flight when wrk stopped
        placements = asyncio.run(count_rows(care_db, "SELECT count(*) FROM placements"))
        expected = 2 * placements  # the area authority and its area health services
        deadline = time.monotonic() + 300
        count, last = 0, None
        while time.monotonic() < deadline:
            count, last = asyncio.run(notifications_state(notify_db, "placement-out-of-area"))
            if count >= expected:
                break
            time.sleep(0.5)
        # From the first request to the last notification stored (relay and intake included).
        care_cpu_total = cpu_seconds(care_pids) - care_cpu_at_start
        notify_cpu = cpu_seconds(notify_pids) - notify_cpu
        delivered = wait_for_receipts(receiver_url, placements, timeout=300)
        receipts = receiver_receipts(receiver_url, 0)
        last_delivery = max((receipt[2] for receipt in receipts), default=float("nan"))
        last_at = last.timestamp() if last else float("nan")
        results.update(
            {
                "wrk": result.as_dict(),
                "placements": placements,
                "care_status_cpu_ms_per_placement": round(
                    1000 * care_cpu / max(result.requests, 1), 2
                ),
                "care_status_cpu_ms_per_placement_to_last_notification": round(
                    1000 * care_cpu_total / max(placements, 1), 2
                ),
                "notify_cpu_ms_per_event_to_last_notification": round(
                    1000 * notify_cpu / max(placements, 1), 2
                ),
                "notifications_expected": expected,
                "notifications": count,
                "seconds_to_last_notification": round(last_at - started, 2),
                "seconds_after_load_to_last_notification": round(last_at - ended, 2),
                "webhook_deliveries": len(receipts),
                "webhook_notifications": len({receipt[3] for receipt in receipts}),
                "all_delivered": delivered,
                "seconds_to_last_delivery": round(last_delivery - started, 2),
                "load_average_before": load,
                **({"profiles": profiles} if profiles else {}),
            }
        )
        log(
            f"ingest: {result.throughput} placements/s p99 {result.p99_ms} ms, "
            f"{count}/{expected} notifications, last {last_at - started:.1f} s after start "
            f"({last_at - ended:.1f} s after the load)"
        )
    finally:
        cluster.stop_all()
        drop_database(care_db)
        drop_database(notify_db)
    results["memory"] = cluster.memory
    return results


# -- summary -----------------------------------------------------------------------------------


def memory_summary(sections: dict[str, dict[str, Any]]) -> dict[str, float]:
    """The highest VmHWM of any process of each kind, in MiB."""
    peaks: dict[str, float] = defaultdict(float)
    for section in sections.values():
        for name, by_pid in section.get("memory", {}).items():
            kind = name.split("-")[0] if name.startswith("deliver") else name
            if by_pid:
                peaks[kind] = max(peaks[kind], max(by_pid.values()))
    return dict(peaks)


def print_summary(sections: dict[str, dict[str, Any]]) -> None:
    print("\n== summary ==")
    lookup = sections.get("lookup")
    if lookup:
        print(
            f"{'children':>10} {'service req/s':>14} {'p50':>8} {'p99':>8} "
            f"{'floor req/s':>12} {'p50':>8} {'p99':>8} {'ratio':>6}"
        )
        for entry in lookup["sizes"]:
            service, floor = entry["service"], entry["floor"]
            print(
                f"{entry['children']:>10} {service['throughput']:>14} {service['p50_ms']:>8} "
                f"{service['p99_ms']:>8} {floor['throughput']:>12} {floor['p50_ms']:>8} "
                f"{floor['p99_ms']:>8} {entry['ratio']:>6}"
            )
    fanout = sections.get("fanout")
    if fanout:
        print(
            f"{'workers':>8} {'intake ev/s':>12} {'drain deliv/s':>14} "
            f"{'paced deliv/s':>14} {'p50 ms':>8} {'p99 ms':>8}"
        )
        for run in fanout["runs"]:
            print(
                f"{run['delivery_workers']:>8} {run['intake']['events_per_second']:>12} "
                f"{run['drain']['deliveries_per_second']:>14} "
                f"{run['paced']['deliveries_per_second_offered']:>14} "
                f"{run['paced']['p50_ms']:>8} {run['paced']['p99_ms']:>8}"
            )
    proofs = sections.get("proofs")
    if proofs:
        for turn in proofs["turns"]:
            print(f"log {turn['log']:>3}: {turn['deliveries_per_second']:>8} deliveries/s")
        print(f"log on / log off: {proofs['on_over_off']}")
    intake = sections.get("intake")
    if intake:
        for entry in intake["rounds"]:
            service, floor = entry["service"], entry["floor"]
            print(
                f"intake round {entry['round']}: notify-api {service['events_per_second']} ev/s "
                f"({service['cpu_ms_per_event']} ms CPU), floor {floor['events_per_second']} ev/s "
                f"({floor['cpu_ms_per_event']} ms CPU), ratio {entry['ratio']}"
            )
        print(f"intake ratio over the rounds: {intake['ratio']}")
        for entry in intake["rounds"]:
            if "service_batch" not in entry:
                continue
            service, floor = entry["service_batch"], entry["floor_batch"]
            print(
                f"intake round {entry['round']}, batches of {intake['batch_size']}: notify-api "
                f"{service['events_per_second']} ev/s ({service['cpu_ms_per_event']} ms CPU), "
                f"floor {floor['events_per_second']} ev/s ({floor['cpu_ms_per_event']} ms CPU), "
                f"ratio {entry['batch_ratio']}"
            )
        if "batch_ratio" in intake:
            print(f"intake batch ratio over the rounds: {intake['batch_ratio']}")
    ingest = sections.get("ingest")
    if ingest:
        wrk_result = ingest["wrk"]
        print(
            f"ingest: {wrk_result['throughput']} placements/s, p50 {wrk_result['p50_ms']} ms, "
            f"p99 {wrk_result['p99_ms']} ms, last notification "
            f"{ingest['seconds_to_last_notification']} s after the start "
            f"({ingest['seconds_after_load_to_last_notification']} s after the load ended)"
        )
    print("peak RSS (MiB):", json.dumps(memory_summary(sections)))


def _interrupted(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--quick", action="store_true", help="small sizes, short runs")
    parser.add_argument(
        "--only",
        action="append",
        choices=["lookup", "fanout", "intake", "ingest", "proofs"],
        help="repeatable",
    )
    parser.add_argument("--profile", action="store_true", help="py-spy the services")
    parser.add_argument(
        "--seconds", type=int, help="measured wrk seconds per target (lookups: over all rounds)"
    )
    parser.add_argument(
        "--rounds", type=int, help="lookups: runs of service and floor, taking turns"
    )
    parser.add_argument("--sizes", help="comma-separated children counts for lookup/growth")
    parser.add_argument("--events", type=int, help="fan-out events per worker count")
    parser.add_argument("--workers", help="comma-separated delivery worker counts")
    parser.add_argument(
        "--intake-batch", type=int, help="intake: events per batch request (1: single posts only)"
    )
    parser.add_argument(
        "--paced-rate", type=float, help="fan-out deliveries/s offered in the paced phase"
    )
    args = parser.parse_args()
    # SIGTERM (and SIGINT, which a background shell ignores) end the run through the
    # `finally` blocks: the processes are stopped and the databases dropped.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _interrupted)
    config = dict(QUICK if args.quick else FULL)
    if args.seconds:
        config["seconds"] = args.seconds
    if args.rounds:
        config["rounds"] = args.rounds
    if args.sizes:
        config["sizes"] = [int(size) for size in args.sizes.split(",")]
    if args.events:
        config["events"] = args.events
    if args.paced_rate:
        config["paced_rate"] = args.paced_rate
    if args.intake_batch:
        config["intake_batch"] = args.intake_batch
    if args.workers:
        config["delivery_workers"] = [int(count) for count in args.workers.split(",")]
    chosen = args.only or ["lookup", "fanout", "intake", "ingest"]
    (RESULTS / "var").mkdir(parents=True, exist_ok=True)
    meta = {
        "started_at": datetime.now(UTC).isoformat(),
        "command": " ".join(sys.argv),
        "config": config,
        "cpus": len(__import__("os").sched_getaffinity(0)),
        "python": platform.python_version(),
        "load_average_at_start": load_average(),
    }
    log(
        f"bench {'quick' if args.quick else 'full'}: {chosen}, load average {meta['load_average_at_start']}"
    )
    benches = {
        "lookup": lookup_bench,
        "fanout": fanout_bench,
        "intake": intake_bench,
        "ingest": ingest_bench,
        "proofs": proofs_bench,
    }
    sections: dict[str, dict[str, Any]] = {}
    for name in chosen:
        sections[name] = benches[name](config, args.profile)
        write_result(name, {"meta": meta, **sections[name]})
    meta["finished_at"] = datetime.now(UTC).isoformat()
    meta["load_average_at_end"] = load_average()
    write_result("summary", {"meta": meta, "memory_peak_mib": memory_summary(sections)})
    print_summary(sections)
    print(f"results in {RESULTS}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
