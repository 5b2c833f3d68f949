"""`Idempotency-Key` for POST: the first response is stored per (org, route, key) and replayed.

The stored response is written in the same transaction as the work it answers, so a
retry after a crash either finds the first answer or redoes the work, never half of it.
The same key with a different body is refused (422): it is a client bug, not a retry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Request, Security
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import JSON, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.auth import Principal, require_scopes
from platform_shared.calendar import utc_now
from platform_shared.db import Base
from platform_shared.dependencies import Session
from platform_shared.problems import Invalid

IDEMPOTENCY_HEADER = "Idempotency-Key"
#: Headers of the first answer that a replay carries again: where the resource is, its version.
REPLAYED_HEADERS = ("Location", "ETag")


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"

    org: Mapped[str] = mapped_column(String(64), primary_key=True)
    route: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int]
    response_body: Mapped[Any] = mapped_column(JSON)
    #: The headers a replay must carry again (`REPLAYED_HEADERS`); None before version 2.
    response_headers: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class IdempotentReplay(Exception):
    """Raised before the operation runs when the key was seen with the same body."""

    def __init__(self, status_code: int, body: Any, headers: Mapping[str, str] | None) -> None:
        super().__init__("idempotent replay")
        self.status_code = status_code
        self.body = body
        self.headers = dict(headers or {})


async def replay_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, IdempotentReplay)
    return JSONResponse(
        exc.body,
        status_code=exc.status_code,
        headers={**exc.headers, "Idempotent-Replayed": "true"},
    )


def request_fingerprint(body: bytes) -> str:
    """A hash of the request body that ignores key order and whitespace."""
    try:
        canonical = json.dumps(json.loads(body or b"null"), sort_keys=True, separators=(",", ":"))
    except ValueError:
        canonical = body.decode("utf-8", "replace")
    return hashlib.sha256(canonical.encode()).hexdigest()


class IdempotencyGuard:
    """Records the response of a keyed request; a no-op when the caller sent no key."""

    def __init__(self, session: AsyncSession, org: str, route: str, key: str | None, digest: str):
        self._session = session
        self.org, self.route, self.key, self.digest = org, route, key, digest

    async def check(self) -> None:
        """Replay the stored answer, or refuse a reused key, before any work is done."""
        if self.key is None:
            return
        stored = await self._session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.org == self.org,
                IdempotencyRecord.route == self.route,
                IdempotencyRecord.key == self.key,
            )
        )
        if stored is None:
            return
        if stored.request_hash != self.digest:
            raise Invalid(
                "header.Idempotency-Key",
                "this key was already used with a different request body",
            )
        raise IdempotentReplay(stored.status_code, stored.response_body, stored.response_headers)

    def remember(
        self,
        status_code: int,
        response: BaseModel | dict[str, Any],
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Store the response in the caller's transaction (committed with the work).

        Of `headers` (the response's, once `Location` and `ETag` are set), those a replay
        must carry again are kept.
        """
        if self.key is None:
            return
        body = response.model_dump(mode="json") if isinstance(response, BaseModel) else response
        kept = {name: headers[name] for name in REPLAYED_HEADERS if headers and name in headers}
        self._session.add(
            IdempotencyRecord(
                org=self.org,
                route=self.route,
                key=self.key,
                request_hash=self.digest,
                status_code=status_code,
                response_body=body,
                response_headers=kept or None,
            )
        )


async def idempotency_guard(
    request: Request,
    session: Session,
    principal: Annotated[Principal, Security(require_scopes)],
    idempotency_key: Annotated[
        str | None,
        Header(
            alias=IDEMPOTENCY_HEADER,
            min_length=1,
            max_length=200,
            description="Retries with the same key replay the first response and create nothing",
        ),
    ] = None,
) -> IdempotencyGuard:
    """The guard of the current request, after replaying or refusing a known key."""
    # The concrete path, not the route template: the same key sent for two different
    # children is two requests.
    guard = IdempotencyGuard(
        session,
        principal.org,
        f"{request.method} {request.url.path}",
        idempotency_key,
        request_fingerprint(await request.body()),
    )
    await guard.check()
    return guard


Idempotency = Annotated[IdempotencyGuard, Depends(idempotency_guard)]
