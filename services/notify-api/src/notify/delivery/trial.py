"""Test sends (issue 17): a signed `notification.test` posted now, its answer returned.

An integrator checks its verifier in one call: the body is an example, signed with the
endpoint's secrets exactly as a delivery is (Standard Webhooks), posted to the address the
check allowed (as a delivery, never following a redirect), and the answer's status, how
long it took and the first bytes of its body come back. Nothing is queued or retried and
no delivery is recorded; the send is audited.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from datetime import datetime

import httpx

from notify.delivery.operational import TestSendData, test_envelope
from notify.delivery.webhook import sign
from notify.endpoints.addresses import AddressRefused, check_webhook_url

#: How much of the receiver's answer comes back (bytes, shown as text).
EXCERPT_BYTES = 500


@dataclass(frozen=True)
class TrialResult:
    webhook_id: str
    status_code: int | None
    duration_ms: int
    error: str | None
    response_excerpt: str | None

    @property
    def accepted(self) -> bool:
        return self.error is None and self.status_code is not None and 200 <= self.status_code < 300


def test_body(endpoint_id: uuid.UUID, org: str, timestamp: datetime) -> str:
    """The `notification.test` envelope (`NotificationTestWebhook`): no person, only which
    endpoint it tests."""
    data = TestSendData(
        endpoint_id=str(endpoint_id),
        org=org,
        test=True,
        message="A test send from the care platform: no person, nothing to do",
    )
    envelope = test_envelope(data, timestamp).model_dump(mode="json")
    return json.dumps(envelope, separators=(",", ":"), sort_keys=True)


async def send_test(
    *,
    url: str,
    secrets: list[str],
    endpoint_id: uuid.UUID,
    org: str,
    timestamp: datetime,
    time_limit: float,
    development: bool,
) -> TrialResult:
    """Post one signed test message; never raises for a failed send."""
    webhook_id = f"test_{uuid.uuid4()}"
    started = time.perf_counter()

    def result(status: int | None, error: str | None, excerpt: str | None = None) -> TrialResult:
        elapsed = int((time.perf_counter() - started) * 1000)
        return TrialResult(webhook_id, status, elapsed, error, excerpt)

    try:
        checked = await check_webhook_url(url, development=development)
    except AddressRefused as refusal:
        return result(None, f"address refused: {refusal}")
    body = test_body(endpoint_id, org, timestamp)
    headers = {
        "content-type": "application/json",
        "user-agent": "care-platform-notify/1",
        "host": checked.host_header,
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": sign(secrets, webhook_id, timestamp, body),
    }
    try:
        # The connection goes to the checked address (no second DNS answer); TLS still
        # names and verifies the host.
        async with (
            httpx.AsyncClient(
                timeout=time_limit, follow_redirects=False, trust_env=False
            ) as client,
            client.stream(
                "POST",
                checked.connect_url(),
                content=body.encode(),
                headers=headers,
                extensions={"sni_hostname": checked.host},
            ) as response,
        ):
            excerpt = b""
            async for chunk in response.aiter_raw():
                excerpt += chunk
                if len(excerpt) >= EXCERPT_BYTES:
                    break
    except httpx.TimeoutException:
        return result(None, f"timeout after {time_limit:g} s")
    except httpx.HTTPError as error:
        return result(None, f"{type(error).__name__}: {error}"[:300])
    text = excerpt[:EXCERPT_BYTES].decode("utf-8", "replace")
    status = response.status_code
    if 300 <= status < 400:
        return result(status, "redirect not followed", text)
    return result(status, None, text)
