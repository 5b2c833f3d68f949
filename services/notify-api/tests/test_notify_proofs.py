"""The notification log: bundles that verify, bad requests refused, tampering found.

The bundle is checked with `notification_proofs` (the receiver's package); one test runs
its command line in a fresh virtual environment holding that package alone.
"""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from notification_proofs.bundle import (
    VerificationError,
    verify_body,
    verify_bundle,
    verify_checkpoints_consistent,
)
from notification_proofs.note import VerifierKey
from notify.delivery.worker import DeliveryWorker
from notify.proofs.cli import proofs_command
from notify.proofs.keys import published_keys
from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, seeded_worker
from platform_shared.calendar import utc_now
from platform_shared.testing import InProcessService, serve_over_http

from .conftest import make_settings

T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
PACKAGE = Path(__file__).resolve().parents[3] / "packages" / "notification-proofs"


@dataclass
class Receiver:
    """A webhook receiver that keeps every body it verified, byte for byte."""

    secret: str | None = None
    bodies: list[bytes] = field(default_factory=list)
    types: list[str] = field(default_factory=list)

    @property
    def app(self) -> Starlette:
        return Starlette(routes=[Route("/hooks", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        body = await request.body()
        assert self.secret is not None
        payload = Webhook(self.secret).verify(body, dict(request.headers))
        self.bodies.append(body)
        self.types.append(payload["type"])
        return Response(status_code=204)


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    hooks = Receiver()
    async with serve_over_http(hooks.app) as url:
        yield hooks, url


def _worker(service: InProcessService, settings: Settings) -> DeliveryWorker:
    start = utc_now().replace(microsecond=0) + timedelta(seconds=1)
    return seeded_worker(service.session_factory, settings, Clock(start))


async def _register(service: InProcessService, url: str, **filters: Any) -> str:
    camden = await service.as_client("demo-camden")
    body = {"channel": "webhook", "url": url, **filters}
    response = await camden.post("/v1/endpoints", json=body)
    assert response.status_code == 201, response.text
    secret: str = response.json()["secret"]
    return secret


async def _incident(service: InProcessService) -> str:
    platform = await service.as_client("platform-services")
    event = cloud_event("incident.recorded", incident_data("behaviour", T0), time=T0)
    response = await platform.post("/v1/events", json=event)
    assert response.status_code in (200, 201, 202), response.text
    notification_id: str = response.json()["notifications"][0]["id"]
    return notification_id


async def _keys(service: InProcessService) -> list[VerifierKey]:
    anyone = await service.as_client(None)
    response = await anyone.get("/.well-known/notification-log-keys")
    assert response.status_code == 200
    return [VerifierKey.parse(line) for line in response.text.splitlines()]


async def _bundle(service: InProcessService, notification_id: str) -> dict[str, Any]:
    camden = await service.as_client("demo-camden")
    response = await camden.get(f"/v1/notifications/{notification_id}/proof")
    assert response.status_code == 200, response.text
    bundle: dict[str, Any] = response.json()
    return bundle


async def _delivered_and_acknowledged(
    service: InProcessService, settings: Settings, url: str
) -> tuple[str, DeliveryWorker]:
    notification_id = await _incident(service)
    worker = _worker(service, settings)
    await worker.deliver_due()
    camden = await service.as_client("demo-camden")
    acknowledged = await camden.post(f"/v1/notifications/{notification_id}/acknowledge")
    assert acknowledged.status_code == 200, acknowledged.text
    assert await worker.proofs.checkpoint(utc_now(), force=True) is not None
    return notification_id, worker


async def test_a_notification_is_provable_from_made_to_acknowledged(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.secret = await _register(service, f"{url}/hooks")
    notification_id, worker = await _delivered_and_acknowledged(service, settings, url)
    await worker.aclose()

    bundle = await _bundle(service, notification_id)
    verified = verify_bundle(bundle, await _keys(service), origin=settings.proof_log_origin)

    assert [leaf.entry["step"] for leaf in verified.leaves] == [
        "made",
        "delivered",
        "acknowledged",
    ]
    made, delivered, acknowledged = (leaf.entry for leaf in verified.leaves)
    assert made["rule_id"] == "incident-in-placement"
    assert made["recipient_org"] == "E09000007"
    assert acknowledged["by_org"] == "E09000007"
    assert delivered["status_code"] == 204
    # The body the receiver kept is the one logged; another body is not.
    assert verify_body(verified, hooks.bodies[0]).entry == delivered
    with pytest.raises(VerificationError, match="no delivered step of the bundle logged"):
        verify_body(verified, hooks.bodies[0] + b" ")
    # No personal data in the entries: the person reference is not there.
    assert all("pr_0001" not in leaf["entry"] for leaf in bundle["leaves"])
    assert bundle["content"] == "held"
    anyone = await service.as_client(None)
    assert (await anyone.get("/v1/proofs/checkpoint")).text == bundle["checkpoint"]


async def test_checkpoints_kept_by_a_receiver_are_consistent(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.secret = await _register(service, f"{url}/hooks")
    await _incident(service)
    worker = _worker(service, settings)
    first = await worker.proofs.checkpoint(utc_now(), force=True)
    await _incident(service)
    await worker.deliver_due()
    second = await worker.proofs.checkpoint(utc_now(), force=True)
    await worker.aclose()
    assert first is not None and second is not None and second.size > first.size

    anyone = await service.as_client(None)
    response = await anyone.get(
        "/v1/proofs/consistency", params={"from": first.size, "to": second.size}
    )
    assert response.status_code == 200, response.text
    keys = await _keys(service)
    old, new = verify_checkpoints_consistent(first.note, second.note, response.json(), keys)
    assert (old.size, new.size) == (first.size, second.size)


async def test_subscribing_witnesses_get_every_checkpoint(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.secret = await _register(service, f"{url}/hooks", rules=["proof.checkpoint"])
    await _incident(service)
    worker = _worker(service, settings)
    made = await worker.proofs.checkpoint(utc_now(), force=True)
    await worker.aclose()

    assert made is not None
    assert hooks.types == ["proof.checkpoint"]
    pushed = json.loads(hooks.bodies[0])["data"]
    assert pushed == {"size": made.size, "checkpoint": made.note}


async def test_bad_proof_requests_are_refused(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    notification_id = await _incident(service)
    await _incident(service)
    worker = _worker(service, settings)
    made = await worker.proofs.checkpoint(utc_now(), force=True)
    await worker.aclose()
    assert made is not None and made.size >= 2

    police = await service.as_client("demo-met-custody")
    other = await police.get(f"/v1/notifications/{notification_id}/proof")
    assert other.status_code == 404, other.text
    anyone = await service.as_client(None)
    beyond = await anyone.get("/v1/proofs/consistency", params={"from": 1, "to": made.size + 1})
    assert beyond.status_code == 422
    assert beyond.json()["errors"][0]["field"] == "query.to"
    backwards = await anyone.get("/v1/proofs/consistency", params={"from": made.size, "to": 1})
    assert backwards.status_code == 422
    assert backwards.json()["errors"][0]["field"] == "query.from"


def _flip_base64(value: str, position: int) -> str:
    raw = bytearray(base64.b64decode(value))
    raw[position] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


def _tampered(bundle: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The bundle with one byte changed, everywhere a byte can be changed."""
    for number, leaf in enumerate(bundle["leaves"]):
        entry = leaf["entry"]
        for position in range(len(entry)):
            changed = json.loads(json.dumps(bundle))
            flipped = chr(ord(entry[position]) ^ 0x01)
            changed["leaves"][number]["entry"] = entry[:position] + flipped + entry[position + 1 :]
            yield f"leaves[{number}]", changed
        for step, hash_ in enumerate(leaf["inclusion_path"]):
            for position in range(32):
                changed = json.loads(json.dumps(bundle))
                changed["leaves"][number]["inclusion_path"][step] = _flip_base64(hash_, position)
                yield f"leaves[{number}].inclusion_path", changed
    note: str = bundle["checkpoint"]
    text, _, signature_line = note.partition("\n\n")
    prefix, _, blob = signature_line.rstrip("\n").rpartition(" ")
    for position in range(len(base64.b64decode(blob))):
        changed = json.loads(json.dumps(bundle))
        changed["checkpoint"] = f"{text}\n\n{prefix} {_flip_base64(blob, position)}\n"
        yield "checkpoint", changed
    origin, size, root = text.split("\n")
    for position in range(32):
        changed = json.loads(json.dumps(bundle))
        changed["checkpoint"] = (
            f"{origin}\n{size}\n{_flip_base64(root, position)}\n\n{signature_line}"
        )
        yield "checkpoint", changed


async def test_one_changed_byte_anywhere_fails_the_bundle(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.secret = await _register(service, f"{url}/hooks")
    await _incident(service)  # a leaf before ours: the paths are not empty
    notification_id, worker = await _delivered_and_acknowledged(service, settings, url)
    await worker.aclose()
    bundle = await _bundle(service, notification_id)
    keys = await _keys(service)
    verify_bundle(bundle, keys)

    tried = 0
    for where, changed in _tampered(bundle):
        tried += 1
        with pytest.raises(VerificationError) as failed:
            verify_bundle(changed, keys)
        assert str(failed.value).startswith(where), (where, str(failed.value))
    assert tried > 500
    unknown = VerifierKey.parse(
        "someone-else+"
        + VerifierKey("someone-else", keys[0].public_key).id.hex()
        + "+"
        + base64.b64encode(b"\x01" + keys[0].public_key).decode()
    )
    with pytest.raises(VerificationError, match="signed by no known key"):
        verify_bundle(bundle, [unknown])


async def test_rows_edited_or_deleted_in_the_database_are_found(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str], capsys: Any
) -> None:
    hooks, url = receiver
    hooks.secret = await _register(service, f"{url}/hooks")
    await _incident(service)
    _, worker = await _delivered_and_acknowledged(service, settings, url)
    assert await asyncio.to_thread(proofs_command, ["verify"], settings) == 0
    assert (await worker.proofs.monitor(utc_now())).ok

    async with service.session_factory() as session, session.begin():
        await session.execute(
            text(
                "UPDATE proof_leaves SET entry = replace(entry, 'acknowledged', 'ended') "
                "WHERE step = 'acknowledged'"
            )
        )
    assert await asyncio.to_thread(proofs_command, ["verify"], settings) == 1
    assert "the stored entries hash to another root" in capsys.readouterr().out
    # An entry the monitor had verified is found by its whole pass.
    found = await worker.proofs.monitor(utc_now(), whole=True)
    assert not found.ok
    # The platform's own inbox is told, once (the same failure found again is not news).
    await worker.proofs.monitor(utc_now())
    async with service.session_factory() as session:
        notices = await session.execute(
            text(
                "SELECT rule_id, recipient_role FROM notifications WHERE recipient_org = 'platform'"
            )
        )
        assert [tuple(row) for row in notices] == [("notification-log-mismatch", "platform")]

    async with service.session_factory() as session, session.begin():
        await session.execute(text("DELETE FROM proof_leaves WHERE tree_index = 0"))
    assert await asyncio.to_thread(proofs_command, ["verify"], settings) == 1
    assert "leaf 0: missing" in capsys.readouterr().out
    assert not (await worker.proofs.monitor(utc_now(), whole=True)).ok
    await worker.aclose()


async def test_the_monitor_checks_what_is_new_and_now_and_then_everything(
    service: InProcessService, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    hooks.secret = await _register(service, f"{url}/hooks")
    _, worker = await _delivered_and_acknowledged(service, settings, url)
    first = await worker.proofs.monitor(utc_now())  # the first run is a whole pass
    assert first.ok and first.size > 0

    async def edit(tree_index: int) -> None:
        async with service.session_factory() as session, session.begin():
            await session.execute(
                text(
                    "UPDATE proof_leaves SET entry = replace(entry, '\"v\"', '\"v \"') "
                    f"WHERE tree_index = {tree_index}"
                )
            )

    # Nothing new: the run reads nothing. An edit of an entry it verified waits for the
    # whole pass (hourly by default) ...
    await edit(0)
    assert (await worker.proofs.monitor(utc_now())).ok
    assert not (await worker.proofs.monitor(utc_now(), whole=True)).ok
    async with service.session_factory() as session, session.begin():  # put it back
        await session.execute(
            text("UPDATE proof_leaves SET entry = replace(entry, '\"v \"', '\"v\"')")
        )
    assert (await worker.proofs.monitor(utc_now(), whole=True)).ok

    # ... while an entry sequenced since the last run is checked by the next run.
    await _incident(service)
    made = await worker.proofs.checkpoint(utc_now(), force=True)
    assert made is not None
    grown = await worker.proofs.monitor(utc_now())
    assert grown.ok and grown.size == made.size > first.size
    await _incident(service)
    newer = await worker.proofs.checkpoint(utc_now(), force=True)
    assert newer is not None
    await edit(grown.size)
    found = await worker.proofs.monitor(utc_now())
    assert found.failures == [f"checkpoint {newer.size}: the stored entries hash to another root"]
    await worker.aclose()


async def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True)


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with `notification-proofs` alone (and what it needs)."""
    uv = Path(sys.prefix).parent / ".tools" / "bin" / "uv"
    venv = tmp_path_factory.mktemp("receiver") / "venv"
    subprocess.run([str(uv), "venv", "--quiet", str(venv)], check=True)
    subprocess.run(
        [
            str(uv),
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            str(PACKAGE),
        ],
        check=True,
    )
    return venv


async def test_a_receiver_verifies_with_the_package_alone(
    service: InProcessService,
    settings: Settings,
    receiver: tuple[Receiver, str],
    fresh_venv: Path,
    tmp_path: Path,
) -> None:
    hooks, url = receiver
    hooks.secret = await _register(service, f"{url}/hooks")
    notification_id, worker = await _delivered_and_acknowledged(service, settings, url)
    await worker.aclose()
    bundle = await _bundle(service, notification_id)
    anyone = await service.as_client(None)
    (tmp_path / "keys").write_text((await anyone.get("/.well-known/notification-log-keys")).text)
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    (tmp_path / "body").write_bytes(hooks.bodies[0])
    tampered = json.loads(json.dumps(bundle))
    tampered["leaves"][1]["entry"] = tampered["leaves"][1]["entry"].replace("204", "200")
    (tmp_path / "tampered.json").write_text(json.dumps(tampered))
    installed = await _run(str(fresh_venv / "bin" / "python"), "-m", "pip", "list")
    command = str(fresh_venv / "bin" / "notification-proofs")
    key = ["--key", str(tmp_path / "keys")]

    ok = await _run(command, "bundle", str(tmp_path / "bundle.json"), *key)
    body = await _run(command, "body", str(tmp_path / "bundle.json"), str(tmp_path / "body"), *key)
    bad = await _run(command, "bundle", str(tmp_path / "tampered.json"), *key)

    assert "notify" not in installed.stdout and "platform" not in installed.stdout
    assert ok.returncode == 0, ok.stderr
    assert "OK: notification" in ok.stdout and "acknowledged at" in ok.stdout
    assert body.returncode == 0, body.stderr
    assert bad.returncode == 1
    assert "leaves[1].inclusion_path: the inclusion path of leaf" in bad.stderr


def test_production_needs_its_own_signing_key() -> None:
    production = {
        "environment": "production",
        "platform_client_secret": "not-the-demo",
        "webhook_secret_keys": "k1:" + base64.urlsafe_b64encode(b"k" * 32).decode(),
    }
    with pytest.raises(ValueError, match="proof_signing_key is required"):
        make_settings("sqlite://", **production)
    seed = base64.b64encode(b"s" * 32).decode()
    settings = make_settings("sqlite://", proof_signing_key=f"log-2027:{seed}", **production)
    [key] = published_keys(settings)
    assert key.name == "log-2027"


async def test_the_running_worker_checkpoints_what_arrives(
    service: InProcessService, settings: Settings
) -> None:
    quick = settings.model_copy(
        update={"sweep_interval_seconds": 0.2, "proof_checkpoint_seconds": 0.2}
    )
    worker = DeliveryWorker(
        service.session_factory, settings=quick, catalogue=_worker(service, settings).catalogue
    )
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))

    async def unsequenced() -> int:
        async with service.session_factory() as session:
            query = "SELECT count(*) FROM proof_leaves WHERE tree_index IS NULL"
            return int((await session.execute(text(query))).scalar_one())

    async def sequenced_within(seconds: float) -> bool:
        for _ in range(int(seconds / 0.1)):
            if await unsequenced() == 0:
                return True
            await asyncio.sleep(0.1)
        return False

    try:
        for _ in range(2):  # a checkpoint, and another one after it
            await _incident(service)
            assert await sequenced_within(60)
    finally:
        stop.set()
        await running
        await worker.aclose()
    async with service.session_factory() as session:
        sizes = (await session.execute(text("SELECT size FROM proof_checkpoints"))).scalars()
        assert sorted(sizes) == [1, 2]
