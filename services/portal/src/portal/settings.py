"""Settings of the portal: prefix `PORTAL_`, `.env` support. Built once and handed down."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SecretsSettingsSource,
    SettingsConfigDict,
)

#: dev-auth's demo client secret of the portal (development only).
DEMO_CLIENT_SECRET = "demo-portal-secret"  # noqa: S105 - public, refused in production
#: Where `make install` puts GOV.UK Frontend, MOJ Frontend and axe-core (npm ci).
DEFAULT_NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"


class PortalSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PORTAL_", env_file=".env", extra="ignore")

    environment: Literal["development", "production"] = "development"
    host: str = "127.0.0.1"
    port: int = 8004
    #: The portal's own address, as the browser sees it (the OIDC redirect URI is built on it).
    public_url: str = "http://127.0.0.1:8004"
    #: The OpenID Connect provider: its discovery document is read at start.
    oauth_issuer: str = "http://127.0.0.1:8000"
    client_id: str = "portal"
    client_secret: SecretStr = SecretStr(DEMO_CLIENT_SECRET)
    care_status_url: str = "http://127.0.0.1:8001"
    incidents_url: str = "http://127.0.0.1:8002"
    notify_url: str = "http://127.0.0.1:8003"
    #: A session ends this long after sign-in, or sooner when the access token expires.
    session_minutes: Annotated[int, Field(gt=0, le=720)] = 480
    #: Idle sessions end after this long without a request.
    idle_minutes: Annotated[int, Field(gt=0, le=720)] = 30
    #: Secure cookies; browsers accept them from http://127.0.0.1 and localhost too.
    cookie_secure: bool = True
    node_modules: Path = DEFAULT_NODE_MODULES
    api_timeout_seconds: Annotated[float, Field(gt=0)] = 10.0
    #: The largest SSDA903 upload the portal reads and passes on (care-status-api has its
    #: own limit, `CARE_STATUS_IMPORT_MAX_BYTES`, 50 MB by default; keep this a little above).
    upload_max_bytes: Annotated[int, Field(gt=0)] = 60_000_000

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # As the services: `PORTAL_SECRETS_DIR` names a folder of one file a secret
        # (PORTAL_CLIENT_SECRET), so no secret need be an environment variable.
        secrets_dir = os.environ.get("PORTAL_SECRETS_DIR")
        if secrets_dir:
            file_secret_settings = SecretsSettingsSource(settings_cls, secrets_dir=secrets_dir)
        return init_settings, env_settings, dotenv_settings, file_secret_settings

    @model_validator(mode="after")
    def _no_demo_secret_in_production(self) -> PortalSettings:
        # The demo secret is public (deploy/dev-auth-clients.yaml): never a real client's.
        if self.environment == "production" and (
            self.client_secret.get_secret_value() == DEMO_CLIENT_SECRET
        ):
            raise ValueError("PORTAL_CLIENT_SECRET must be set in production (not the demo one)")
        return self

    @property
    def redirect_uri(self) -> str:
        return f"{self.public_url.rstrip('/')}/auth/callback"
