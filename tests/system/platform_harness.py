"""The whole platform as real processes, for system tests.

Starts the development authorization server, the three services and delivery workers
with the same commands `make run` uses (`<service> serve`, `notify-api deliver`), on
SQLite files or on fresh PostgreSQL databases, and lets a test stop, kill and restart any
of them. Services talk to each other over real HTTP.

`relays=N` starts the production shape of `deploy/` instead of the embedded default: the
APIs do not relay in process (`<PREFIX>RELAY_IN_PROCESS=false`) and each producing service
has N `<service> relay` processes of its own.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url

from platform_shared.db import create_engine
from platform_shared.testing import postgres_admin_url

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

_spec = importlib.util.spec_from_file_location("devrun", REPO / "deploy" / "devrun.py")
assert _spec and _spec.loader
devrun = importlib.util.module_from_spec(_spec)
sys.modules["devrun"] = devrun
_spec.loader.exec_module(devrun)

T = TypeVar("T")

#: Each HTTP process's port, from the platform's base port.
SERVICE_OFFSETS = {
    "dev-auth": 0,
    "care-status-api": 1,
    "incident-api": 2,
    "notify-api": 3,
    "portal": 4,
}
#: The services with an outbox, whose relay may run as processes of its own.
RELAYING_SERVICES = ("care-status-api", "incident-api")
#: How long a start waits for `/readyz`. A ready service answers at once, so the bound
#: costs nothing when healthy; a loaded 2-core host has taken over 60 s to start one.
STARTUP_SECONDS = 180.0

DEMO_SECRETS = {
    "platform-services": "platform-services-secret",
}


def demo_secret(client_id: str) -> str:
    if client_id.startswith("sandbox-"):
        # Every demo secret starts `demo-`, which production refuses (the sandbox's too).
        return f"demo-{client_id}-secret"
    return DEMO_SECRETS.get(client_id, f"{client_id}-secret")


@dataclass
class Platform:
    backend: str
    var_dir: Path
    base_port: int
    env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    #: How each process was started (command, extra settings), so it can be started again.
    commands: dict[str, tuple[tuple[str, ...], dict[str, str]]] = field(default_factory=dict)
    databases: list[str] = field(default_factory=list)
    _tokens: dict[tuple[str, str | None], str] = field(default_factory=dict)

    @property
    def auth_url(self) -> str:
        return f"http://127.0.0.1:{self.base_port}"

    def url(self, service: str) -> str:
        return f"http://127.0.0.1:{self.base_port + SERVICE_OFFSETS[service]}"

    def prepare(self) -> None:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.env = devrun.environment(self.var_dir, self.base_port)
        self.env["PYTHONUNBUFFERED"] = "1"
        for service in devrun.SERVICES:
            # Quick relays and sweeps so tests wait seconds, not minutes.
            self.env[f"{service.prefix}RELAY_POLL_SECONDS"] = "0.2"
            if self.backend == "postgresql":
                name = f"sys_{service.prefix.lower().strip('_')}_{uuid.uuid4().hex[:12]}"
                _admin(f'CREATE DATABASE "{name}"')
                self.databases.append(name)
                url = make_url(postgres_admin_url()).set(database=name)
                self.env[f"{service.prefix}DATABASE_URL"] = url.render_as_string(
                    hide_password=False
                )
        self.env["NOTIFY_DELIVERY_POLL_SECONDS"] = "0.2"
        devrun.migrate(self.env)

    def start(self, name: str, *command: str, extra_env: dict[str, str] | None = None) -> None:
        """Start process `name` running `command` (a console script and its arguments)."""
        env = dict(self.env)
        env.update(extra_env or {})
        self.commands[name] = (command, dict(extra_env or {}))
        with (self.var_dir / f"{name}.log").open("ab") as log:
            self.processes[name] = subprocess.Popen(
                [str(BIN / command[0]), *command[1:]], env=env, cwd=REPO, stdout=log, stderr=log
            )

    def restart(self, name: str, timeout: float = STARTUP_SECONDS) -> None:
        """Start `name` again as it was started (after a stop or a kill); waits for an API."""
        if name in self.processes:
            self.stop(name)
        command, extra_env = self.commands[name]
        self.start(name, *command, extra_env=extra_env)
        if name in SERVICE_OFFSETS:
            self.wait_ready(name, timeout=timeout)

    def database_url(self, service: str) -> str:
        """The database URL `service` (care-status-api, incident-api, notify-api) runs on."""
        prefix = {s.name: s.prefix for s in devrun.SERVICES}[service]
        return self.env[f"{prefix}DATABASE_URL"]

    def start_replica(self, service: str, port: int) -> str:
        """Start another process of `service` on `port`, sharing its database; its URL."""
        prefix = {s.name: s.prefix for s in devrun.SERVICES}[service]
        name = f"{service}@{port}"
        self.start(name, service, "serve", extra_env={f"{prefix}PORT": str(port)})
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                    return url
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{name} not ready: see {self.var_dir}/{name}.log")

    def start_service(self, service: str) -> None:
        self.start(service, service, "serve")
        self.wait_ready(service)

    def start_all(
        self,
        delivery_workers: int = 1,
        relays: int = 0,
        worker_env: dict[str, str] | None = None,
    ) -> None:
        """Everything; with `relays`, that many relay processes per producing service."""
        self.start("dev-auth", "dev-auth", "serve")
        self.wait_ready("dev-auth")
        for service in ("care-status-api", "incident-api", "notify-api"):
            self.start(service, service, "serve", extra_env=self._api_env(service, relays))
        for service in ("care-status-api", "incident-api", "notify-api"):
            self.wait_ready(service)
        for service in RELAYING_SERVICES if relays else ():
            for number in range(relays):
                self.start(f"{service}-relay-{number}", service, "relay")
        for number in range(delivery_workers):
            self.start(f"worker-{number}", "notify-api", "deliver", extra_env=worker_env)

    @staticmethod
    def _api_env(service: str, relays: int) -> dict[str, str]:
        if not relays or service not in RELAYING_SERVICES:
            return {}
        prefix = {s.name: s.prefix for s in devrun.SERVICES}[service]
        return {f"{prefix}RELAY_IN_PROCESS": "false"}

    def wait_ready(self, service: str, timeout: float = STARTUP_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        process = self.processes.get(service)
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise AssertionError(f"{service} exited: see {self.var_dir}/{service}.log")
            try:
                if httpx.get(f"{self.url(service)}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{service} not ready: see {self.var_dir}/{service}.log")

    def stop(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes.pop(name)
        if process.poll() is None:
            process.send_signal(sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def kill(self, name: str) -> None:
        self.stop(name, signal.SIGKILL)

    def stop_everything(self) -> None:
        # Signalled together, then awaited: one after another, each may take its grace.
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for name in list(self.processes):
            self.stop(name)
        for name in self.databases:
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def token(self, client_id: str, scope: str | None = None) -> str:
        key = (client_id, scope)
        if key not in self._tokens:
            form = {"grant_type": "client_credentials"}
            if scope:
                form["scope"] = scope
            response = httpx.post(
                f"{self.auth_url}/oauth/token", data=form, auth=(client_id, demo_secret(client_id))
            )
            response.raise_for_status()
            self._tokens[key] = response.json()["access_token"]
        return self._tokens[key]

    def forget_tokens(self) -> None:
        """Drop cached tokens (after a key rotation, say)."""
        self._tokens.clear()

    def aclient(self, service: str, client_id: str) -> httpx.AsyncClient:
        """An async client of `service` carrying `client_id`'s token (for async tests)."""
        return httpx.AsyncClient(
            base_url=self.url(service),
            headers={"Authorization": f"Bearer {self.token(client_id)}"},
            timeout=30,
        )

    def client(self, service: str, client_id: str) -> httpx.Client:
        return httpx.Client(
            base_url=self.url(service),
            headers={"Authorization": f"Bearer {self.token(client_id)}"},
            timeout=30,
        )


