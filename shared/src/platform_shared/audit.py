"""The audit trail: who did what to which record, for what purpose, and when.

Every lookup and every read of a person writes a row here, in the same transaction as
the answer, so an answer is never given without its audit row. Rows hold ids, never
names, dates of birth or identifiers.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, TypedDict, Unpack

from sqlalchemy import JSON, Index, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.auth import Principal
from platform_shared.calendar import utc_now
from platform_shared.db import Base


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_subject", "subject_id", "at"),
        Index("ix_audit_log_subject_owner", "subject_owner", "at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    client_id: Mapped[str] = mapped_column(String(100))
    org: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject_type: Mapped[str | None] = mapped_column(String(64))
    subject_id: Mapped[str | None] = mapped_column(String(64))
    #: The organisation responsible for the subject, so it can list what was done to its records.
    subject_owner: Mapped[str | None] = mapped_column(String(64))
    purpose: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class AuditedWhat(TypedDict, total=False):
    """What an audit row says beyond who did it: the subject, why, and with what result."""

    subject_type: str | None
    subject_id: uuid.UUID | str | None
    subject_owner: str | None
    purpose: str | None
    outcome: str | None
    details: dict[str, Any] | None


def audit_row(principal: Principal, action: str, **what: Unpack[AuditedWhat]) -> dict[str, Any]:
    """The column values of one audit row."""
    subject_id = what.get("subject_id")
    return {
        "id": uuid.uuid4(),
        "at": utc_now(),
        "client_id": principal.client_id,
        "org": principal.org,
        "action": action,
        "subject_type": what.get("subject_type"),
        "subject_id": str(subject_id) if subject_id is not None else None,
        "subject_owner": what.get("subject_owner"),
        "purpose": what.get("purpose"),
        "outcome": what.get("outcome"),
        "details": what.get("details"),
    }


def record_audit(
    session: AsyncSession, principal: Principal, action: str, **what: Unpack[AuditedWhat]
) -> AuditEntry:
    """Add an audit row to the caller's transaction; it commits with the work it records."""
    entry = AuditEntry(**audit_row(principal, action, **what))
    session.add(entry)
    return entry
