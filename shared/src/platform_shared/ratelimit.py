"""Per-client rate limits in the process: a token bucket per `client_id` and operation class.

The gateway in front of the services limits by address and in total (docs/operations.md);
this limits what one authenticated client may ask of one process, so that a runaway
custody system cannot starve the others. Three classes (decisions.md D16):

- `lookups`: operations that need `care-status:lookup` (`POST /v1/lookups`, the hot path);
- `reads`: every other `GET` or `HEAD`;
- `writes`: every other method (creating, changing, publishing events).

A bucket holds up to `burst` units and refills at `rate` units per second; each request
takes one. An empty bucket answers 429 (`RateLimited`) with `Retry-After` and the IETF
fields of draft-ietf-httpapi-ratelimit-headers (`RateLimit-Policy`, `RateLimit`), which
every answer to an authenticated request carries too. The time is the app's injectable
clock (`platform_shared.web.clock`), so tests refill a bucket without sleeping.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from platform_shared.calendar import utc_now
from platform_shared.problems import DomainError
from platform_shared.settings import ServiceSettings
from platform_shared.web.clock import Clock

#: The scope whose operations are `lookups`.
LOOKUP_SCOPE = "care-status:lookup"
#: Where `take_for` leaves the answer's fields for `RateLimitHeadersMiddleware`.
_STATE_KEY = "rate_limit_fields"
_READ_METHODS = frozenset({"GET", "HEAD"})


class OperationClass(StrEnum):
    LOOKUPS = "lookups"
    READS = "reads"
    WRITES = "writes"


def operation_class(method: str, scopes: Sequence[str]) -> OperationClass:
    """The class of an operation, from its method and the scopes it needs."""
    if LOOKUP_SCOPE in scopes:
        return OperationClass.LOOKUPS
    return OperationClass.READS if method.upper() in _READ_METHODS else OperationClass.WRITES


@dataclass(frozen=True)
class Policy:
    """A bucket of `burst` units refilled at `rate` units per second."""

    rate: float
    burst: int

    @property
    def window_seconds(self) -> int:
        """The seconds an empty bucket takes to fill: the policy's `w`."""
        return max(1, math.ceil(self.burst / self.rate))


@dataclass
class _Bucket:
    tokens: float
    at: float


@dataclass(frozen=True)
class Taken:
    """The outcome of taking one unit: allowed or not, and the fields to answer with."""

    allowed: bool
    remaining: int
    #: Seconds until the bucket is full again (the RateLimit `t`).
    reset_seconds: int
    #: Seconds until one unit is back (`Retry-After`), 0 when allowed.
    retry_after_seconds: int


class RateLimited(DomainError):
    status, slug, title = 429, "rate-limited", "Too many requests"


class RateLimiter:
    """Token buckets per (client, class), in this process's memory.

    Each process has its own buckets: N replicas let a client N times the rate, which the
    gateway's total limit bounds. The buckets of clients that stop calling are dropped once
    full again, so memory stays bounded by the clients active in a window.
    """

    def __init__(self, policies: dict[OperationClass, Policy], *, enabled: bool = True) -> None:
        self.policies = policies
        self.enabled = enabled
        self._buckets: dict[tuple[str, OperationClass], _Bucket] = {}
        self._takes = 0

    def take(self, client_id: str, kind: OperationClass, now: float) -> Taken:
        """Take one unit from the client's bucket of `kind` at the instant `now` (seconds)."""
        policy = self.policies[kind]
        bucket = self._buckets.get((client_id, kind))
        if bucket is None:
            bucket = self._buckets[(client_id, kind)] = _Bucket(float(policy.burst), now)
        elapsed = max(0.0, now - bucket.at)
        bucket.tokens = min(float(policy.burst), bucket.tokens + elapsed * policy.rate)
        bucket.at = now
        allowed = bucket.tokens >= 1.0
        if allowed:
            bucket.tokens -= 1.0
        self._forget_full_buckets(now)
        missing = policy.burst - bucket.tokens
        return Taken(
            allowed=allowed,
            remaining=int(bucket.tokens),
            reset_seconds=math.ceil(missing / policy.rate),
            retry_after_seconds=0
            if allowed
            else max(1, math.ceil((1.0 - bucket.tokens) / policy.rate)),
        )

    def _forget_full_buckets(self, now: float) -> None:
        self._takes += 1
        if self._takes % 10_000:
            return
        full = [
            key
            for key, bucket in self._buckets.items()
            if bucket.tokens + (now - bucket.at) * self.policies[key[1]].rate
            >= self.policies[key[1]].burst
        ]
        for key in full:
            del self._buckets[key]

    def fields(self, kind: OperationClass, taken: Taken) -> dict[str, str]:
        """The IETF RateLimit fields (and `Retry-After` when refused) of an answer."""
        policy = self.policies[kind]
        fields = {
            "RateLimit-Policy": f'"{kind}";q={policy.burst};w={policy.window_seconds}',
            "RateLimit": f'"{kind}";r={taken.remaining};t={taken.reset_seconds}',
        }
        if not taken.allowed:
            fields["Retry-After"] = str(taken.retry_after_seconds)
        return fields


def rate_limiter_of(settings: ServiceSettings) -> RateLimiter:
    """The limiter of a service's settings (`rate_limit_*`)."""
    return RateLimiter(
        {
            OperationClass.LOOKUPS: Policy(
                settings.rate_limit_lookups_per_second, settings.rate_limit_lookups_burst
            ),
            OperationClass.READS: Policy(
                settings.rate_limit_reads_per_second, settings.rate_limit_reads_burst
            ),
            OperationClass.WRITES: Policy(
                settings.rate_limit_writes_per_second, settings.rate_limit_writes_burst
            ),
        },
        enabled=settings.rate_limit_enabled,
    )


def enforce_rate_limit(request: Request, client_id: str, scopes: Sequence[str]) -> None:
    """Take a unit of the caller's bucket for this operation; RateLimited (429) when empty.

    A no-op for an app without a limiter or with limits off. Called once per request, by
    `platform_shared.auth.authorize` when it first knows the caller.
    """
    limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
    if limiter is None or not limiter.enabled:
        return
    clock: Clock = getattr(request.app.state, "clock", utc_now)
    kind = operation_class(request.method, scopes)
    taken = limiter.take(client_id, kind, clock().timestamp())
    fields = limiter.fields(kind, taken)
    if not taken.allowed:
        raise RateLimited(
            f"This client's {kind} limit is used up; retry after {taken.retry_after_seconds} s",
            headers=fields,
        )
    request.scope.setdefault("state", {})[_STATE_KEY] = fields


class RateLimitHeadersMiddleware:
    """Adds the RateLimit fields `enforce_rate_limit` left to the answer (a 429 has them)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})

        async def send_with_fields(message: Message) -> None:
            if message["type"] == "http.response.start":
                fields: dict[str, str] | None = state.get(_STATE_KEY)
                if fields:
                    present = {name.lower() for name, _ in message.get("headers", [])}
                    extra = [
                        (name.lower().encode(), value.encode())
                        for name, value in fields.items()
                        if name.lower().encode() not in present
                    ]
                    message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_fields)
