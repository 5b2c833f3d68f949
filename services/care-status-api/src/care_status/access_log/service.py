"""The access log of a child: every audited access to its record, for its responsible
authority, newest first (issue 15 finding 8; CP-IS shows the responsible authority the 25
most recent accesses: the log's first page is those 25).

It lists every audit row about the child owned by the caller's authority: lookups, reads
of the record (its own, an area authority's), facts reads by the platform's services
(with the caller they read for), reads and changes refused with a 404, and the
authority's own writes. Reads of the access log are audited but not listed, so that the
first page shows accesses to the record and not the reading of its log.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.access_log.repository import access_log_page
from care_status.care_record.service import audit_child, owned_record
from platform_shared.audit import AuditEntry
from platform_shared.auth import Principal
from platform_shared.web.pagination import decode_instant_cursor, next_cursor_of

ACCESS_LOG_READ = "child.access_log.read"
#: CP-IS keeps the 25 most recent accesses visible to the responsible authority.
RECENT_ACCESSES = 25
#: The columns of the CSV export, in order.
CSV_COLUMNS = (
    "at",
    "org",
    "client_id",
    "via_org",
    "via_client_id",
    "action",
    "purpose",
    "outcome",
    "as_of",
    "requester_reference",
    "also_held_by",
    "id",
)


@dataclass(frozen=True)
class Access:
    """One audited access, as the responsible authority reads it."""

    id: uuid.UUID
    at: datetime
    org: str
    client_id: str
    via_org: str | None
    via_client_id: str | None
    action: str
    purpose: str | None
    outcome: str | None
    as_of: date | None
    requester_reference: str | None
    also_held_by: list[str] | None

    @classmethod
    def of(cls, entry: AuditEntry) -> Access:
        details: dict[str, Any] = entry.details or {}
        given = details.get("via")
        via: dict[str, Any] = given if isinstance(given, dict) else {}
        as_of = details.get("as_of")
        reference = details.get("requester_reference")
        held = details.get("also_held_by")
        return cls(
            id=entry.id,
            at=entry.at,
            org=entry.org,
            client_id=entry.client_id,
            via_org=via.get("org"),
            via_client_id=via.get("client_id"),
            action=entry.action,
            purpose=entry.purpose,
            outcome=entry.outcome,
            as_of=date.fromisoformat(as_of) if isinstance(as_of, str) else None,
            requester_reference=reference if isinstance(reference, str) else None,
            also_held_by=[str(code) for code in held] if isinstance(held, list) else None,
        )


async def read_access_log(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    cursor: str | None,
    limit: int,
    export: str,
) -> tuple[list[Access], str | None]:
    """One page of the access log of the caller's child (404, audited as refused, for any
    other child). The reading is audited (`export`: how it was asked for)."""
    record = await owned_record(session, child_id, caller.org)
    after = decode_instant_cursor(cursor) if cursor is not None else None
    rows = await access_log_page(
        session, caller.org, record.child.id, (ACCESS_LOG_READ,), limit + 1, after
    )
    page, next_cursor = next_cursor_of(
        rows, limit, lambda entry: (entry.at.isoformat(), str(entry.id))
    )
    audit_child(
        session,
        caller,
        ACCESS_LOG_READ,
        record.child.id,
        record.child.responsible_authority,
        purpose="responsible_authority",
        outcome=str(len(page)),
        details={"format": export},
    )
    return [Access.of(entry) for entry in page], next_cursor


def as_csv(accesses: Sequence[Access]) -> str:
    """The accesses as CSV (RFC 4180, a header row; empty cells for absent values)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for access in accesses:
        values = [getattr(access, column) for column in CSV_COLUMNS]
        writer.writerow(_cell(value) for value in values)
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)
