"""The notify-api app factory: rules validated at start, routers, the optional in-process worker."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI

from notify.deadlines.ladder import (
    LadderError,
    check_partnerships,
    duty_windows,
    load_ladders,
    nominal_length,
)
from notify.delivery.operational import document_webhooks
from notify.delivery.router import router as deliveries_router
from notify.delivery.worker import DeliveryWorker
from notify.duties.router import router as duties_router
from notify.endpoints.router import router as endpoints_router
from notify.events.router import document_request_schemas
from notify.events.router import router as events_router
from notify.figures.router import router as figures_router
from notify.monitoring.metrics import install as install_metrics
from notify.notifications.router import router as notifications_router
from notify.proofs.log import enable_log
from notify.proofs.metrics import publish_monitor_metrics
from notify.proofs.router import router as proofs_router
from notify.rules.catalogue import Catalogue, RuleFileError, load_catalogue, parse_window
from notify.rules.router import router as rules_router
from notify.settings import Settings
from platform_shared.app import create_service_app
from platform_shared.calendar import utc_now
from platform_shared.organisations import load_directory
from platform_shared.protocols import LocalProtocolError, load_local_protocols
from platform_shared.web.clock import Clock

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"

DESCRIPTION = """Turns events into notifications: versioned rules decide who must be told
and by when (statutory windows in working days on the England and Wales calendar), then
notifications are delivered by signed webhook (Standard Webhooks) and email with retries,
kept in each organisation's inbox, acknowledged, and escalated when overdue."""


def load_rules(settings: Settings) -> Catalogue:
    """The rules in force for `settings`; raises RuleFileError on a bad file or override,
    or on a local protocols setting naming an unknown protocol or authority."""
    directory = load_directory()
    try:
        protocols = load_local_protocols(settings.local_protocols, directory)
    except LocalProtocolError as error:
        raise RuleFileError(str(error)) from error
    catalogue = load_catalogue(
        settings.rules_file, settings.rule_windows, protocols=protocols, directory=directory
    )
    try:
        default_step = parse_window(settings.escalation_window)
    except ValueError as error:
        raise RuleFileError(f"escalation_window: {error}") from error
    try:
        ladders = load_ladders(
            settings.escalation_ladder,
            directory=directory,
            windows=duty_windows(catalogue),
            default_step=nominal_length(*default_step),
        )
        check_partnerships(settings.partnerships, directory)
    except LadderError as error:
        raise RuleFileError(str(error)) from error
    return replace(catalogue, ladders=ladders)


async def _deliver_in_process(app: FastAPI, stop: asyncio.Event) -> None:
    worker = DeliveryWorker(
        app.state.session_factory,
        settings=app.state.settings,
        catalogue=app.state.catalogue,
        clock=app.state.clock,
        tracer=app.state.tracer,
    )
    try:
        await worker.run(stop)
    finally:
        await worker.aclose()


def create_app(settings: Settings | None = None, *, clock: Clock = utc_now) -> FastAPI:
    """The notify-api app; a rule file that does not validate stops it here.

    `clock` is the app's "now" (routers read it with `platform_shared.web.clock.Now`, the
    in-process worker too); tests pass `notify.testing.Clock` to set it by hand.
    """
    settings = settings or Settings()
    catalogue = load_rules(settings)
    enable_log(settings.proof_log_enabled)
    app = create_service_app(
        title="notify-api",
        description=DESCRIPTION,
        settings=settings,
        migrations=MIGRATIONS,
        routers=[
            events_router,
            notifications_router,
            duties_router,
            endpoints_router,
            deliveries_router,
            rules_router,
            figures_router,
            proofs_router,
        ],
        background=[
            publish_monitor_metrics,
            *([_deliver_in_process] if settings.deliver_in_process else []),
        ],
        clock=clock,
    )
    document_request_schemas(app)
    app.state.catalogue = catalogue
    # Sandbox clients are served: their organisation is a sandbox twin (notify.sandbox).
    app.state.serves_sandbox = True
    document_webhooks(app)
    figures, app.state.intake_counters = install_metrics(
        app.state.metrics.registry, [rule.id for rule in catalogue.rules]
    )
    app.state.scrapes.append(figures.refresh)
    return app
