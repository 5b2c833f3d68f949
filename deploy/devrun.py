"""`make run`: the whole platform on its embedded default, in one terminal.

Migrates the SQLite databases under `var/`, starts the development authorization
server, the three services, the staff portal (base port + 4), the delivery worker and
the SSDA903 import worker, waits until each answers `/readyz`, prints where everything
is, and on Ctrl-C (or SIGTERM) stops every process it started. Each process is the same command production runs (`<service> serve`,
`notify-api deliver`); only the settings differ.

    python deploy/devrun.py run [--var-dir var] [--base-port 8000]
    python deploy/devrun.py migrate [--var-dir var]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Service:
    name: str  # console script
    prefix: str  # settings env prefix
    offset: int  # port = base + offset
    database: str | None  # SQLite file under var/


SERVICES = [
    Service("care-status-api", "CARE_STATUS_", 1, "care-status.db"),
    Service("incident-api", "INCIDENTS_", 2, "incidents.db"),
    Service("notify-api", "NOTIFY_", 3, "notify.db"),
]


#: The staff portal's port, from the base port (8004 on `make run`).
PORTAL_OFFSET = 4


def environment(var_dir: Path, base_port: int) -> dict[str, str]:
    """Settings for every process, so they find each other on the chosen ports."""
    issuer = f"http://127.0.0.1:{base_port}"
    env = dict(os.environ)
    env.update(
        {
            "DEV_AUTH_ISSUER": issuer,
            "DEV_AUTH_PORT": str(base_port),
            "DEV_AUTH_KEY_DIR": str(var_dir / "dev-auth"),
            "DEV_AUTH_CLIENTS_FILE": str(REPO / "deploy" / "dev-auth-clients.yaml"),
            "DEV_AUTH_PEOPLE_FILE": str(REPO / "deploy" / "dev-auth-people.yaml"),
            "INCIDENTS_CARE_STATUS_URL": f"http://127.0.0.1:{base_port + 1}",
            # A notification email's link opens the notification in the portal.
            "NOTIFY_PUBLIC_INBOX_BASE_URL": f"http://127.0.0.1:{base_port + PORTAL_OFFSET}"
            "/notifications",
            "PORTAL_PORT": str(base_port + PORTAL_OFFSET),
            "PORTAL_PUBLIC_URL": f"http://127.0.0.1:{base_port + PORTAL_OFFSET}",
            "PORTAL_OAUTH_ISSUER": issuer,
            "PORTAL_CARE_STATUS_URL": f"http://127.0.0.1:{base_port + 1}",
            "PORTAL_INCIDENTS_URL": f"http://127.0.0.1:{base_port + 2}",
            "PORTAL_NOTIFY_URL": f"http://127.0.0.1:{base_port + 3}",
        }
    )
    for service in SERVICES:
        env.setdefault(f"{service.prefix}ENVIRONMENT", "development")
        env[f"{service.prefix}PORT"] = str(base_port + service.offset)
        env[f"{service.prefix}OAUTH_ISSUER"] = issuer
        env[f"{service.prefix}NOTIFY_URL"] = f"http://127.0.0.1:{base_port + 3}"
        env[f"{service.prefix}DATABASE_URL"] = (
            f"sqlite+aiosqlite:///{var_dir / str(service.database)}"
        )
    return env


def migrate(env: dict[str, str]) -> None:
    """Migrate every service's database (they are independent, so side by side)."""
    running = [
        (service, subprocess.Popen([str(BIN / service.name), "migrate"], env=env, cwd=REPO))
        for service in SERVICES
    ]
    failed = [service.name for service, process in running if process.wait() != 0]
    if failed:
        raise SystemExit(f"migrations failed: {', '.join(failed)}")


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{url}: the process exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} was not ready within {timeout:.0f} s")


def stop_all(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 15
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run(var_dir: Path, base_port: int) -> int:
    var_dir.mkdir(parents=True, exist_ok=True)
    env = environment(var_dir, base_port)
    migrate(env)
    commands = [
        ("dev-auth", [str(BIN / "dev-auth"), "serve"], base_port),
        *[(s.name, [str(BIN / s.name), "serve"], base_port + s.offset) for s in SERVICES],
        ("portal", [str(BIN / "portal"), "serve"], base_port + PORTAL_OFFSET),
        ("delivery worker", [str(BIN / "notify-api"), "deliver"], None),
        # SSDA903 uploads (the API, the portal's upload page) are loaded by this worker.
        ("import worker", [str(BIN / "care-status-api"), "import-worker"], None),
    ]
    processes: list[subprocess.Popen[bytes]] = []
    stopping = False

    def request_stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        for _name, command, _port in commands:
            processes.append(subprocess.Popen(command, env=env, cwd=REPO))
        for (name, _command, port), process in zip(commands, processes, strict=True):
            if port is not None:
                wait_ready(f"http://127.0.0.1:{port}/readyz", process)
                print(f"ready: {name} on http://127.0.0.1:{port}", flush=True)
        print_welcome(base_port)
        while not stopping:
            for (name, _command, _port), process in zip(commands, processes, strict=True):
                if process.poll() is not None:
                    print(f"{name} exited with {process.returncode}; stopping", flush=True)
                    stopping = True
            time.sleep(0.3)
    finally:
        stop_all(processes)
        print("stopped every process", flush=True)
    return 0


def print_welcome(base_port: int) -> None:
    auth = f"http://127.0.0.1:{base_port}"
    print(
        f"""
The platform is running (Ctrl-C stops it):
  authorization server  {auth}/.well-known/openid-configuration
  care-status-api docs  http://127.0.0.1:{base_port + 1}/docs
  incident-api docs     http://127.0.0.1:{base_port + 2}/docs
  notify-api docs       http://127.0.0.1:{base_port + 3}/docs
  staff portal          http://127.0.0.1:{base_port + PORTAL_OFFSET}/  (sign in as a demo person)

Get a token:
  curl -s -u demo-camden:demo-camden-secret -d grant_type=client_credentials {auth}/oauth/token
""",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="devrun")
    parser.add_argument("command", choices=["run", "migrate"])
    parser.add_argument("--var-dir", type=Path, default=REPO / "var")
    parser.add_argument("--base-port", type=int, default=8000)
    args = parser.parse_args()
    if args.command == "migrate":
        args.var_dir.mkdir(parents=True, exist_ok=True)
        migrate(environment(args.var_dir, args.base_port))
        return 0
    return run(args.var_dir.resolve(), args.base_port)


if __name__ == "__main__":
    sys.exit(main())
