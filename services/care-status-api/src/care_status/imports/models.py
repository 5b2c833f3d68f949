"""Imports of SSDA903 returns: the upload, its progress, its report, its children done."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.calendar import utc_now
from platform_shared.db import Base, TimestampedMixin


class ImportStatus:
    QUEUED = "queued"
    VALIDATING = "validating"
    LOADING = "loading"
    DONE = "done"
    FAILED = "failed"


class Import(TimestampedMixin, Base):
    """One upload of a return by its authority; the worker's queue row (leased)."""

    __tablename__ = "imports"
    __tenant_columns__: ClassVar[tuple[str, ...]] = ("authority",)
    __table_args__ = (
        Index("ix_imports_status_next_attempt_at", "status", "next_attempt_at"),
        Index("ix_imports_authority", "authority", "created_at"),
    )

    authority: Mapped[str] = mapped_column(String(16))
    collection_year: Mapped[str] = mapped_column(String(7))
    requested_by: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default=ImportStatus.QUEUED)
    total_rows: Mapped[int] = mapped_column(default=0)
    done_rows: Mapped[int] = mapped_column(default=0)
    #: Children created, changed, unchanged, refused; episodes; events emitted.
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    failure: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utc_now)
    lease_token: Mapped[uuid.UUID | None]
    finished_at: Mapped[datetime | None]


class ImportFile(Base):
    """One uploaded file, kept until the import is done (the worker reads it from here)."""

    __tablename__ = "import_files"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    import_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("imports.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class ImportIssue(Base):
    """One line of the report: a rule failed (the DfE's, or the mapping's) on one row."""

    __tablename__ = "import_issues"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    import_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("imports.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    child: Mapped[str | None] = mapped_column(String(64))
    file: Mapped[str | None] = mapped_column(String(200))
    row: Mapped[int | None]
    #: `error`: the child is refused whole; `warning`: loaded, with what is said here.
    severity: Mapped[str] = mapped_column(String(8))


class ImportedChild(Base):
    """A child of an import done: written in the child's own transaction, so a worker
    that restarts the import skips it (nothing applied twice, the counts exact)."""

    __tablename__ = "imported_children"
    __table_args__ = (UniqueConstraint("import_id", "child"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    import_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"))
    child: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    episodes: Mapped[int] = mapped_column(default=0)
    events: Mapped[int] = mapped_column(default=0)
    rows: Mapped[int] = mapped_column(default=0)
