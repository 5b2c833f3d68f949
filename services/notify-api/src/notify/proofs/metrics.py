"""The monitor's finding in the API's `/metrics`: the worker records it on the log's head
row, wherever it runs; the API reads it back every few seconds."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from fastapi import FastAPI
from prometheus_client import Gauge

from notify.proofs import repository

logger = logging.getLogger("notify.proofs")

#: How often the API reads the monitor's finding.
READ_SECONDS = 10.0


async def publish_monitor_metrics(app: FastAPI, stop: asyncio.Event) -> None:
    registry = app.state.metrics.registry
    failing = Gauge(
        "notification_log_verification_failed",
        "1 when the monitor found the stored notification log not matching a signed checkpoint",
        registry=registry,
    )
    verified = Gauge(
        "notification_log_verified_size",
        "The tree size the notification log's monitor last verified",
        registry=registry,
    )
    while not stop.is_set():
        try:
            async with app.state.session_factory() as session:
                head = await repository.head(session)
            if head is not None:
                failing.set(1 if head.monitor_failure else 0)
                verified.set(head.monitored_size)
        except Exception:
            logger.exception("reading the notification log monitor's finding failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), READ_SECONDS)
