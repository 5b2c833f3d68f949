"""HTTP of a child's access log (the responsible authority)."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from care_status.access_log import service
from care_status.access_log.schemas import AccessLogEntry, AccessLogPage
from care_status.auth import CareStatusRead
from platform_shared.dependencies import Session
from platform_shared.problems import NotFound, problem_responses
from platform_shared.web.pagination import MAX_LIMIT, Cursor

router = APIRouter(prefix="/v1/children", tags=["children"])

CSV_MEDIA_TYPE = "text/csv"

AccessLimit = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_LIMIT,
        description=f"Items per page (at most {MAX_LIMIT}; default "
        f"{service.RECENT_ACCESSES}, the most recent accesses CP-IS shows)",
    ),
]


class ExportFormat(StrEnum):
    """How the access log is answered: JSON (the default) or a CSV export."""

    JSON = "json"
    CSV = "csv"


Format = Annotated[
    ExportFormat | None,
    Query(description="`csv` exports the page as text/csv (as `Accept: text/csv` does)"),
]


@router.get(
    "/{child_id}/access-log",
    response_model=AccessLogPage,
    responses={
        **problem_responses(NotFound),
        200: {
            "content": {CSV_MEDIA_TYPE: {"schema": {"type": "string"}}},
            "description": "The page; as CSV (header row, columns as in JSON) when asked, "
            "with the next cursor in the `Next-Cursor` header",
        },
    },
)
async def get_access_log(
    child_id: uuid.UUID,
    caller: CareStatusRead,
    session: Session,
    cursor: Cursor = None,
    limit: AccessLimit = service.RECENT_ACCESSES,
    format: Format = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> AccessLogPage | Response:
    """Every access to the record of one of your children, most recent first: lookups,
    reads of the record, facts reads by the platform's services (with the caller they read
    for), and reads or changes refused with a 404, by whom (org, client), when, why, and
    with what outcome; and your own writes. The first page is the 25 most recent (CP-IS).
    The reading is audited (and not listed). `?format=csv` or `Accept: text/csv`: CSV."""
    as_csv = format is ExportFormat.CSV or (format is None and CSV_MEDIA_TYPE in (accept or ""))
    accesses, next_cursor = await service.read_access_log(
        session, caller, child_id, cursor, limit, "csv" if as_csv else "json"
    )
    if as_csv:
        headers = {"Next-Cursor": next_cursor} if next_cursor else None
        return Response(
            service.as_csv(accesses),
            media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8",
            headers=headers,
        )
    items = [AccessLogEntry.model_validate(access, from_attributes=True) for access in accesses]
    return AccessLogPage(items=items, next_cursor=next_cursor)
