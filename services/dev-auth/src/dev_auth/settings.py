"""Settings of the development authorization server: prefix `DEV_AUTH_`, `.env` support.

Built once (by `create_app` or the CLI) and handed down; nothing else reads the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from platform_shared.settings import DEMO_PLATFORM_SECRET


class DevAuthSettings(BaseSettings):
    """Where the server is reachable, which clients it knows and where its keys live."""

    model_config = SettingsConfigDict(env_prefix="DEV_AUTH_", env_file=".env", extra="ignore")

    environment: Literal["development", "production"] = "development"
    #: The `iss` claim of every token, and the base of the URLs in the discovery document.
    issuer: str = "http://127.0.0.1:8000"
    #: The `aud` claim of every token: the services accept only this audience.
    audience: str = "care-platform"
    clients_file: Path = Path("deploy/dev-auth-clients.yaml")
    #: The demo people who sign in to the portal (development only; none elsewhere).
    people_file: Path = Path("deploy/dev-auth-people.yaml")
    #: Signing keys live in `<key_dir>/keys/<kid>.json`, private, mode 0600, never committed.
    key_dir: Path = Path("var/dev-auth")
    token_lifetime_seconds: Annotated[int, Field(gt=0)] = 3600
    host: str = "127.0.0.1"
    port: int = 8000
    #: Origins whose pages may call the token endpoint and the keys from a browser (the
    #: services' Swagger UI "Authorize"); any origin by default, as this is a dev server.
    cors_origins: list[str] = ["*"]
    #: The secret of the `platform-services` client (the clients file points here).
    platform_client_secret: SecretStr = SecretStr(DEMO_PLATFORM_SECRET)

    @property
    def is_development(self) -> bool:
        return self.environment == "development"

    @property
    def base_url(self) -> str:
        """The issuer without a trailing slash, for building endpoint URLs."""
        return self.issuer.rstrip("/")

    @model_validator(mode="after")
    def _refuse_demo_platform_secret_outside_development(self) -> DevAuthSettings:
        if (
            not self.is_development
            and self.platform_client_secret.get_secret_value() == DEMO_PLATFORM_SECRET
        ):
            raise ValueError(
                "DEV_AUTH_PLATFORM_CLIENT_SECRET is the demo secret; "
                "set a real one outside development"
            )
        return self
