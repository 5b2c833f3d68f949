"""Cursor pagination: `{"items": [...], "next_cursor": ...}` with `?cursor=&limit=` (max 200).

A cursor is the opaque, url-safe encoding of the sort key of the last item returned
(an instant and an id), so a page never skips or repeats rows that were inserted meanwhile.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from datetime import datetime

from platform_shared.problems import Invalid

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


def encode_cursor(at: datetime, row_id: uuid.UUID) -> str:
    raw = json.dumps([at.isoformat(), str(row_id)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    """The sort key in a cursor; a cursor that was not made here is a 422 on `query.cursor`."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        at, row_id = json.loads(base64.urlsafe_b64decode(padded))
        instant = datetime.fromisoformat(at)
        if instant.tzinfo is None:
            raise ValueError("naive instant")
        return instant, uuid.UUID(row_id)
    except (ValueError, TypeError, binascii.Error) as error:
        raise Invalid("query.cursor", "not a cursor returned by this API") from error
