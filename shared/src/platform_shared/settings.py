"""The settings base every service extends: one env prefix per service, `.env` support.

Secrets are `SecretStr`, so they never appear in a repr, a log line or an error. In
production they are read from files (a Kubernetes Secret mounted as a volume), one file a
setting named like its variable (`CARE_STATUS_DATABASE_URL`), in the folder
`<PREFIX>SECRETS_DIR` names: they never sit in the process environment, where a crash
dump, `/proc/<pid>/environ` or a child process would see them.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SecretsSettingsSource,
    SettingsConfigDict,
)

if TYPE_CHECKING:  # platform_shared.auth imports the settings (through the rate limits)
    from platform_shared.auth import ClaimMapping, OidcDiscovery

Environment = Literal["development", "production"]

#: The demo client secret of the platform's own services, for the embedded default only.
DEMO_PLATFORM_SECRET = "platform-services-secret"  # noqa: S105 - a documented demo value


class ServiceSettings(BaseSettings):
    """Settings shared by the three product services.

    A subclass sets `model_config = service_config("CARE_STATUS_")` and adds its own fields.
    """

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Environment = "development"
    database_url: str = "sqlite+aiosqlite:///var/service.db"
    #: Connections each process may open to PostgreSQL (and keeps open once opened).
    database_pool_size: int = 20
    host: str = "127.0.0.1"
    port: int = 8001
    #: The OAuth issuer whose JWKS signs the bearer tokens this service accepts.
    oauth_issuer: str = "http://127.0.0.1:8000"
    #: Where the issuer publishes its keys; defaults to `<issuer>/jwks.json`.
    oauth_jwks_url: str | None = None
    #: Where this service asks for its own client-credentials tokens.
    oauth_token_url: str | None = None
    oauth_audience: str = "care-platform"
    #: Leeway, in seconds, for `exp` and `nbf` (clock skew between hosts).
    oauth_leeway_seconds: int = 30
    #: Take the JWKS and token URLs from `<issuer>/.well-known/openid-configuration`
    #: (then `oauth_jwks_url` and `oauth_token_url` are not used).
    oauth_discovery: bool = False
    #: Where the tokens carry scopes, each claim a space-separated string or a list:
    #: `["scope"]` (Keycloak, the development server), `["roles", "scp"]` (Entra ID).
    oauth_scope_claims: list[str] = ["scope"]
    #: An app role or scope value of the provider -> the platform scopes it grants
    #: (`{"CareStatus.Read": ["care-status:read"]}`); a value not listed is a scope itself.
    oauth_role_scopes: dict[str, list[str]] = {}
    #: The first of these claims present is the caller's client id (Entra v1: `appid`).
    oauth_client_id_claims: list[str] = ["client_id", "azp", "appid", "sub"]
    #: The claim holding the caller's organisation code; empty: only `oauth_client_orgs`.
    oauth_org_claim: str = "org"
    #: The organisation of each client id, for providers that cannot add an `org` claim.
    oauth_client_orgs: dict[str, str] = {}
    #: The claim that makes a token a sandbox client's (`true`): docs/sandbox.md.
    oauth_sandbox_claim: str = "sandbox"
    #: The `scope` the platform's own services ask the token endpoint for; default: what
    #: each needs (Entra ID takes only `<application id URI>/.default`).
    oauth_request_scope: str | None = None
    #: The token URL the OpenAPI document gives Swagger UI's "Authorize" (what a browser
    #: reaches); default: the discovered token endpoint, else `token_url`.
    oauth_public_token_url: str | None = None
    #: This service's URL as its callers reach it: the document's `servers` (default:
    #: `http://<host>:<port>`, or the document's own origin when bound to 0.0.0.0).
    public_url: str | None = None
    #: This service's own client, used to post events and to call other services.
    platform_client_id: str = "platform-services"
    platform_client_secret: SecretStr = SecretStr(DEMO_PLATFORM_SECRET)
    notify_url: str = "http://127.0.0.1:8003"
    #: Run the outbox relay inside the API process (the embedded default does).
    relay_in_process: bool = True
    relay_poll_seconds: float = 1.0
    #: Events the relay claims at once (under one lease), and how many it posts at a time.
    relay_batch_size: int = Field(default=50, ge=1)
    relay_concurrency: int = Field(default=8, ge=1)
    #: Events per post (the CloudEvents batched content mode); 1 posts each alone. Within
    #: notify-api's `NOTIFY_EVENTS_BATCH_LIMIT` (100), or each batch is posted again one
    #: event at a time.
    relay_post_batch_size: int = Field(default=50, ge=1, le=1000)
    #: Apply migrations when the service starts (development only; production runs a job).
    migrate_on_start: bool = True
    max_body_bytes: int = 1_000_000
    #: Which authorities adopted each local protocol (platform_shared.protocols): the
    #: same value in every service; empty keeps the defaults (Derbyshire: E10000007,
    #: London: every E09 code).
    local_protocols: dict[str, list[str]] = {}
    log_level: str = "INFO"
    #: Per-client token buckets in the process (`platform_shared.ratelimit`): units per
    #: second and bucket size for each operation class. The defaults only stop a runaway
    #: client (the benchmarks' ~1,500 lookups/s from one client never reach them); a
    #: deployment sets its own (docs/operations.md, "Rate limits").
    rate_limit_enabled: bool = True
    rate_limit_lookups_per_second: float = Field(default=5000.0, gt=0)
    rate_limit_lookups_burst: int = Field(default=10_000, ge=1)
    rate_limit_reads_per_second: float = Field(default=5000.0, gt=0)
    rate_limit_reads_burst: int = Field(default=10_000, ge=1)
    rate_limit_writes_per_second: float = Field(default=5000.0, gt=0)
    rate_limit_writes_burst: int = Field(default=10_000, ge=1)
    #: OpenTelemetry (`platform_shared.tracing`): off by default; on, requests, relay
    #: posts and delivery attempts are traced and the trace context rides the outbox.
    tracing_enabled: bool = False
    #: Where spans go over OTLP/HTTP (`http://collector:4318/v1/traces`); unset, spans
    #: reach only in-process processors (the tests').
    tracing_otlp_endpoint: str | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The folder is named by a variable read when the settings are made, not when the
        # class is defined: the same image runs with and without mounted secrets.
        prefix = str(settings_cls.model_config.get("env_prefix", ""))
        secrets_dir = os.environ.get(f"{prefix}SECRETS_DIR")
        if secrets_dir:
            file_secret_settings = _SecretFiles(settings_cls, secrets_dir=secrets_dir)
        return init_settings, env_settings, dotenv_settings, file_secret_settings

    @property
    def jwks_url(self) -> str:
        return self.oauth_jwks_url or f"{self.oauth_issuer.rstrip('/')}/jwks.json"

    @property
    def token_url(self) -> str:
        return self.oauth_token_url or f"{self.oauth_issuer.rstrip('/')}/oauth/token"

    def claim_mapping(self) -> ClaimMapping:
        from platform_shared.auth import ClaimMapping

        return ClaimMapping(
            scope_claims=tuple(self.oauth_scope_claims),
            role_scopes={role: tuple(scopes) for role, scopes in self.oauth_role_scopes.items()},
            client_id_claims=tuple(self.oauth_client_id_claims),
            org_claim=self.oauth_org_claim or None,
            client_orgs=dict(self.oauth_client_orgs),
            sandbox_claim=self.oauth_sandbox_claim,
        )

    def discovery(self) -> OidcDiscovery | None:
        """The issuer's discovery document, when `oauth_discovery` is on (fetched on use)."""
        from platform_shared.auth import OidcDiscovery

        return OidcDiscovery(self.oauth_issuer) if self.oauth_discovery else None

    @property
    def is_development(self) -> bool:
        return self.environment == "development"

    @model_validator(mode="after")
    def _refuse_demo_secrets_outside_development(self) -> ServiceSettings:
        if not self.is_development and (
            self.platform_client_secret.get_secret_value() == DEMO_PLATFORM_SECRET
        ):
            raise ValueError(
                "platform_client_secret is the demo secret; set a real one outside development"
            )
        return self


class _SecretFiles(SecretsSettingsSource):
    """Settings from secret files; an empty file is an unset setting (an optional secret
    left blank, as a compose secret of an empty variable is), not an empty string."""

    def __call__(self) -> dict[str, Any]:
        return {name: value for name, value in super().__call__().items() if value != ""}


def service_config(env_prefix: str) -> SettingsConfigDict:
    """The settings config of a service whose variables start with `env_prefix`."""
    return SettingsConfigDict(env_prefix=env_prefix, env_file=".env", extra="ignore")
