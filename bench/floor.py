"""The floor of the lookup benchmark: Starlette and asyncpg with nothing in between.

The same indexed select as care-status-api's lookup by name and date of birth (the name
keys on `ix_children_name_key`) and the same audit insert into `audit_log`, in one
transaction, with no framework around it, no token, no validation and no status
computation. What care-status-api does on top of this is what the ratio measures.

    FLOOR_DSN=postgresql://postgres@127.0.0.1:5432/<db> \
      uvicorn floor:create_app --factory --app-dir bench --workers 2 --port 8005
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

from care_status.lookups.matching import name_key

FIND = """
SELECT id, person_ref, responsible_authority FROM children
 WHERE family_name_key = $1 AND given_name_key = $2 AND date_of_birth = $3
 LIMIT 2
"""
AUDIT = """
INSERT INTO audit_log (id, at, client_id, org, action, subject_type, subject_id,
                       subject_owner, purpose, outcome, details)
VALUES ($1, $2, $3, $4, 'lookup', 'child', $5, $6, $7, $8, $9)
"""


async def lookup(request: Request) -> Response:
    body = json.loads(await request.body())
    born = datetime.strptime(body["date_of_birth"], "%Y-%m-%d").date()
    pool: asyncpg.Pool = request.app.state.pool
    async with pool.acquire() as connection, connection.transaction():
        rows = await connection.fetch(
            FIND, name_key(body["family_name"]), name_key(body["given_name"]), born
        )
        child = rows[0] if len(rows) == 1 else None
        outcome = "matched" if child else ("ambiguous" if rows else "no_record")
        details = {
            "requester_reference": body.get("requester_reference"),
            "as_of": datetime.now(UTC).date().isoformat(),
            "matched_by": "name_and_date_of_birth",
            "candidates": len(rows),
        }
        await connection.execute(
            AUDIT,
            uuid.uuid4(),
            datetime.now(UTC),
            "demo-met-custody",
            "police-metropolitan",
            str(child["id"]) if child else None,
            child["responsible_authority"] if child else None,
            body.get("purpose"),
            outcome,
            json.dumps(details),
        )
    answer = {"result": outcome, "person_ref": child["person_ref"] if child else None}
    return Response(json.dumps(answer), media_type="application/json")


async def healthz(request: Request) -> Response:
    return Response(b'{"status": "ok"}', media_type="application/json")


def create_app() -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        size = int(os.environ.get("FLOOR_POOL_SIZE", "16"))
        app.state.pool = await asyncpg.create_pool(
            os.environ["FLOOR_DSN"], min_size=size, max_size=size
        )
        try:
            yield
        finally:
            await app.state.pool.close()

    routes = [Route("/v1/lookups", lookup, methods=["POST"]), Route("/healthz", healthz)]
    return Starlette(routes=routes, lifespan=lifespan)
