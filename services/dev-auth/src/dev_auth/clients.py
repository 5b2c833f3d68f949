# mypy: allow-subclassing-any
# (authlib ships without type hints; its classes are `Any` to mypy.)
"""The OAuth clients of the development authorization server, read from the clients file.

Each client authenticates with a shared secret (`client_secret_basic` or `client_secret_post`),
belongs to one organisation (the `org` claim) and may ask for a fixed set of scopes.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

import yaml
from authlib.oauth2.rfc6749 import ClientMixin
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator

from dev_auth.settings import DevAuthSettings
from platform_shared.settings import DEMO_PLATFORM_SECRET

GRANT_TYPE = "client_credentials"
#: The grant of clients with redirect URIs (the staff portal): people sign in.
AUTHORIZATION_CODE = "authorization_code"
TOKEN_ENDPOINT_AUTH_METHODS = ("client_secret_basic", "client_secret_post")
DEMO_SECRET_PREFIX = "demo-"  # noqa: S105 - how demo secrets are recognised

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

#: RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
ScopeToken = Annotated[str, Field(pattern=r"^[\x21\x23-\x5b\x5d-\x7e]+$")]


class ClientsFileError(ValueError):
    """The clients file is missing or does not describe a valid set of clients."""


class InsecureConfigurationError(RuntimeError):
    """The server was asked to run outside development with demo secrets."""


class _ClientEntry(BaseModel):
    """One client as written in the clients file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    client_id: str = Field(min_length=1)
    secret: SecretStr | None = None
    #: The name of the setting that holds the secret, for secrets kept out of the file.
    secret_from_setting: Literal["platform_client_secret"] | None = None
    org: str = Field(min_length=1)
    scopes: list[ScopeToken]
    #: A client with redirect URIs signs people in (authorization code with PKCE) and
    #: has no client-credentials grant of its own.
    redirect_uris: list[str] = Field(default_factory=list)
    #: A sandbox client (docs/sandbox.md): its tokens carry `sandbox: true`, so the
    #: platform keeps everything it makes apart from live data.
    sandbox: bool = False

    @model_validator(mode="after")
    def _one_secret_source(self) -> _ClientEntry:
        if (self.secret is None) == (self.secret_from_setting is None):
            raise ValueError("give exactly one of secret and secret_from_setting")
        return self


class _ClientsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    clients: list[_ClientEntry]


@dataclass(frozen=True)
class ConfigClient(ClientMixin):
    """A confidential client of the clients file, as authlib's grants expect it."""

    client_id: str
    secret: SecretStr
    org: str
    scopes: tuple[str, ...]
    redirect_uris: tuple[str, ...] = ()
    sandbox: bool = False

    @property
    def signs_people_in(self) -> bool:
        return bool(self.redirect_uris)

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str | None:
        return None

    def get_allowed_scope(self, scope: str | None) -> str | None:
        """The granted scope: all allowed scopes when none is asked for, else the request.

        `None` (authlib answers `invalid_scope`) when a requested scope is not allowed.
        """
        if self.signs_people_in:
            # The scope of a person's code follows from their role (set by the server when
            # the person signed in), not from the client's own list.
            return scope
        requested = list(dict.fromkeys((scope or "").split()))
        if not requested:
            return " ".join(self.scopes)
        if not set(requested) <= set(self.scopes):
            return None
        return " ".join(requested)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        """A registered URI; for a loopback one, on any port (RFC 8252 §7.3)."""
        asked = urlsplit(redirect_uri)
        for registered in map(urlsplit, self.redirect_uris):
            if redirect_uri == registered.geturl():
                return True
            if (
                registered.hostname in LOOPBACK_HOSTS
                and (asked.scheme, asked.hostname, asked.path)
                == (registered.scheme, registered.hostname, registered.path)
                and not asked.query
                and not asked.fragment
            ):
                return True
        return False

    def check_client_secret(self, client_secret: str) -> bool:
        return hmac.compare_digest(self.secret.get_secret_value().encode(), client_secret.encode())

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return endpoint == "token" and method in TOKEN_ENDPOINT_AUTH_METHODS

    def check_response_type(self, response_type: str) -> bool:
        return self.signs_people_in and response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == (AUTHORIZATION_CODE if self.signs_people_in else GRANT_TYPE)


class ClientRegistry:
    """The clients of the server, by `client_id`."""

    def __init__(self, clients: Iterable[ConfigClient]) -> None:
        self._clients: dict[str, ConfigClient] = {}
        for client in clients:
            if client.client_id in self._clients:
                raise ClientsFileError(f"client_id {client.client_id!r} is listed twice")
            self._clients[client.client_id] = client

    def get(self, client_id: str) -> ConfigClient | None:
        return self._clients.get(client_id)

    def __iter__(self) -> Iterator[ConfigClient]:
        return iter(self._clients.values())

    def __len__(self) -> int:
        return len(self._clients)

    @property
    def scopes_supported(self) -> list[str]:
        """Every scope some client may ask for, sorted."""
        return sorted({scope for client in self for scope in client.scopes})

    def clients_with_demo_secrets(self) -> list[str]:
        """The ids of clients whose secret is a documented demo secret."""
        return [
            client.client_id for client in self if is_demo_secret(client.secret.get_secret_value())
        ]


def is_demo_secret(secret: str) -> bool:
    """Whether `secret` is one of the published demo secrets (local use only)."""
    return secret.startswith(DEMO_SECRET_PREFIX) or secret == DEMO_PLATFORM_SECRET


def load_clients(path: Path, settings: DevAuthSettings) -> ClientRegistry:
    """Read the clients file at `path`, resolving secrets kept in `settings`."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ClientsFileError(f"cannot read clients file {path}: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise ClientsFileError(f"clients file {path} is not valid YAML: {error}") from None
    try:
        parsed = _ClientsFile.model_validate(document)
    except ValidationError as error:
        # Without the input values: they may hold secrets.
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors(include_input=False, include_url=False)
        )
        raise ClientsFileError(f"clients file {path} is invalid: {problems}") from None
    return ClientRegistry(
        ConfigClient(
            client_id=entry.client_id,
            secret=_resolve_secret(entry, settings),
            org=entry.org,
            scopes=tuple(dict.fromkeys(entry.scopes)),
            redirect_uris=tuple(entry.redirect_uris),
            sandbox=entry.sandbox,
        )
        for entry in parsed.clients
    )


def refuse_demo_secrets_outside_development(
    clients: ClientRegistry, settings: DevAuthSettings
) -> None:
    """Raise `InsecureConfigurationError` if demo secrets would be used outside development."""
    if settings.is_development:
        return
    if demo_clients := clients.clients_with_demo_secrets():
        raise InsecureConfigurationError(
            f"refusing to run in {settings.environment} with demo secrets for clients "
            f"{', '.join(demo_clients)}; give them real secrets in {settings.clients_file}"
        )


def _resolve_secret(entry: _ClientEntry, settings: DevAuthSettings) -> SecretStr:
    if entry.secret is not None:
        return entry.secret
    secret: SecretStr = getattr(settings, str(entry.secret_from_setting))
    return secret
