"""What every benchmark needs: scratch databases, real processes, tokens, wrk, peak RSS.

Processes are started with the same console scripts production runs (`<service> serve
--workers 2`, `notify-api deliver`, `dev-auth serve`), with the settings of
`deploy/devrun.py`'s `environment()` pointed at PostgreSQL databases created for the run
(unique names, dropped afterwards).
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
BIN = Path(sys.executable).parent
RESULTS = BENCH / "results"
ADMIN_DSN = os.environ.get("BENCH_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")

_spec = importlib.util.spec_from_file_location("devrun", REPO / "deploy" / "devrun.py")
assert _spec and _spec.loader
devrun = importlib.util.module_from_spec(_spec)
sys.modules["devrun"] = devrun
_spec.loader.exec_module(devrun)

DEMO_SECRETS = {"platform-services": "platform-services-secret"}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# -- databases ---------------------------------------------------------------------------


def dsn_of(database: str) -> str:
    """The asyncpg DSN of a database on the bench server."""
    base, _, _ = ADMIN_DSN.rpartition("/")
    return f"{base}/{database}"


def sqlalchemy_url(database: str) -> str:
    return dsn_of(database).replace("postgresql://", "postgresql+asyncpg://", 1)


async def _admin(statement: str) -> None:
    connection = await asyncpg.connect(ADMIN_DSN)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def create_database(kind: str) -> str:
    name = f"bench_{kind}_{uuid.uuid4().hex[:10]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    return name


def drop_database(name: str) -> None:
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


# -- processes ---------------------------------------------------------------------------


def free_ports(count: int, start: int = 23100) -> list[int]:
    """`count` consecutive free loopback ports."""
    for base in range(start, 60000, 10):
        if all(_port_free(port) for port in range(base, base + count)):
            return list(range(base, base + count))
    raise RuntimeError("no free ports")


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (uvicorn's `--workers` are children of its supervisor)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rpartition(")")[2].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        pending.extend(children.get(current, []))
    return tree


def peak_rss_mib(pid: int) -> float | None:
    """VmHWM (peak resident set) of one process, in MiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def cpu_seconds(pids: Iterable[int]) -> float:
    """User + system CPU time the processes have used so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log_path: Path

    def tree(self) -> list[int]:
        return process_tree(self.popen.pid)

    def peak_rss(self) -> dict[str, float]:
        """VmHWM of the process and of each of its descendants, by pid."""
        peaks: dict[str, float] = {}
        for pid in process_tree(self.popen.pid):
            peak = peak_rss_mib(pid)
            if peak is not None:
                peaks[str(pid)] = peak
        return peaks


@dataclass
class Cluster:
    """The processes of one benchmark, their settings, and the memory they peaked at."""

    label: str
    base_port: int
    env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, Process] = field(default_factory=dict)
    memory: dict[str, dict[str, float]] = field(default_factory=dict)
    _tokens: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        var_dir = RESULTS / "var" / self.label
        var_dir.mkdir(parents=True, exist_ok=True)
        self.var_dir = var_dir
        self.env = devrun.environment(var_dir, self.base_port)
        self.env["PYTHONUNBUFFERED"] = "1"
        for service in devrun.SERVICES:
            self.env[f"{service.prefix}MIGRATE_ON_START"] = "false"

    @property
    def auth_url(self) -> str:
        return f"http://127.0.0.1:{self.base_port}"

    def url(self, service: str) -> str:
        offsets = {"dev-auth": 0, "care-status-api": 1, "incident-api": 2, "notify-api": 3}
        return f"http://127.0.0.1:{self.base_port + offsets[service]}"

    def use_database(self, prefix: str, database: str) -> None:
        self.env[f"{prefix}DATABASE_URL"] = sqlalchemy_url(database)

    def run(self, *command: str) -> None:
        """Run a console script to completion (e.g. `care-status-api migrate`)."""
        subprocess.run([str(BIN / command[0]), *command[1:]], env=self.env, cwd=REPO, check=True)

    def start(self, name: str, *command: str, extra_env: dict[str, str] | None = None) -> Process:
        env = dict(self.env)
        env.update(extra_env or {})
        log_path = self.var_dir / f"{name}.log"
        handle = log_path.open("ab")
        executable = command[0] if command[0].startswith("/") else str(BIN / command[0])
        popen = subprocess.Popen(
            [executable, *command[1:]], env=env, cwd=REPO, stdout=handle, stderr=handle
        )
        process = Process(name, popen, log_path)
        self.processes[name] = process
        return process

    def wait_http(self, name: str, url: str, timeout: float = 90) -> None:
        process = self.processes[name]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.popen.poll() is not None:
                raise RuntimeError(f"{name} exited: see {process.log_path}")
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{name} not ready at {url}: see {process.log_path}")

    def start_auth(self) -> None:
        self.start("dev-auth", "dev-auth", "serve")
        self.wait_http("dev-auth", f"{self.auth_url}/jwks.json")

    def start_service(
        self, service: str, *, workers: int = 2, extra_env: dict[str, str] | None = None
    ) -> None:
        self.start(service, service, "serve", "--workers", str(workers), extra_env=extra_env)
        self.wait_http(service, f"{self.url(service)}/readyz")

    def record_memory(self, name: str) -> None:
        process = self.processes.get(name)
        if process is not None and process.popen.poll() is None:
            self.memory[name] = process.peak_rss()

    def stop(self, name: str) -> None:
        """Stop a process (after noting its peak RSS)."""
        self.record_memory(name)
        process = self.processes.pop(name)
        if process.popen.poll() is None:
            process.popen.send_signal(signal.SIGTERM)
        try:
            process.popen.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.popen.kill()
            process.popen.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)

    def token(self, client_id: str) -> str:
        if client_id not in self._tokens:
            secret = DEMO_SECRETS.get(client_id, f"{client_id}-secret")
            response = httpx.post(
                f"{self.auth_url}/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(client_id, secret),
                timeout=10,
            )
            response.raise_for_status()
            self._tokens[client_id] = response.json()["access_token"]
        return self._tokens[client_id]


# -- load ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    throughput: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    non_2xx: int
    socket_errors: int
    statuses: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def wrk(
    url: str,
    script: Path,
    args: Iterable[str],
    *,
    threads: int = 2,
    connections: int = 32,
    seconds: int = 30,
    label: str = "wrk",
) -> WrkResult:
    """Run wrk with a Lua script whose `done()` prints one JSON line (see bench/*.lua)."""
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(script),
        url,
        "--",
        *args,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    (RESULTS / "var").mkdir(parents=True, exist_ok=True)
    (RESULTS / "var" / f"{label}.wrk.txt").write_text(completed.stdout + completed.stderr)
    line = next(text for text in completed.stdout.splitlines() if text.startswith('{"requests"'))
    data = json.loads(line)
    errors = data["errors"]
    return WrkResult(
        requests=data["requests"],
        seconds=round(data["duration_us"] / 1e6, 2),
        throughput=round(data["requests"] / (data["duration_us"] / 1e6), 1),
        p50_ms=round(data["p50_us"] / 1000, 2),
        p90_ms=round(data["p90_us"] / 1000, 2),
        p99_ms=round(data["p99_us"] / 1000, 2),
        max_ms=round(data["max_us"] / 1000, 2),
        non_2xx=errors["status"],
        socket_errors=errors["connect"] + errors["read"] + errors["write"] + errors["timeout"],
        statuses={str(code): count for code, count in data.get("statuses", {}).items()},
    )


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of `values` (fraction 0.5 = median)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def load_average() -> tuple[float, float, float]:
    one, five, fifteen = os.getloadavg()
    return round(one, 2), round(five, 2), round(fifteen, 2)


def write_result(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, default=str) + "\n")
    return path