def _admin(statement: str) -> None:
    async def run() -> None:
        engine = create_engine(postgres_admin_url()).execution_options(isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as connection:
                await connection.execute(text(statement))
        finally:
            await engine.dispose()

    asyncio.run(run())


def free_base_port() -> int:
    """The first of five consecutive free loopback ports (spread by pid across xdist workers)."""
    start = 22000 + (os.getpid() % 400) * 10
    for base in range(start, 60000, 10):
        if all(_port_free(port) for port in range(base, base + 5)):
            return base
    raise RuntimeError("no five free ports")


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


@contextmanager
def running_platform(
    backend: str,
    var_dir: Path,
    delivery_workers: int = 1,
    relays: int = 0,
    worker_env: dict[str, str] | None = None,
) -> Iterator[Platform]:
    platform = Platform(backend=backend, var_dir=var_dir, base_port=free_base_port())
    try:
        platform.prepare()
        platform.start_all(delivery_workers=delivery_workers, relays=relays, worker_env=worker_env)
        yield platform
    finally:
        platform.stop_everything()


async def eventually(
    probe: Callable[[], Awaitable[T | None]],
    timeout: float = 30,
    interval: float = 0.25,
    message: str = "",
) -> T:
    """Await `probe` until it returns something other than None (or time runs out)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = await probe()
        if found is not None:
            return found
        await asyncio.sleep(interval)
    raise AssertionError(message or "condition not met in time")


def wait_until(
    predicate: Callable[[], bool], timeout: float = 30, interval: float = 0.25, message: str = ""
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError(message or "condition not met in time")
