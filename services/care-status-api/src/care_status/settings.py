"""The settings of care-status-api: environment variables prefixed `CARE_STATUS_`."""

from __future__ import annotations

from platform_shared.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    """care-status-api settings; see platform_shared.settings.ServiceSettings for the rest."""

    model_config = service_config("CARE_STATUS_")

    port: int = 8001
    database_url: str = "sqlite+aiosqlite:///var/care-status.db"

    #: The import worker (SSDA903 returns) beside the API (else `care-status-api import-worker`).
    import_in_process: bool = False
    import_poll_seconds: float = 1.0
    #: A worker holds an import this long per step; one that dies loses it after this.
    import_lease_seconds: float = 120.0
    #: An upload's limits: its total bytes and each file's rows.
    import_max_bytes: int = 50_000_000
    import_max_rows: int = 200_000
