"""Signing keys of the development authorization server: generated, rotated and published.

Each key is an RSA 2048 private JWK in `<key_dir>/keys/<kid>.json` (mode 0600) together with
its creation time; `kid` is the key's RFC 7638 thumbprint. The newest key signs. A key that a
newer one replaced stays in the JWKS until every token it signed has expired (plus a grace
period), so rotating never breaks a token already issued.

`dev-auth rotate-key` writes a new key file while the server runs; the server notices through
the keys directory's modification time, which it checks on every token and JWKS request.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from joserfc.errors import JoseError
from joserfc.jwk import RSAKey

logger = logging.getLogger(__name__)

KEY_SIZE = 2048
ALGORITHM = "RS256"
#: How long a replaced key stays published after its last token expired: clock skew between
#: hosts and the services' JWKS caches.
PUBLISH_GRACE_SECONDS = 300
#: A directory changed this recently may change again within the same mtime tick on
#: filesystems with coarse timestamps, so it is re-read until it has settled.
_SETTLE_NS = 1_000_000_000


class NoSigningKeyError(RuntimeError):
    """The key directory holds no usable signing key."""


@dataclass(frozen=True)
class StoredKey:
    """A signing key and when it was created (seconds since the epoch)."""

    kid: str
    created_at: float
    private_key: RSAKey

    def public_jwk(self) -> dict[str, Any]:
        """The public half, as published in the JWKS."""
        return dict(self.private_key.as_dict(private=False))


class KeyStore:
    """The signing keys in `key_dir`, re-read whenever the directory changes."""

    def __init__(
        self,
        key_dir: Path,
        *,
        token_lifetime_seconds: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key_dir = key_dir
        self._keys_dir = key_dir / "keys"
        self._publish_for = token_lifetime_seconds + PUBLISH_GRACE_SECONDS
        self._clock = clock
        self._lock = threading.Lock()
        self._loaded_mtime_ns: int | None = None
        self._keys: list[StoredKey] = []  # oldest first

    @property
    def keys_dir(self) -> Path:
        return self._keys_dir

    def ensure_signing_key(self) -> str:
        """Generate the first key if there is none; return the signing key's `kid`."""
        with self._lock:
            self._refresh()
            if not self._keys:
                self._keys.append(self._write(self._generate()))
                logger.info("generated the first signing key kid=%s", self._keys[-1].kid)
            return self._keys[-1].kid

    def rotate(self) -> str:
        """Write a new signing key, forget keys whose tokens have all expired; return its kid."""
        with self._lock:
            self._refresh()
            new_key = self._write(self._generate())
            self._keys.append(new_key)
            self._delete_expired()
            logger.info("rotated the signing key, new kid=%s", new_key.kid)
            return new_key.kid

    def signing_key(self) -> StoredKey:
        """The newest key, which signs every new token."""
        with self._lock:
            self._refresh()
            if not self._keys:
                raise NoSigningKeyError(f"no signing key in {self._keys_dir}")
            return self._keys[-1]

    def published_keys(self) -> list[StoredKey]:
        """The keys a token still valid may have been signed with, newest first."""
        with self._lock:
            self._refresh()
            return list(reversed(self._published()))

    def jwks(self) -> dict[str, list[dict[str, Any]]]:
        """The JSON Web Key Set of the published keys: public halves only."""
        return {"keys": [key.public_jwk() for key in self.published_keys()]}

    def is_ready(self) -> bool:
        with self._lock:
            self._refresh()
            return bool(self._keys)

    def _published(self) -> list[StoredKey]:
        now = self._clock()
        published = []
        for key, successor in zip(self._keys, [*self._keys[1:], None], strict=True):
            if successor is None or now < successor.created_at + self._publish_for:
                published.append(key)
        return published

    def _delete_expired(self) -> None:
        published = {key.kid for key in self._published()}
        for key in [key for key in self._keys if key.kid not in published]:
            (self._keys_dir / f"{key.kid}.json").unlink(missing_ok=True)
            self._keys.remove(key)
            logger.info("deleted expired signing key kid=%s", key.kid)

    def _refresh(self) -> None:
        try:
            mtime_ns = self._keys_dir.stat().st_mtime_ns
        except FileNotFoundError:
            self._keys, self._loaded_mtime_ns = [], None
            return
        settled = time.time_ns() - mtime_ns > _SETTLE_NS
        if mtime_ns == self._loaded_mtime_ns and settled:
            return
        self._keys = self._read_all()
        self._loaded_mtime_ns = mtime_ns

    def _read_all(self) -> list[StoredKey]:
        keys = []
        for path in self._keys_dir.glob("*.json"):
            try:
                keys.append(_read_key(path))
            except (OSError, ValueError, KeyError, TypeError, JoseError):
                logger.warning("ignoring unreadable key file %s", path.name)
        return sorted(keys, key=lambda key: (key.created_at, key.kid))

    def _generate(self) -> StoredKey:
        private_key = RSAKey.generate_key(
            KEY_SIZE, parameters={"alg": ALGORITHM, "use": "sig"}, auto_kid=True
        )
        return StoredKey(
            kid=str(private_key.kid), created_at=self._clock(), private_key=private_key
        )

    def _write(self, key: StoredKey) -> StoredKey:
        self._keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        document = {"created_at": key.created_at, "jwk": key.private_key.as_dict(private=True)}
        # Written beside the keys directory and renamed into it, so a reader never sees half
        # a key and the directory changes exactly once.
        staging = self._key_dir / f".{key.kid}.json.tmp"
        descriptor = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(document, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(staging, self._keys_dir / f"{key.kid}.json")
        return key


def _read_key(path: Path) -> StoredKey:
    document = json.loads(path.read_text(encoding="utf-8"))
    private_key = RSAKey.import_key(document["jwk"])
    kid = private_key.kid
    if not private_key.is_private or kid != private_key.thumbprint():
        raise ValueError("not a private key whose kid is its thumbprint")
    return StoredKey(kid=kid, created_at=float(document["created_at"]), private_key=private_key)
