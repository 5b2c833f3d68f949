"""Server-side sessions: the browser holds a random id, the portal holds the person's token.

Kept in memory, so a restart signs everyone out (a portal replica would need a shared store;
`make run` runs one). The id is rotated at sign-in (no session fixation) and every session
has a CSRF token of its own.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field

COOKIE = "portal_session"


@dataclass
class Person:
    """Who signed in, from the ID token."""

    username: str
    name: str
    org: str
    role: str


@dataclass
class Session:
    id: str
    csrf_token: str
    created_at: float
    last_seen: float
    expires_at: float
    person: Person | None = None
    access_token: str | None = None
    scopes: frozenset[str] = frozenset()
    #: The sign-in in flight: state, nonce, PKCE verifier and where to go afterwards.
    pending: dict[str, str] = field(default_factory=dict)
    #: One message for the next page (GOV.UK notification banner).
    flash: str | None = None

    def has(self, scope: str) -> bool:
        return scope in self.scopes


class SessionStore:
    def __init__(self, *, lifetime_seconds: float, idle_seconds: float) -> None:
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        self._lifetime = lifetime_seconds
        self._idle = idle_seconds

    def new(self) -> Session:
        now = time.time()
        session = Session(
            id=secrets.token_urlsafe(32),
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen=now,
            expires_at=now + self._lifetime,
        )
        with self._lock:
            self._sessions = {k: v for k, v in self._sessions.items() if not self._ended(v, now)}
            self._sessions[session.id] = session
        return session

    def get(self, session_id: str | None) -> Session | None:
        if not session_id:
            return None
        now = time.time()
        with self._lock:
            session = self._sessions.get(session_id)
            if session is None:
                return None
            if self._ended(session, now):
                del self._sessions[session_id]
                return None
            session.last_seen = now
            return session

    def signed_in(
        self,
        old: Session,
        person: Person,
        access_token: str,
        scopes: frozenset[str],
        expires_at: float,
    ) -> Session:
        """A fresh session (new id, new CSRF token) for the person who just signed in."""
        self.end(old.id)
        session = self.new()
        session.person = person
        session.access_token = access_token
        session.scopes = scopes
        session.expires_at = min(session.expires_at, expires_at)
        return session

    def end(self, session_id: str) -> None:
        with self._lock:
            self._sessions.pop(session_id, None)

    def _ended(self, session: Session, now: float) -> bool:
        return now >= session.expires_at or now - session.last_seen >= self._idle
