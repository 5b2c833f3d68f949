"""Pushing a notification to a webhook, signed by the Standard Webhooks specification.

Headers `webhook-id` (the delivery id, the same on every retry), `webhook-timestamp`
(seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`; after
a rotation one signature per secret, space separated). Redirects are never followed;
the whole attempt is bounded by the timeout.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook

from notify.endpoints.addresses import AddressRefused, check_webhook_url


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


def webhook_body(notification: dict[str, Any], timestamp: datetime) -> str:
    """The payload: the notification (with only its minimum subject) in the standard envelope."""
    envelope = {
        "type": f"notification.{notification.get('kind', 'rule')}",
        "timestamp": timestamp.isoformat(),
        "data": notification,
    }
    return json.dumps(envelope, separators=(",", ":"), sort_keys=True)


def sign(secrets: list[str], message_id: str, timestamp: datetime, body: str) -> str:
    """The `webhook-signature` header: one `v1,` signature per secret in force."""
    return " ".join(Webhook(secret).sign(message_id, timestamp, body) for secret in secrets)


async def post_webhook(
    http: httpx.AsyncClient,
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
    headers = {
        "content-type": "application/json",
        "host": checked.host_header,
        "user-agent": "care-platform-notify/1",
        "webhook-id": message_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": sign(secrets, message_id, timestamp, body),
    }
    extensions = {"sni_hostname": checked.host} if checked.scheme == "https" else {}
    try:
        async with asyncio.timeout(time_limit):
            response = await http.post(
                checked.connect_url(),
                content=body.encode(),
                headers=headers,
                extensions=extensions,
                follow_redirects=False,
                timeout=time_limit,
            )
    except TimeoutError:
        return result(None, f"timeout after {time_limit:g} s")
    except httpx.TimeoutException:
        return result(None, f"timeout after {time_limit:g} s")
    except httpx.HTTPError as error:
        return result(None, f"{type(error).__name__}: {error}"[:300])
    status = response.status_code
    if 300 <= status < 400:
        return result(status, "redirect not followed")
    return result(status, None, response.headers.get("retry-after"))
