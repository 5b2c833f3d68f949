"""The app factory of incident-api."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from incidents.auth import Scope
from incidents.care_status_client import CareStatusClient, facts_credentials
from incidents.checklist.router import router as checklist_router
from incidents.enrichment import FactsEnricher
from incidents.incidents.router import router as incidents_router
from incidents.monitoring.router import router as monitoring_router
from incidents.settings import Settings
from platform_shared.app import create_service_app
from platform_shared.calendar import utc_now
from platform_shared.dead_letters import dead_letter_router
from platform_shared.organisations import load_directory
from platform_shared.protocols import load_local_protocols
from platform_shared.web.clock import Clock

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"

DESCRIPTION = """\
Records what happened to looked-after children and care leavers: incidents in
placements and in the community, missing episodes and police contact (voluntary
interview, arrest, custody, charge, out-of-court disposal, NFA, court outcome, remand,
custodial sentence, release), with the protocol's decision record and the CPS 10-point
checklist, and produces the protocols' monitoring figures. Every record is announced to
notify-api as an event carrying the child's status facts from care-status-api.
"""


def care_status_client(settings: Settings) -> CareStatusClient:
    """The client to care-status-api, with incident-api's own client-credentials token."""
    return CareStatusClient(
        base_url=settings.care_status_url,
        credentials=facts_credentials(
            token_url=settings.token_url,
            client_id=settings.platform_client_id,
            client_secret=settings.platform_client_secret.get_secret_value(),
            discovery=settings.discovery(),
            request_scope=settings.oauth_request_scope,
        ),
        timeout_seconds=settings.care_status_timeout_seconds,
    )


def create_app(settings: Settings | None = None, *, clock: Clock = utc_now) -> FastAPI:
    """incident-api; with no argument, settings come from the environment (`INCIDENTS_`).

    `clock` is "now" for every request (tests fix it so that boundary times stay literal).
    Raises `LocalProtocolError`, naming the setting, when `local_protocols` names an
    unknown protocol or authority: the service does not start on it.
    """
    settings = settings or Settings()
    protocols = load_local_protocols(settings.local_protocols, load_directory())
    client = care_status_client(settings)
    enricher = FactsEnricher(client, lambda: app.state.session_factory)
    app = create_service_app(
        title="incident-api",
        description=DESCRIPTION,
        settings=settings,
        migrations=MIGRATIONS,
        routers=[
            incidents_router,
            checklist_router,
            monitoring_router,
            dead_letter_router(Scope.INCIDENTS_READ, Scope.INCIDENTS_WRITE),
        ],
        relay_prepare=enricher.prepare,
        clock=clock,
    )
    app.state.care_status = client
    app.state.local_protocols = protocols
    return app
