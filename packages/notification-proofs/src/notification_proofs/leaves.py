"""The entries of the notification log: one canonical JSON object per step of a notification.

An entry is UTF-8 JSON with sorted keys and no spaces, so that anyone can check that the
bytes hashed are the object shown. It holds ids, organisation codes, rule ids, instants
and, for a delivered push, `body_sha256`: SHA-256(salt || body as delivered), the salt
given beside the entry in a proof bundle. Never a name, a date of birth or an identifier.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

#: The steps a notification's life is logged at (plus `purged`, the purge job's own).
STEPS = ("made", "withheld", "delivered", "acknowledged", "escalated", "ended", "purged")


def canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def body_digest(salt: bytes, body: bytes) -> str:
    """The hex SHA-256 of salt || body: what a `delivered` entry says of the body."""
    return hashlib.sha256(salt + body).hexdigest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)
