"""Use cases of imports: accept an upload (checked, stored, queued), read one back.

An upload is refused whole (4xx) when it cannot be imported at all: a file that is
neither CSV nor XML or not an SSDA903 file, the Episodes or Header file missing, over
the size or row limit, a collection year the DfE rules do not cover, another
authority's return. Everything else is the worker's: the report says what was refused.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.imports import repository
from care_status.imports.models import Import, ImportFile, ImportIssue, ImportStatus
from care_status.imports.parsing import UnusableUpload, read_upload
from care_status.imports.schemas import ImportCounts, ImportProgress, ImportView, ReportLine
from care_status.organisations import require_responsible_authority
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.problems import DomainError, Forbidden, Invalid, NotFound

#: The collection years the validator's rule sets cover (lac2022_23 .. lac2026_27).
COLLECTION_YEARS = ("2022/23", "2023/24", "2024/25", "2025/26", "2026/27")
#: Old (LEA) numbers of authorities, as an XML return names its authority.
LEA_NUMBERS = {"202": "E09000007", "830": "E10000007"}
_YEAR = re.compile(r"^\d{4}/\d{2}$")


class UploadTooLarge(DomainError):
    status, slug, title = 413, "too-large", "Upload too large"


def check_year(year: str) -> str:
    if not _YEAR.match(year) or year not in COLLECTION_YEARS:
        raise Invalid(
            "body.collection_year",
            f"must be one of the collection years the DfE rules cover: {', '.join(COLLECTION_YEARS)}",
        )
    return year


async def create_import(
    session: AsyncSession,
    caller: Principal,
    *,
    files: Sequence[tuple[str, bytes]],
    collection_year: str,
    authority: str | None,
    max_bytes: int,
    max_rows: int,
    now: datetime,
) -> Import:
    """Check the upload, store its files and queue it for the worker."""
    org = require_responsible_authority(caller.org)
    if authority is not None and authority != org:
        raise Forbidden("A return can be imported only by its own authority")
    check_year(collection_year)
    if sum(len(content) for _, content in files) > max_bytes:
        raise UploadTooLarge(f"The upload is over the limit of {max_bytes} bytes")
    try:
        tables = read_upload(files, max_rows=max_rows)
    except UnusableUpload as error:
        raise Invalid(f"body.{error.field}", error.reason) from error
    if tables.lea is not None and LEA_NUMBERS.get(tables.lea, tables.lea) != org:
        raise Forbidden(f"The return is another authority's (LEA {tables.lea})")
    job = Import(
        id=uuid.uuid4(),
        authority=org,
        collection_year=collection_year,
        requested_by=caller.client_id,
        status=ImportStatus.QUEUED,
        total_rows=tables.total_rows,
        done_rows=0,
        counts={},
        attempts=0,
        next_attempt_at=now,
        version=1,
    )
    session.add(job)
    await session.flush()
    session.add_all(
        ImportFile(import_id=job.id, name=name, content=content) for name, content in files
    )
    record_audit(
        session,
        caller,
        "import.create",
        subject_type="import",
        subject_id=job.id,
        subject_owner=org,
        details={"files": len(files), "rows": tables.total_rows},
    )
    return job


async def read_import(
    session: AsyncSession, caller: Principal, import_id: uuid.UUID
) -> tuple[Import, list[ImportIssue]]:
    job = await repository.import_of(session, caller.org, import_id)
    if job is None:
        raise NotFound("No import with this id is visible to your organisation")
    if job.status not in (ImportStatus.DONE, ImportStatus.FAILED):
        # The counts so far, from the children done; never written back here (a reader
        # must not lock the row the worker leases).
        live = await repository.outcome_counts(session, import_id)
        session.expunge(job)
        job.counts = {**(job.counts or {}), **live}
    return job, await repository.issues_of(session, import_id)


def view_of(job: Import, issues: Sequence[ImportIssue]) -> ImportView:
    counts = job.counts or {}
    return ImportView(
        id=job.id,
        authority=job.authority,
        collection_year=job.collection_year,
        status=job.status,
        created_at=job.created_at,
        finished_at=job.finished_at,
        failure=job.failure,
        progress=ImportProgress(rows_done=job.done_rows, rows_total=job.total_rows),
        counts=ImportCounts(
            children_created=counts.get("created", 0),
            children_changed=counts.get("changed", 0),
            children_unchanged=counts.get("unchanged", 0),
            children_refused=counts.get("refused", 0),
            episodes=counts.get("episodes", 0),
            events_emitted=counts.get("events", 0),
            validation_seconds=counts.get("validation_seconds"),
            loading_seconds=counts.get("loading_seconds"),
        ),
        report=view_of_issues(issues),
    )


def view_of_issues(issues: Sequence[ImportIssue]) -> list[ReportLine]:
    return [
        ReportLine(
            code=i.code,
            message=i.message,
            child=i.child,
            file=i.file,
            row=i.row,
            severity=i.severity,
        )
        for i in issues
    ]


def report_csv(issues: Sequence[ImportIssue]) -> str:
    """The report as CSV (one line per rule failed on a row), for the authority's staff."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "message", "child", "file", "row", "severity"])
    for i in issues:
        writer.writerow(
            [
                i.code,
                i.message,
                i.child or "",
                i.file or "",
                "" if i.row is None else i.row,
                i.severity,
            ]
        )
    return out.getvalue()
