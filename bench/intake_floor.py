"""The floor of the intake benchmark: Starlette and asyncpg with nothing in between.

It does what notify-api's intake must at least do for one CloudEvent: parse it, check the
attributes a receipt needs, insert the event, its three notifications and a delivery for
each in one transaction, and answer with a receipt. No token, no schema validation, no
rules, no deadline arithmetic, no audit and no idempotency check: what notify-api does on
top of this is what the ratio of `bench/run.py --only intake` measures.

A batch (`Content-Type: application/cloudevents-batch+json`, a JSON array of events) is
taken in as notify-api takes one in: one transaction, every event's row, notifications and
deliveries written by one `executemany` each (asyncpg pipelines them), one receipt per
event. Still no idempotency: a repeated id fails the whole batch.

    FLOOR_DSN=postgresql://postgres@127.0.0.1:5432/<db> \
      uvicorn intake_floor:create_app --factory --app-dir bench --workers 2 --port 8006

The tables are the floor's own (created at start-up), with the widths of notify-api's.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

SCHEMA = """
CREATE TABLE IF NOT EXISTS floor_events (
    id varchar(200) PRIMARY KEY, source varchar(200) NOT NULL, type varchar(100) NOT NULL,
    subject varchar(200), data jsonb, person_ref varchar(100), received_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS floor_notifications (
    id uuid PRIMARY KEY, key varchar(400) UNIQUE NOT NULL,
    event_id varchar(200) REFERENCES floor_events (id), recipient_org varchar(64) NOT NULL,
    subject jsonb NOT NULL, status varchar(16) NOT NULL, created_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS floor_deliveries (
    id uuid PRIMARY KEY, notification_id uuid REFERENCES floor_notifications (id),
    channel varchar(16) NOT NULL, status varchar(16) NOT NULL,
    next_attempt_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS floor_deliveries_due ON floor_deliveries (next_attempt_at)
    WHERE status = 'pending';
"""
EVENT = """
INSERT INTO floor_events (id, source, type, subject, data, person_ref, received_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
"""
NOTIFICATION = """
INSERT INTO floor_notifications (id, key, event_id, recipient_org, subject, status, created_at)
VALUES ($1, $2, $3, $4, $5, 'pending', $6)
"""
DELIVERY = """
INSERT INTO floor_deliveries (id, notification_id, channel, status, next_attempt_at)
VALUES ($1, $2, 'webhook', 'pending', $3)
"""
# The recipients of the fan-out benchmark's event (bench/run.py FANOUT_RECIPIENTS).
RECIPIENTS = ("E09000007", "yot-E09000007", "yot-E10000007")
REQUIRED = ("id", "source", "type", "specversion", "time", "data")


BATCH_MEDIA_TYPE = "application/cloudevents-batch+json"


async def post_batch(request: Request, events: list[dict[str, object]]) -> Response:
    if not events:
        return Response(b'{"title": "empty batch"}', status_code=400)
    for event in events:
        missing = [name for name in REQUIRED if name not in event]
        if missing:
            return Response(json.dumps({"missing": missing}), status_code=422)
    now = datetime.now(UTC)
    event_rows, notification_rows, delivery_rows, receipts = [], [], [], []
    for index, event in enumerate(events):
        data = event["data"]
        assert isinstance(data, dict)
        subject = json.dumps({"person_ref": data.get("person_ref")})
        event_rows.append(
            (
                event["id"],
                event["source"],
                event["type"],
                event.get("subject"),
                json.dumps(data),
                data.get("person_ref"),
                now,
            )
        )
        notifications = []
        for org in RECIPIENTS:
            notification_id = uuid.uuid4()
            notification_rows.append(
                (notification_id, f"{event['id']}:{org}", event["id"], org, subject, now)
            )
            delivery_rows.append((uuid.uuid4(), notification_id, now))
            notifications.append({"id": str(notification_id), "recipient_org": org})
        receipts.append(
            {
                "index": index,
                "id": event["id"],
                "status": "accepted",
                "receipt": {"notifications": notifications},
            }
        )
    pool: asyncpg.Pool = request.app.state.pool
    async with pool.acquire() as connection, connection.transaction():
        await connection.executemany(EVENT, event_rows)
        await connection.executemany(NOTIFICATION, notification_rows)
        await connection.executemany(DELIVERY, delivery_rows)
    answer = {"accepted": len(receipts), "duplicates": 0, "refused": 0, "receipts": receipts}
    return Response(json.dumps(answer), status_code=200, media_type="application/json")


async def post_event(request: Request) -> Response:
    try:
        event = json.loads(await request.body())
    except ValueError:
        return Response(b'{"title": "not JSON"}', status_code=400)
    if request.headers.get("content-type", "").startswith(BATCH_MEDIA_TYPE):
        if not isinstance(event, list):
            return Response(b'{"title": "a batch is an array"}', status_code=400)
        return await post_batch(request, event)
    missing = [name for name in REQUIRED if name not in event]
    if missing:
        return Response(json.dumps({"missing": missing}), status_code=422)
    data = event["data"]
    now = datetime.now(UTC)
    subject = json.dumps({"person_ref": data.get("person_ref")})
    pool: asyncpg.Pool = request.app.state.pool
    notifications = []
    async with pool.acquire() as connection, connection.transaction():
        await connection.execute(
            EVENT,
            event["id"],
            event["source"],
            event["type"],
            event.get("subject"),
            json.dumps(data),
            data.get("person_ref"),
            now,
        )
        for org in RECIPIENTS:
            notification_id = uuid.uuid4()
            await connection.execute(
                NOTIFICATION,
                notification_id,
                f"{event['id']}:{org}",
                event["id"],
                org,
                subject,
                now,
            )
            await connection.execute(DELIVERY, uuid.uuid4(), notification_id, now)
            notifications.append({"id": str(notification_id), "recipient_org": org})
    receipt = {"event_id": event["id"], "status": "accepted", "notifications": notifications}
    return Response(json.dumps(receipt), status_code=201, media_type="application/json")


async def healthz(request: Request) -> Response:
    return Response(b'{"status": "ok"}', media_type="application/json")


def create_app() -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        size = int(os.environ.get("FLOOR_POOL_SIZE", "16"))
        app.state.pool = await asyncpg.create_pool(
            os.environ["FLOOR_DSN"], min_size=size, max_size=size
        )
        async with app.state.pool.acquire() as connection:
            # Two workers start at once: the advisory lock keeps their CREATEs apart.
            await connection.execute("SELECT pg_advisory_lock(903)")
            try:
                await connection.execute(SCHEMA)
            finally:
                await connection.execute("SELECT pg_advisory_unlock(903)")
        try:
            yield
        finally:
            await app.state.pool.close()

    routes = [Route("/v1/events", post_event, methods=["POST"]), Route("/healthz", healthz)]
    return Starlette(routes=routes, lifespan=lifespan)
