"""Pushing a notification to a webhook, signed by the Standard Webhooks specification.

Headers `webhook-id` (the delivery id, the same on every retry), `webhook-timestamp`
(seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`; after
a rotation one signature per secret, space separated). Redirects are never followed;
the whole attempt is bounded by the timeout.

The POST is made by `WebhookClient`: HTTP/1.1 on asyncio, with h11 (the protocol state
machine httpx itself uses) and a keep-alive pool per checked address. httpx's pool cost
the delivery worker 1-3 ms of CPU per request, more than everything else a delivery
does (docs/performance.md); this client costs about 0.1 ms. It does one thing: send one
request on a connection to an address `check_webhook_url` allowed, and read the status.
"""

from __future__ import annotations

import asyncio
import json
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import h11
import httpx
from standardwebhooks.webhooks import Webhook

from notify.delivery.operational import webhook_type
from notify.endpoints.addresses import AddressRefused, CheckedUrl, check_webhook_url
from platform_shared.tracing import inject_headers

#: Response bytes read before the connection is dropped rather than kept (the status is
#: all a delivery needs; a receiver answering megabytes is not worth reading).
MAX_RESPONSE_BYTES = 64 * 1024
#: An idle connection is not reused after this long (receivers close theirs after ~5 s).
IDLE_SECONDS = 4.0


@dataclass(frozen=True)
class AttemptResult:
    """What one attempt got back: a status code, or an error, and how long it took."""

    status_code: int | None
    error: str | None
    duration_ms: int
    retry_after: str | None = None

    @property
    def accepted(self) -> bool:
        return self.error is None and self.status_code is not None and 200 <= self.status_code < 300


def webhook_body(
    notification: dict[str, Any], timestamp: datetime, *, stream: dict[str, Any] | None = None
) -> str:
    """The payload: the notification (with only its minimum subject) in the standard
    envelope, with its place in the endpoint's stream (`notify.delivery.ordering`)."""
    envelope: dict[str, Any] = {
        "type": webhook_type(notification),
        "timestamp": timestamp.isoformat(),
        "data": notification,
    }
    if stream is not None:
        envelope["stream"] = stream
    return json.dumps(envelope, separators=(",", ":"), sort_keys=True)


_signers: dict[str, Webhook] = {}


def sign(secrets: list[str], message_id: str, timestamp: datetime, body: str) -> str:
    """The `webhook-signature` header: one `v1,` signature per secret in force."""
    signatures = []
    for secret in secrets:
        signer = _signers.get(secret)
        if signer is None:
            if len(_signers) >= 1024:
                _signers.clear()
            signer = _signers[secret] = Webhook(secret)
        signatures.append(signer.sign(message_id, timestamp, body))
    return " ".join(signatures)


