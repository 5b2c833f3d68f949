"""The webhook client's connections: kept for the next push, replaced when a receiver drops them.

Receivers here are raw asyncio servers, so that each test controls exactly what the
receiver does with a connection (answer, close without answering, answer at length).
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from notify.delivery import webhook
from notify.delivery.webhook import AttemptResult, WebhookClient, post_webhook

NO_CONTENT = b"HTTP/1.1 204 No Content\r\n\r\n"
Handler = Callable[[int, int], Awaitable[bytes | None]]


class Server:
    """Reads requests; `answer(connection number, request number on it)` says what to send
    back (None: close the connection without answering)."""

    def __init__(self, answer: Handler) -> None:
        self.answer = answer
        self.connections = 0
        self.requests = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        connection, on_connection = self.connections, 0
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                await reader.readexactly(length)
                self.requests += 1
                on_connection += 1
                reply = await self.answer(connection, on_connection)
                if reply is None:
                    break
                writer.write(reply)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@asynccontextmanager
async def serving(
    answer: Handler, tls: ssl.SSLContext | None = None
) -> AsyncIterator[tuple[Server, str]]:
    server = Server(answer)
    listening = await asyncio.start_server(server.handle, "127.0.0.1", 0, ssl=tls)
    port = listening.sockets[0].getsockname()[1]
    try:
        yield server, f"{'https' if tls else 'http'}://127.0.0.1:{port}/hooks"
    finally:
        listening.close()


async def _push(client: WebhookClient, url: str) -> AttemptResult:
    return await post_webhook(
        client,
        url=url,
        secrets=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
        message_id="msg_1",
        body='{"data":{}}',
        timestamp=datetime(2026, 12, 22, 9, 0, tzinfo=UTC),
        time_limit=2.0,
        development=True,
    )


async def test_consecutive_pushes_to_a_receiver_share_one_connection() -> None:
    async def answer(_connection: int, _request: int) -> bytes:
        return NO_CONTENT

    client = WebhookClient()
    async with serving(answer) as (server, url):
        results = [await _push(client, url) for _ in range(3)]
        await client.aclose()

    assert [result.status_code for result in results] == [204, 204, 204]
    assert (server.connections, server.requests) == (1, 3)


async def test_a_kept_connection_the_receiver_dropped_is_replaced_without_a_failed_attempt() -> (
    None
):
    async def answer(_connection: int, request: int) -> bytes | None:
        return NO_CONTENT if request == 1 else None  # a keep-alive timeout racing the push

    client = WebhookClient()
    async with serving(answer) as (server, url):
        first = await _push(client, url)
        second = await _push(client, url)
        await client.aclose()

    assert (first.status_code, second.status_code, second.error) == (204, 204, None)
    assert server.connections == 2


async def test_a_receiver_that_never_answers_is_a_failed_attempt() -> None:
    async def answer(_connection: int, _request: int) -> None:
        return None

    client = WebhookClient()
    async with serving(answer) as (server, url):
        result = await _push(client, url)
        await client.aclose()

    assert result.status_code is None
    assert result.error is not None and "disconnected" in result.error
    assert server.requests == 1  # a new connection is not retried


async def test_a_long_answer_is_not_read_to_the_end_but_its_status_counts() -> None:
    async def answer(_connection: int, _request: int) -> bytes:
        body = b"x" * (1024 * 1024)
        return b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n%s" % (len(body), body)

    client = WebhookClient()
    async with serving(answer) as (_server, url):
        result = await _push(client, url)
        await client.aclose()

    assert (result.status_code, result.accepted) == (200, True)


async def test_a_chunked_answer_with_retry_after_is_read_and_its_connection_kept() -> None:
    async def answer(_connection: int, _request: int) -> bytes:
        return (
            b"HTTP/1.1 503 Service Unavailable\r\nretry-after: 120\r\n"
            b"transfer-encoding: chunked\r\n\r\n5\r\nbusy!\r\n0\r\n\r\n"
        )

    client = WebhookClient()
    async with serving(answer) as (server, url):
        results = [await _push(client, url) for _ in range(2)]
        await client.aclose()

    assert [(r.status_code, r.retry_after) for r in results] == [(503, "120"), (503, "120")]
    assert server.connections == 1


async def test_a_garbled_answer_is_a_failed_attempt() -> None:
    async def answer(_connection: int, _request: int) -> bytes:
        return b"not http at all\r\n\r\n"

    client = WebhookClient()
    async with serving(answer) as (_server, url):
        result = await _push(client, url)
        await client.aclose()

    assert result.status_code is None
    assert result.error is not None and result.error.startswith("RemoteProtocolError")


async def test_a_connection_idle_past_the_keep_time_is_not_reused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(webhook, "IDLE_SECONDS", 0.05)

    async def answer(_connection: int, _request: int) -> bytes:
        return NO_CONTENT

    client = WebhookClient()
    async with serving(answer) as (server, url):
        first = await _push(client, url)
        await asyncio.sleep(0.1)
        second = await _push(client, url)
        await client.aclose()

    assert (first.status_code, second.status_code) == (204, 204)
    assert server.connections == 2


def _self_signed(directory: Path) -> ssl.SSLContext:
    """A receiver's TLS context with a certificate for 127.0.0.1 that nobody vouches for."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    (directory / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (directory / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(directory / "cert.pem", directory / "key.pem")
    return context


async def test_a_receiver_whose_certificate_does_not_verify_is_sent_nothing(
    tmp_path: Path,
) -> None:
    async def answer(_connection: int, _request: int) -> bytes:
        return NO_CONTENT

    client = WebhookClient()
    async with serving(answer, tls=_self_signed(tmp_path)) as (server, url):
        result = await _push(client, url)
        await client.aclose()

    assert result.status_code is None
    assert result.error is not None and "CERTIFICATE_VERIFY_FAILED" in result.error
    assert server.requests == 0
