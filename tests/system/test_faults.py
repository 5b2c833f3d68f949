"""Faults survived: a service down, a receiver down, a worker killed, a key rotated."""

from __future__ import annotations

import base64
import json
import subprocess
from typing import Any

import pytest
from journeys import (
    DERBYSHIRE,
    add_legal_status,
    add_placement,
    create_child,
    notifications_about,
    wait_for_notifications,
)
from platform_harness import BIN, REPO, Platform, eventually
from webhook_receiver import WebhookReceiver

from platform_shared.testing import free_port, serve_over_http

pytestmark = [pytest.mark.system]


async def _looked_after_child_placed_in_derbyshire(camden: Any, start: str) -> dict[str, Any]:
    child = await create_child(camden)
    await add_legal_status(camden, child["id"], "care_order_s31", "2025-01-10")
    await add_placement(camden, child["id"], DERBYSHIRE, start, emergency=True)
    return child


async def test_placements_posted_while_notify_is_down_each_arrive_once_after_restart(
    platform: Platform,
) -> None:
    platform.stop("notify-api")
    try:
        async with platform.aclient("care-status-api", "demo-camden") as camden:
            children = [
                await _looked_after_child_placed_in_derbyshire(camden, "2026-12-01")
                for _ in range(5)
            ]
    finally:
        platform.start_service("notify-api")

    async with platform.aclient("notify-api", "demo-derbyshire") as derbyshire:
        for child in children:
            await wait_for_notifications(
                derbyshire, child["person_ref"], "placement-out-of-area", timeout=60
            )
        for child in children:
            found = await notifications_about(
                derbyshire, child["person_ref"], "placement-out-of-area", kind="rule"
            )
            assert len(found) == 1


async def test_webhook_receiver_down_then_up_is_delivered_after_retries(
    platform: Platform,
) -> None:
    port = free_port()
    receiver = WebhookReceiver()
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire,
    ):
        endpoint = await derbyshire.post(
            "/v1/endpoints",
            json={
                "channel": "webhook",
                "url": f"http://127.0.0.1:{port}/hooks",
                "rules": ["placement-out-of-area"],
            },
        )
        assert endpoint.status_code == 201, endpoint.text
        receiver.secret = endpoint.json()["secret"]
        child = await _looked_after_child_placed_in_derbyshire(camden, "2026-12-02")
        [notification] = await wait_for_notifications(
            derbyshire, child["person_ref"], "placement-out-of-area", kind="rule"
        )

        async def failed_attempt() -> dict[str, Any] | None:
            detail = (await derbyshire.get(f"/v1/notifications/{notification['id']}")).json()
            mine = [d for d in detail["deliveries"] if d["endpoint_id"] == endpoint.json()["id"]]
            return mine[0] if mine and mine[0]["attempts"] else None

        delivery = await eventually(
            failed_attempt, message="no attempt while the receiver was down"
        )
        assert delivery["attempts"][0]["outcome"] == "retry"
        assert delivery["attempts"][0]["status_code"] is None

        async with serve_over_http(receiver.app, port=port):

            async def delivered() -> dict[str, Any] | None:
                detail = (await derbyshire.get(f"/v1/notifications/{notification['id']}")).json()
                mine = [
                    d for d in detail["deliveries"] if d["endpoint_id"] == endpoint.json()["id"]
                ]
                return mine[0] if mine and mine[0]["status"] == "delivered" else None

            done = await eventually(delivered, timeout=90, message="not delivered after recovery")

        # Remove the endpoint so later tests' notifications are not pushed to a closed port.
        await derbyshire.delete(f"/v1/endpoints/{endpoint.json()['id']}")

    assert len(done["attempts"]) >= 2
    assert done["attempts"][-1]["outcome"] == "delivered"
    assert receiver.repeats() == 0
    # The rule's own notification: ladder steps of older duties share its rule id.
    assert [n["id"] for n in receiver.notifications() if n["kind"] == "rule"] == [
        notification["id"]
    ]


def test_rotated_authorization_key_is_accepted_without_restarting_services(
    platform: Platform,
) -> None:
    # Both services have verified tokens of the current key before the rotation.
    with platform.client("care-status-api", "demo-camden") as camden:
        assert camden.get("/v1/children").status_code == 200
    old_kid = _kid(platform.token("demo-camden"))

    rotation = subprocess.run(
        [str(BIN / "dev-auth"), "rotate-key"], env=platform.env, cwd=REPO, capture_output=True
    )
    assert rotation.returncode == 0, rotation.stderr
    platform.forget_tokens()
    new_kid = _kid(platform.token("demo-camden"))

    with platform.client("care-status-api", "demo-camden") as camden:
        listed = camden.get("/v1/children")
    with platform.client("notify-api", "demo-derbyshire") as derbyshire:
        inbox = derbyshire.get("/v1/notifications")

    assert new_kid != old_kid
    assert listed.status_code == 200
    assert inbox.status_code == 200


def _kid(token: str) -> str:
    segment = token.split(".")[0]
    header = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    return str(header["kid"])