class WebhookError(Exception):
    """The exchange failed before a complete status line came back; `kind` names how."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind


@dataclass(frozen=True)
class WebhookResponse:
    status_code: int
    retry_after: str | None


class _Connection(asyncio.Protocol):
    """One HTTP/1.1 connection: one request at a time, its response read through h11."""

    def __init__(self) -> None:
        self.h11 = h11.Connection(h11.CLIENT)
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self.idle_since = 0.0
        self.on_close: Callable[[_Connection], None] | None = None
        self._waiter: asyncio.Future[WebhookResponse] | None = None
        self._status = 0
        self._retry_after: str | None = None
        self._body_bytes = 0
        self._received_any = False

    @property
    def reusable(self) -> bool:
        return (
            not self.closed
            and self.transport is not None
            and not self.transport.is_closing()
            and self.h11.our_state is h11.IDLE
            and self.h11.their_state is h11.IDLE
        )

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.on_close is not None:
            self.on_close(self)
        self._fail("RemoteProtocolError", "server disconnected without sending a response")

    def eof_received(self) -> bool:
        self._feed(b"")
        return False  # close our side too

    def data_received(self, data: bytes) -> None:
        self._received_any = True
        self._feed(data)

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    async def request(self, head: h11.Request, body: bytes) -> WebhookResponse:
        """Send the request; the response status once its end (or enough of it) is read."""
        assert self.transport is not None
        self._waiter = asyncio.get_running_loop().create_future()
        self._status, self._retry_after, self._body_bytes = 0, None, 0
        self._received_any = False
        data = self.h11.send(head) or b""
        data += self.h11.send(h11.Data(data=body)) or b""
        data += self.h11.send(h11.EndOfMessage()) or b""
        self.transport.write(data)  # one write: headers and body in one segment
        try:
            return await self._waiter
        except BaseException:
            if not self.reusable:
                self.close()
            raise
        finally:
            self._waiter = None

    @property
    def answered(self) -> bool:
        """Whether any byte of a response came back (then the request must not be resent)."""
        return self._received_any

    def _feed(self, data: bytes) -> None:
        try:
            self.h11.receive_data(data)
            while True:
                event = self.h11.next_event()
                if event is h11.NEED_DATA or event is h11.PAUSED:
                    return
                if isinstance(event, h11.Response):
                    self._status = event.status_code
                    for name, value in event.headers:
                        if name == b"retry-after":
                            self._retry_after = value.decode("latin-1")
                elif isinstance(event, h11.Data):
                    self._body_bytes += len(event.data)
                    if self._body_bytes > MAX_RESPONSE_BYTES:
                        self._done()
                        self.close()
                        return
                elif isinstance(event, h11.EndOfMessage):
                    self._done()
                    if self.h11.our_state is h11.DONE and self.h11.their_state is h11.DONE:
                        self.h11.start_next_cycle()
                    else:
                        self.close()
                    return
                elif isinstance(event, h11.ConnectionClosed):
                    self._fail("RemoteProtocolError", "server disconnected")
                    self.close()
                    return
        except h11.RemoteProtocolError as error:
            if not data:  # the receiver closed the connection
                status = "during the response" if self._status else "without sending a response"
                self._fail("RemoteProtocolError", f"server disconnected {status}")
            else:
                self._fail("RemoteProtocolError", str(error))
            self.close()

    def _done(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(WebhookResponse(self._status, self._retry_after))

    def _fail(self, kind: str, detail: str) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_exception(WebhookError(kind, detail))


class WebhookClient:
    """POSTs to checked addresses over HTTP/1.1, keeping idle connections for the next one.

    Connections are pooled by (scheme, address, port, host name): TLS verifies the
    certificate for the host name (sent as SNI) with httpx's trust store, while the
    connection goes to the address that was checked.
    """

    def __init__(self, *, max_idle_per_address: int = 50) -> None:
        self.max_idle_per_address = max_idle_per_address
        self._idle: dict[tuple[str, str, int, str], list[_Connection]] = {}
        self._tls: ssl.SSLContext | None = None
        self._pruned = time.monotonic()

    async def post(
        self, checked: CheckedUrl, *, headers: list[tuple[str, str]], body: bytes
    ) -> WebhookResponse:
        """One POST of `body` to the checked address; WebhookError when no status came back."""
        parts = urlsplit(checked.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        head = h11.Request(
            method="POST",
            target=target,
            headers=[
                ("host", checked.host_header),
                *headers,
                ("content-length", str(len(body))),
            ],
        )
        key = (checked.scheme, str(checked.address), checked.port, checked.host)
        connection = self._take_idle(key)
        if connection is not None:
            try:
                response = await connection.request(head, body)
            except WebhookError:
                # A kept connection the receiver closed meanwhile (its keep-alive ran out
                # as the request left): try once on a new one, unless it answered
                # something. Should it have seen the request after all, the receiver gets
                # the same webhook-id twice, which it deduplicates.
                if connection.answered:
                    raise
            else:
                self._keep(key, connection)
                return response
        connection = await self._connect(checked)
        response = await connection.request(head, body)
        self._keep(key, connection)
        return response

    async def aclose(self) -> None:
        for connections in self._idle.values():
            for connection in connections:
                connection.close()
        self._idle.clear()

    def _take_idle(self, key: tuple[str, str, int, str]) -> _Connection | None:
        connections = self._idle.get(key)
        now = time.monotonic()
        while connections:
            connection = connections.pop()
            if connection.reusable and now - connection.idle_since < IDLE_SECONDS:
                connection.on_close = None
                return connection
            connection.close()
        return None

    def _keep(self, key: tuple[str, str, int, str], connection: _Connection) -> None:
        if not connection.reusable:
            connection.close()
            return
        now = time.monotonic()
        if now - self._pruned > IDLE_SECONDS:
            self._prune(now)
        connections = self._idle.setdefault(key, [])
        if len(connections) >= self.max_idle_per_address:
            connection.close()
            return
        connection.idle_since = now

        def forget(closed: _Connection) -> None:
            if closed in connections:
                connections.remove(closed)

        connection.on_close = forget
        connections.append(connection)

    def _prune(self, now: float) -> None:
        """Close connections idle too long, so that endpoints pushed to once hold none."""
        self._pruned = now
        for key, connections in list(self._idle.items()):
            for connection in [c for c in connections if now - c.idle_since >= IDLE_SECONDS]:
                connections.remove(connection)
                connection.close()
            if not connections:
                del self._idle[key]

    async def _connect(self, checked: CheckedUrl) -> _Connection:
        loop = asyncio.get_running_loop()
        tls: dict[str, Any] = {}
        if checked.scheme == "https":
            if self._tls is None:
                self._tls = httpx.create_ssl_context(trust_env=False)
            tls = {"ssl": self._tls, "server_hostname": checked.host}
        try:
            _transport, connection = await loop.create_connection(
                _Connection, str(checked.address), checked.port, **tls
            )
        except OSError as error:
            raise WebhookError("ConnectError", str(error) or type(error).__name__) from error
        return connection


async def post_webhook(
    client: WebhookClient,
    *,
    url: str,
    secrets: list[str],
    message_id: str,
    body: str,
    timestamp: datetime,
    time_limit: float,
    development: bool,
) -> AttemptResult:
    """One signed POST to the checked address of `url`; never raises for a failed attempt."""
    started = time.perf_counter()

    def result(
        status: int | None, error: str | None, retry_after: str | None = None
    ) -> AttemptResult:
        elapsed = int((time.perf_counter() - started) * 1000)
        return AttemptResult(status, error, elapsed, retry_after)

    try:
        checked = await check_webhook_url(url, development=development)
    except AddressRefused as refusal:
        return result(None, f"address refused: {refusal}")
    headers = [
        ("content-type", "application/json"),
        ("user-agent", "care-platform-notify/1"),
        ("webhook-id", message_id),
        ("webhook-timestamp", str(int(timestamp.timestamp()))),
        ("webhook-signature", sign(secrets, message_id, timestamp, body)),
        # The attempt's trace context (tracing on), so a receiver can join the trace.
        *inject_headers({}).items(),
    ]
    try:
        async with asyncio.timeout(time_limit):
            response = await client.post(checked, headers=headers, body=body.encode())
    except TimeoutError:
        return result(None, f"timeout after {time_limit:g} s")
    except WebhookError as error:
        return result(None, str(error)[:300])
    except (OSError, h11.LocalProtocolError) as error:
        return result(None, f"{type(error).__name__}: {error}"[:300])
    status = response.status_code
    if 300 <= status < 400:
        return result(status, "redirect not followed")
    return result(status, None, response.retry_after)
