"""notify-api settings: one class, variables prefixed `NOTIFY_`.

`rule_windows` overrides `local_policy` deadline windows (rules.md): a JSON object of
rule id to an ISO 8601 duration (`PT1H`, `PT30M`, `P2D`) or to an object naming the unit
(`{"working_days": 2}`), or to an object of `"*"` and responsible authority codes to such
windows (`{"*": "PT2H", "E09000007": "PT1H"}`, rules.md Revision 2). Every window must be
tighter than the rule file's; overriding a statutory window, loosening one or naming an
unknown authority stops the service at start. `local_protocols` (every service's
setting, `platform_shared.protocols`) says which authorities adopted which local protocol.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, model_validator

from notify.endpoints.sealing import DEVELOPMENT_KEYS, Keyring, SealingError
from platform_shared.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    model_config = service_config("NOTIFY_")

    port: int = 8003
    database_url: str = "sqlite+aiosqlite:///var/notify.db"
    #: notify-api has no outbox events of its own to send.
    relay_in_process: bool = False

    #: Run the delivery worker (and its sweeper) inside the API process; the dev
    #: launcher runs it as its own process (`notify-api deliver`) instead.
    deliver_in_process: bool = False
    #: Another rule file (the default is the versioned `notify/rules/rules.yaml`).
    rules_file: Path | None = None
    #: Local policy windows, by rule id (see the module docstring).
    rule_windows: dict[str, Any] = Field(default_factory=dict)
    #: How long an escalation waits for acknowledgement before it is shown overdue.
    escalation_window: str = "PT4H"
    #: The escalation ladder per authority and rule kind (`notify.deadlines.ladder`,
    #: docs/escalation-ladder.md): `{"*": {"*": {...}}, "E09000007": {"statutory": {...}}}`.
    escalation_ladder: dict[str, Any] = Field(default_factory=dict)
    #: Partnerships whose figures a caller may read together: name -> authority codes
    #: (`{"north-central-london": ["E09000007", "E09000019"]}`).
    partnerships: dict[str, list[str]] = Field(default_factory=dict)

    #: The most events one batch (`application/cloudevents-batch+json`) may hold; a larger
    #: batch is refused whole (413). The body's size bound (`max_body_bytes`) holds too.
    events_batch_limit: int = Field(default=100, ge=1, le=1000)

    delivery_timeout_seconds: float = Field(default=10.0, gt=0, le=10.0)
    #: How often an idle worker looks for due deliveries (a delivery waits half of it on
    #: average when the workers are idle; a busy worker claims as pushes finish).
    delivery_poll_seconds: float = Field(default=0.2, gt=0)
    #: Pushes each worker keeps in flight on PostgreSQL, claimed a few at a time as they
    #: finish and recorded in groups (SQLite: one at a time).
    delivery_batch_size: int = Field(default=50, ge=1, le=100)
    delivery_lease_seconds: float = Field(default=60.0, ge=15)
    #: A delivery not accepted within this many hours of its creation ends `failed`.
    delivery_cutoff_hours: float = Field(default=72.0, gt=0)
    #: The longest `Retry-After` (429/503) that is honoured; longer asks are capped.
    retry_after_max_seconds: float = Field(default=3600.0, gt=0)
    #: Ordered push (issue 17): a delivery to an endpoint waits while an earlier one to
    #: the same endpoint is pending (in flight or retrying), at most this many seconds
    #: after it was made; then it is pushed and says which earlier ones it overtook.
    delivery_order_wait_seconds: float = Field(default=300.0, ge=0)
    sweep_interval_seconds: float = Field(default=5.0, gt=0)
    #: An endpoint whose every attempt failed for this long is disabled (as Svix: 5 days),
    #: announced after `endpoint_warn_after_hours` of failures (issue 17).
    endpoint_disable_after_days: float = Field(default=5.0, gt=0)
    endpoint_warn_after_hours: float = Field(default=24.0, gt=0)

    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    smtp_from: str = "notifications@care-platform.example"
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    #: Where a recipient opens an inbox item: `<base>/<notification id>`.
    public_inbox_base_url: str = "http://127.0.0.1:8003/v1/notifications"
    #: The key-encryption keys of webhook secrets at rest (`notify.endpoints.sealing`):
    #: `id:base64key,...`, 32-byte keys, the first wraps new secrets and every one opens
    #: what it wrapped. Required outside development; development uses a built-in key.
    webhook_secret_keys: SecretStr | None = None

    @property
    def endpoint_disable_after(self) -> timedelta:
        return timedelta(days=self.endpoint_disable_after_days)

    @property
    def endpoint_warn_after(self) -> timedelta:
        return timedelta(hours=self.endpoint_warn_after_hours)

    #: The notification log (`notify.proofs`, docs/proofs.md): its origin line, and the
    #: Ed25519 key that signs its checkpoints, `<key name>:<base64 32-byte seed>`
    #: (required outside development; development signs with a built-in key).
    proof_log_origin: str = "care-platform.example/notify-api/notification-log"
    proof_signing_key: SecretStr | None = None
    #: Earlier signing keys' verifier keys (`name+id+base64`), still published after a
    #: rotation so that checkpoints they signed keep verifying.
    proof_previous_verifier_keys: list[str] = Field(default_factory=list)
    #: At most one checkpoint this often while entries arrive (the worker makes them).
    proof_checkpoint_seconds: float = Field(default=5.0, gt=0)
    #: How often the worker's monitor checks the entries sequenced since its last run
    #: against the checkpoints that cover them.
    proof_monitor_seconds: float = Field(default=60.0, gt=0)
    #: How often it re-hashes the whole stored log instead, for an edit of an entry it had
    #: already verified (docs/proofs.md: what a whole pass costs).
    proof_monitor_whole_seconds: float = Field(default=3600.0, gt=0)
    #: Retention in days per class of data (docs/proofs.md gives each default's source);
    #: the purge job removes what has passed it, counted from the notification's close.
    retention_subject_days: int = Field(default=2 * 365, ge=1)
    retention_event_data_days: int = Field(default=90, ge=1)
    retention_delivery_response_days: int = Field(default=90, ge=1)
    retention_attempt_details_days: int = Field(default=365, ge=1)
    purge_interval_seconds: float = Field(default=3600.0, gt=0)
    #: Off only to measure what the log costs (`bench/run.py --only proofs`): with it off
    #: nothing is provable. Refused outside development.
    proof_log_enabled: bool = True

    def webhook_keyring(self) -> Keyring:
        """The keyring of `webhook_secret_keys` (the development key when unset)."""
        configured = self.webhook_secret_keys
        return Keyring.parse(configured.get_secret_value() if configured else DEVELOPMENT_KEYS)

    @model_validator(mode="after")
    def _require_proof_key_outside_development(self) -> Settings:
        if self.proof_signing_key is None and not self.is_development:
            raise ValueError("proof_signing_key is required outside development")
        if not self.proof_log_enabled and not self.is_development:
            raise ValueError("proof_log_enabled may be false in development only")
        return self

    @model_validator(mode="after")
    def _require_webhook_keys_outside_development(self) -> Settings:
        configured = self.webhook_secret_keys
        if configured is None and not self.is_development:
            raise ValueError("webhook_secret_keys is required outside development")
        if configured is not None:
            try:
                keyring = Keyring.parse(configured.get_secret_value())
            except SealingError as error:
                raise ValueError(f"webhook_secret_keys: {error}") from error
            development_key = Keyring.parse(DEVELOPMENT_KEYS).keys["dev"]
            if not self.is_development and development_key in keyring.keys.values():
                raise ValueError("webhook_secret_keys holds the development key")
        return self
