"""Settings of incident-api: prefix `INCIDENTS_`, built once and handed down."""

from __future__ import annotations

from platform_shared.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    """incident-api's settings: the shared ones plus where care-status-api answers."""

    model_config = service_config("INCIDENTS_")

    port: int = 8002
    database_url: str = "sqlite+aiosqlite:///var/incidents.db"
    #: care-status-api, asked for the status facts of a person_ref (docs/events.md).
    care_status_url: str = "http://127.0.0.1:8001"
    #: How long one call to care-status-api may take before it counts as unreachable.
    care_status_timeout_seconds: float = 5.0
