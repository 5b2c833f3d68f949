"""Demo people who sign in with the authorization code flow, and their short-lived codes.

A person belongs to one organisation and holds one role; the scopes of their token follow
from the role, so a custody sergeant can look up a child but never read a care record.
Codes live in memory: the development server is one process and a code lives a minute.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

Role = Literal[
    "custody_sergeant",
    "duty_social_worker",
    "team_manager",
    "yot_officer",
    "registered_manager",
]

_LOCAL_AUTHORITY = (
    "care-status:read",
    "care-status:write",
    "care-status:lookup",
    "incidents:read",
    "incidents:write",
    "reports:read",
    "notifications:read",
    "notifications:ack",
    "endpoints:manage",
    "rules:read",
)

#: What each role may do, as scopes (the services decide per scope).
ROLE_SCOPES: dict[str, tuple[str, ...]] = {
    "custody_sergeant": (
        "care-status:lookup",
        "incidents:write",
        "incidents:read",
        "notifications:read",
        "notifications:ack",
        "rules:read",
    ),
    "duty_social_worker": _LOCAL_AUTHORITY,
    "team_manager": _LOCAL_AUTHORITY,
    "yot_officer": (
        "care-status:lookup",
        "incidents:read",
        "notifications:read",
        "notifications:ack",
        "endpoints:manage",
        "rules:read",
    ),
    "registered_manager": (
        "incidents:write",
        "incidents:read",
        "notifications:read",
        "rules:read",
    ),
}

ROLE_NAMES: dict[str, str] = {
    "custody_sergeant": "Custody sergeant",
    "duty_social_worker": "Duty social worker",
    "team_manager": "Team manager",
    "yot_officer": "YOT officer",
    "registered_manager": "Registered manager",
}

#: How long an authorization code may wait for its exchange (RFC 6749 §4.1.2: short).
CODE_LIFETIME_SECONDS = 60


class PeopleFileError(ValueError):
    """The people file is missing or invalid."""


class _PersonEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    username: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$")
    name: str = Field(min_length=1, max_length=200)
    org: str = Field(min_length=1)
    role: Role


class _PeopleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    people: list[_PersonEntry]


@dataclass(frozen=True)
class Person:
    """A demo member of staff, as authlib's grants expect a user."""

    username: str
    name: str
    org: str
    role: str

    def get_user_id(self) -> str:
        return self.username

    @property
    def scopes(self) -> tuple[str, ...]:
        return ROLE_SCOPES[self.role]

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[self.role]


def load_people(path: Path) -> dict[str, Person]:
    """The people of the file at `path`, by username."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        parsed = _PeopleFile.model_validate(document)
    except OSError as error:
        raise PeopleFileError(f"cannot read people file {path}: {error.strerror}") from None
    except (yaml.YAMLError, ValidationError) as error:
        raise PeopleFileError(f"people file {path} is invalid: {error}") from None
    people: dict[str, Person] = {}
    for entry in parsed.people:
        if entry.username in people:
            raise PeopleFileError(f"username {entry.username!r} is listed twice")
        people[entry.username] = Person(entry.username, entry.name, entry.org, entry.role)
    return people


@dataclass(frozen=True)
class AuthorizationCode:
    """One issued code and what it was issued for (authlib's `AuthorizationCodeMixin`)."""

    code: str
    client_id: str
    redirect_uri: str
    scope: str
    username: str
    code_challenge: str
    code_challenge_method: str
    nonce: str | None
    auth_time: int
    expires_at: float

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def is_expired(self) -> bool:
        return time.time() >= self.expires_at


class CodeStore:
    """Issued codes, each usable once, until it expires."""

    def __init__(self) -> None:
        self._codes: dict[str, AuthorizationCode] = {}
        self._lock = threading.Lock()

    def issue(
        self,
        *,
        client_id: str,
        redirect_uri: str,
        scope: str,
        username: str,
        code_challenge: str,
        code_challenge_method: str,
        nonce: str | None,
    ) -> AuthorizationCode:
        now = time.time()
        code = AuthorizationCode(
            code=secrets.token_urlsafe(32),
            client_id=client_id,
            redirect_uri=redirect_uri,
            scope=scope,
            username=username,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
            nonce=nonce,
            auth_time=int(now),
            expires_at=now + CODE_LIFETIME_SECONDS,
        )
        with self._lock:
            self._codes = {k: v for k, v in self._codes.items() if not v.is_expired()}
            self._codes[code.code] = code
        return code

    def find(self, code: str, client_id: str) -> AuthorizationCode | None:
        with self._lock:
            found = self._codes.get(code)
        if found is None or found.client_id != client_id or found.is_expired():
            return None
        return found

    def delete(self, code: AuthorizationCode) -> None:
        with self._lock:
            self._codes.pop(code.code, None)
