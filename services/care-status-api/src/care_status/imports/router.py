"""HTTP of imports: upload a return (multipart), follow it, download its report."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, File, Form, Header, Query, Request, Response, UploadFile

from care_status.auth import CareStatusRead, CareStatusWrite
from care_status.imports import service
from care_status.imports.schemas import ImportReport, ImportView
from platform_shared.dependencies import Session
from platform_shared.idempotency import IDEMPOTENCY_HEADER, IdempotencyGuard
from platform_shared.problems import Forbidden, Invalid, NotFound, problem_responses
from platform_shared.web.clock import Now

router = APIRouter(prefix="/v1/imports", tags=["imports"])

#: The upload route: a multipart form, with its own body limit (`import_max_bytes`).
UPLOAD_PATH = "/v1/imports"


def upload_fingerprint(
    files: Sequence[tuple[str, bytes]], collection_year: str, authority: str | None
) -> str:
    """What makes two uploads the same request: the files (names and contents, in any
    order), the year and the authority; not the multipart body, whose boundary a client
    draws again for each retry."""
    described = {
        "collection_year": collection_year,
        "authority": authority,
        "files": sorted([name, hashlib.sha256(content).hexdigest()] for name, content in files),
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


@router.post(
    "",
    status_code=202,
    response_model=ImportView,
    responses=problem_responses(Invalid, Forbidden, service.UploadTooLarge),
)
async def create_import(
    request: Request,
    files: Annotated[list[UploadFile], File(description="The files of one return, CSV or XML")],
    collection_year: Annotated[str, Form(description="e.g. 2026/27", max_length=7)],
    caller: CareStatusWrite,
    session: Session,
    now: Now,
    response: Response,
    authority: Annotated[
        str | None, Form(description="The return's authority (GSS); yours if given")
    ] = None,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias=IDEMPOTENCY_HEADER,
            min_length=1,
            max_length=200,
            description="A retry with the same key and the same files answers the first 202 "
            "(same import, same `Location`) and queues nothing",
        ),
    ] = None,
) -> ImportView:
    """Import an SSDA903 return of the caller's own authority: 202, then follow
    `Location` (`GET /v1/imports/{id}`) until `status` is `done` or `failed`.

    An upload that cannot be imported at all is refused here: a file that is neither CSV
    nor XML or not an SSDA903 file (422 naming it), the Episodes or Header file missing,
    too many rows, a collection year the DfE rules do not cover, another authority's
    return (403), over the size limit (413). The rest is validated by the DfE rules and
    loaded by the worker; `report` says what was refused. Honours `Idempotency-Key`: a
    retry answers the first 202; the same key with other files or fields is a 422.
    """
    settings = request.app.state.settings
    contents = [(upload.filename or "upload", await upload.read()) for upload in files]
    idempotency = IdempotencyGuard(
        session,
        caller.org,
        f"{request.method} {request.url.path}",
        idempotency_key,
        upload_fingerprint(contents, collection_year, authority),
    )
    await idempotency.check()
    job = await service.create_import(
        session,
        caller,
        files=contents,
        collection_year=collection_year,
        authority=authority,
        max_bytes=settings.import_max_bytes,
        max_rows=settings.import_max_rows,
        now=now,
    )
    response.headers["Location"] = f"/v1/imports/{job.id}"
    answer = service.view_of(job, [])
    idempotency.remember(202, answer, response.headers)
    return answer


@router.get("/{import_id}", response_model=ImportView, responses=problem_responses(NotFound))
async def get_import(import_id: uuid.UUID, caller: CareStatusRead, session: Session) -> ImportView:
    """Status, progress (rows done of total), counts and the validation report."""
    job, issues = await service.read_import(session, caller, import_id)
    return service.view_of(job, issues)


CSV_MEDIA_TYPE = "text/csv"


class ReportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


@router.get(
    "/{import_id}/report",
    response_model=ImportReport,
    responses={
        **problem_responses(NotFound),
        200: {
            "content": {CSV_MEDIA_TYPE: {"schema": {"type": "string"}}},
            "description": "The report; as CSV (code, message, child, file, row, severity) "
            "when asked",
        },
    },
)
async def get_import_report(
    import_id: uuid.UUID,
    caller: CareStatusRead,
    session: Session,
    format: Annotated[
        ReportFormat | None,
        Query(description="`csv` downloads the report as text/csv (as `Accept: text/csv` does)"),
    ] = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> ImportReport | Response:
    """The validation report alone: each rule failed on a row (`?format=csv`: a download)."""
    _, issues = await service.read_import(session, caller, import_id)
    as_csv = format is ReportFormat.CSV or (format is None and CSV_MEDIA_TYPE in (accept or ""))
    if as_csv:
        return Response(
            service.report_csv(issues),
            media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="import-{import_id}.csv"'},
        )
    return ImportReport(items=service.view_of_issues(issues))
