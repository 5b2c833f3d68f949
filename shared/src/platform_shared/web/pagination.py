"""Cursor pagination: `{"items": [...], "next_cursor": ...}` with `?cursor=&limit=` (api.md).

A cursor is the opaque, url-safe encoding of the sort key of the last item returned (for
example an instant and an id), so a page never skips or repeats rows inserted meanwhile.
A list's page model subclasses `Page[Item]` under its own name (`ChildPage`), so that the
OpenAPI document and generated clients keep one readable name per list.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field

from platform_shared.problems import Invalid

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
_NOT_OURS = "not a cursor returned by this list"

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    """One page of a list, oldest or soonest first as the list says."""

    items: list[Item]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page"
    )


Cursor = Annotated[
    str | None,
    Query(min_length=1, max_length=500, description="`next_cursor` of the previous page"),
]
Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT})")
]


def encode_cursor(position: Sequence[Any]) -> str:
    """The cursor of a sort key (JSON values: text, numbers, null)."""
    raw = json.dumps(list(position), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int) -> list[Any]:
    """The sort key a cursor holds; one this list did not make is a 422 on `query.cursor`."""
    try:
        position = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error) as error:
        raise Invalid("query.cursor", _NOT_OURS) from error
    if not isinstance(position, list) or len(position) != arity:
        raise Invalid("query.cursor", _NOT_OURS)
    return position


def instant_cursor(at: datetime, row_id: uuid.UUID) -> str:
    """The cursor of the most common sort key: an aware instant and a row id."""
    return encode_cursor([at.isoformat(), str(row_id)])


def decode_instant_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    """The instant and row id of a cursor made by `instant_cursor`."""
    at, row_id = decode_cursor(cursor, 2)
    try:
        instant = datetime.fromisoformat(at)
        if instant.tzinfo is None:
            raise ValueError("naive instant")
        return instant, uuid.UUID(row_id)
    except (ValueError, TypeError, AttributeError) as error:
        raise Invalid("query.cursor", _NOT_OURS) from error


def next_cursor_of(rows: Sequence[Any], limit: int, key: Any) -> tuple[list[Any], str | None]:
    """A page of `rows` fetched with `limit + 1`, and the cursor after it (None when last).

    `key(row)` is the sort key the cursor holds.
    """
    page = list(rows[:limit])
    if len(rows) <= limit:
        return page, None
    return page, encode_cursor(key(page[-1]))
