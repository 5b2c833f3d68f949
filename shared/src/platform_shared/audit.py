"""The audit trail: who did what to which record, for what purpose, and when.

Every lookup and every read of a person writes a row here, in the same transaction as
the answer, so an answer is never given without its audit row. Rows hold ids, never
names, dates of birth or identifiers.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.auth import Principal
from platform_shared.db import Base, utc_now


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


def record_audit(
    session: AsyncSession,
    principal: Principal,
    action: str,
    *,
    subject_type: str | None = None,
    subject_id: uuid.UUID | str | None = None,
    subject_owner: str | None = None,
    purpose: str | None = None,
    outcome: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an audit row to the caller's transaction; it commits with the work it records."""
    entry = AuditEntry(
        client_id=principal.client_id,
        org=principal.org,
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id) if subject_id is not None else None,
        subject_owner=subject_owner,
        purpose=purpose,
        outcome=outcome,
        details=details,
    )
    session.add(entry)
    return entry
