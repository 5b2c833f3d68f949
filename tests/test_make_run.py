"""`make run`'s processes: all five answer /readyz (the portal too), a token works, Ctrl-C stops everything."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.system, pytest.mark.xdist_group("system")]


def _free_base_port() -> int:
    for base in range(21000 + (os.getpid() % 50) * 10, 40000, 10):
        with_all_free = True
        for port in range(base, base + 5):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    with_all_free = False
                    break
        if with_all_free:
            return base
    raise RuntimeError("no free ports")


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found: set[int] = set()
    stack = [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_ready(url: str, launcher: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert launcher.poll() is None, "the launcher exited early"
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} not ready")


def test_make_run_starts_everything_serves_tokens_and_stops_cleanly(tmp_path: Path) -> None:
    base = _free_base_port()
    launcher = subprocess.Popen(
        [
            sys.executable,
            str(REPO / "deploy" / "devrun.py"),
            "run",
            "--var-dir",
            str(tmp_path / "var"),
            "--base-port",
            str(base),
        ],
        cwd=REPO,
    )
    try:
        for offset in range(5):
            _wait_ready(f"http://127.0.0.1:{base + offset}/readyz", launcher)
        started = _descendants(launcher.pid)

        token_response = httpx.post(
            f"http://127.0.0.1:{base}/oauth/token",
            data={"grant_type": "client_credentials", "scope": "rules:read"},
            auth=("demo-camden", "demo-camden-secret"),
        )
        token = token_response.json()["access_token"]
        for offset in (1, 2, 3):
            document = httpx.get(f"http://127.0.0.1:{base + offset}/openapi.json").json()
            assert document["openapi"].startswith("3.")
        rules = httpx.get(
            f"http://127.0.0.1:{base + 3}/v1/rules", headers={"Authorization": f"Bearer {token}"}
        )
        assert rules.status_code == 200
        # The portal's start page, with GOV.UK Frontend served from the install step's npm ci.
        portal = httpx.get(f"http://127.0.0.1:{base + 4}/")
        assert portal.status_code == 200
        assert "Sign in" in portal.text
        css = httpx.get(f"http://127.0.0.1:{base + 4}/govuk/govuk-frontend.min.css")
        assert css.status_code == 200

        launcher.send_signal(signal.SIGINT)
        assert launcher.wait(timeout=30) == 0
    finally:
        if launcher.poll() is None:
            launcher.kill()
            launcher.wait()

    assert len(started) >= 6, "auth server, three services, the portal and the delivery worker"
    time.sleep(0.5)
    assert [pid for pid in started if _alive(pid)] == []
    for offset in range(5):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", base + offset)) != 0
