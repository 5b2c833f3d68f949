"""Journey 1: an emergency out-of-area placement, told to the area authority in time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from journeys import (
    CAMDEN,
    DERBYSHIRE,
    add_legal_status,
    add_placement,
    create_child,
    register_webhook,
    wait_for_notifications,
)
from platform_harness import Platform, eventually
from webhook_receiver import WebhookReceiver

from platform_shared.testing import serve_over_http

pytestmark = [pytest.mark.system]


async def test_emergency_out_of_area_placement_is_told_signed_acknowledged_and_met(
    platform: Platform,
) -> None:
    receiver = WebhookReceiver()
    async with (
        serve_over_http(receiver.app) as receiver_url,
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire,
        platform.aclient("notify-api", "demo-camden") as camden_notify,
    ):
        await register_webhook(derbyshire, receiver, receiver_url)

        child = await create_child(camden)
        await add_legal_status(camden, child["id"], "care_order_s31", "2025-01-10")
        # Tuesday 22 December 2026: 25 and 28 December are bank holidays, 26-27 a weekend.
        await add_placement(camden, child["id"], DERBYSHIRE, "2026-12-22", emergency=True)

        [notification] = await wait_for_notifications(
            derbyshire, child["person_ref"], "placement-out-of-area"
        )
        assert notification["recipient"] == {"org": DERBYSHIRE, "role": "area_authority"}
        assert datetime.fromisoformat(notification["due_at"]) == datetime(
            2026, 12, 31, 23, 59, 59, tzinfo=UTC
        )
        assert notification["subject"]["responsible_authority"] == CAMDEN
        assert notification["basis"] == "statutory"

        async def pushed() -> dict[str, object] | None:
            matching = [n for n in receiver.notifications() if n["id"] == notification["id"]]
            return matching[0] if matching else None

        delivered = await eventually(pushed, message="the webhook was not delivered")
        assert delivered["rule"] == "placement-out-of-area"
        assert receiver.bad_signatures == 0

        acknowledged = await derbyshire.post(f"/v1/notifications/{notification['id']}/acknowledge")
        assert acknowledged.status_code == 200, acknowledged.text

        board = await camden_notify.get("/v1/duties", params={"state": "met"})
        assert board.status_code == 200, board.text
        [duty] = [d for d in board.json()["items"] if d["notification_id"] == notification["id"]]
        assert duty["caller_role"] == "duty_holder"
        met_at = datetime.fromisoformat(duty["met_at"])
        assert met_at == datetime.fromisoformat(acknowledged.json()["acknowledged_at"])
        # On time while the run is before the deadline (31 December 2026); late after it.
        assert duty["met_on_time"] is (met_at <= datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC))
        open_board = await camden_notify.get("/v1/duties")
        assert notification["id"] not in [d["notification_id"] for d in open_board.json()["items"]]
