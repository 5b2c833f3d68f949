"""Request ids, structured JSON logs with no personal data, Prometheus metrics, body limits.

Log lines carry ids (request, event, record) and never names, dates of birth or
identifiers: the formatter writes only the message and the `extra` fields code passes,
and code passes ids. A logged exception is written without its messages
(`platform_shared.tracebacks`): they are where a driver or a validator quotes values.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import uuid
from contextvars import ContextVar
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from platform_shared.problems import problem_response
from platform_shared.tracebacks import without_values

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

_STANDARD_RECORD_FIELDS = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "taskName",
}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and extras."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "service": self.service,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD_RECORD_FIELDS and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool) else str(value)
        if record.exc_info and record.exc_info[1] is not None:
            entry["exception"] = without_values(record.exc_info[1])
        return json.dumps(entry)


def configure_logging(service: str, level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Access logs would carry query strings; request metrics and our own lines replace them.
    logging.getLogger("uvicorn.access").disabled = True
    logging.getLogger("httpx").setLevel(logging.WARNING)


class Metrics:
    """The Prometheus registry of one app."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "http_requests_total",
            "HTTP requests by route template, method and status",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "HTTP request duration by route template",
            ["route", "method"],
            registry=self.registry,
        )

        self.dead_letters = Gauge(
            "outbox_dead_letters",
            "Events notify-api refused, dead-lettered and not yet sent again",
            registry=self.registry,
        )
        # Read from the database at each scrape, so they hold whichever process relays.
        self.outbox_pending = Gauge(
            "outbox_pending_events",
            "Outbox events not yet accepted by notify-api",
            registry=self.registry,
        )
        self.outbox_lag = Gauge(
            "outbox_oldest_pending_age_seconds",
            "Age of the oldest outbox event not yet accepted (the relay's lag)",
            registry=self.registry,
        )
        self.outbox_failing = Gauge(
            "outbox_failing_events",
            "Pending outbox events whose last post failed (the relay is failing them)",
            registry=self.registry,
        )
        self.scrape_errors = Counter(
            "metrics_scrape_errors_total",
            "Scrapes whose figures could not be read from the database",
            registry=self.registry,
        )

    def render(self) -> Response:
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


class RequestContextMiddleware:
    """Request id in and out (`X-Request-ID`), metrics per route template."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Request(scope).headers.get("x-request-id", "")
        request_id = incoming if 0 < len(incoming) <= 100 else str(uuid.uuid4())
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", "unmatched")
            self.metrics.requests.labels(template, scope["method"], str(status)).inc()
            self.metrics.latency.labels(template, scope["method"]).observe(
                time.perf_counter() - started
            )
            request_id_var.reset(token)


class BodyGuardMiddleware:
    """Refuse oversize bodies (413) and bodies that are not JSON (415) before any work."""

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        form_paths: frozenset[str] = frozenset(),
        form_max_body_bytes: int | None = None,
    ):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.form_paths = form_paths
        #: Uploads (multipart forms on `form_paths`) have their own, larger bound.
        self.form_max_body_bytes = form_max_body_bytes or max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"POST", "PUT", "PATCH"}:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        path = scope["path"]
        declared = request.headers.get("content-length")
        limit = self.form_max_body_bytes if path in self.form_paths else self.max_body_bytes
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse_too_large(scope, receive, send, limit)
            return
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        has_body = declared not in (None, "0") or "transfer-encoding" in request.headers
        json_like = media_type == "application/json" or media_type.endswith("+json")
        if has_body and not json_like and path not in self.form_paths:
            await self._refuse(
                scope,
                receive,
                send,
                415,
                "Unsupported media type",
                "Send the body as application/json",
            )
            return

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except BodyTooLarge:
            await self._refuse_too_large(scope, receive, send, limit)

    async def _refuse_too_large(
        self, scope: Scope, receive: Receive, send: Send, limit: int
    ) -> None:
        await self._refuse(
            scope,
            receive,
            send,
            413,
            "Body too large",
            f"The body exceeds {limit} bytes",
        )

    @staticmethod
    async def _refuse(
        scope: Scope, receive: Receive, send: Send, status: int, title: str, detail: str
    ) -> None:
        response = problem_response(status, title, detail=detail, instance=scope["path"])
        await response(scope, receive, send)


class BodyTooLarge(Exception):
    """A streamed body went past the limit its headers did not declare."""
