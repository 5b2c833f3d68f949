"""The settings of care-status-api: environment variables prefixed `CARE_STATUS_`."""

from __future__ import annotations

from platform_shared.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    """care-status-api settings; see platform_shared.settings.ServiceSettings for the rest."""

    model_config = service_config("CARE_STATUS_")

    port: int = 8001
    database_url: str = "sqlite+aiosqlite:///var/care-status.db"
