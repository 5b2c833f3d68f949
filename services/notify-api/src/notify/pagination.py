"""Opaque cursors for `{"items": [...], "next_cursor": ...}` lists (api.md)."""

from __future__ import annotations

import base64
import json
from typing import Any

from platform_shared.problems import Invalid

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


def encode_cursor(position: list[Any]) -> str:
    raw = json.dumps(position, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, arity: int) -> list[Any] | None:
    """The position a cursor holds; a cursor this service did not make is a 422."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        position = json.loads(raw)
    except ValueError as error:
        raise Invalid("query.cursor", "not a cursor given by this list") from error
    if not isinstance(position, list) or len(position) != arity:
        raise Invalid("query.cursor", "not a cursor given by this list")
    return position
