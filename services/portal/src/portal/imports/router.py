"""SSDA903 upload: the files of one return to care-status-api (`POST /v1/imports`), then the
import's progress, counts and validation report (`GET /v1/imports/{id}`), and the report
as CSV (`GET /v1/imports/{id}/report?format=csv`).

The upload is refused whole or queued whole by the API; the portal only passes the files
on with the person's own token, so the authority is the person's and the audit names them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from portal.apis import ApiError, NotFound
from portal.imports.view import REPORT_LINES_SHOWN, collection_year, import_page
from portal.web import (
    LONDON,
    ErrorSummary,
    FieldProblem,
    Page,
    SignedIn,
    checked_form,
    require,
    summary_of,
)

router = APIRouter(prefix="/imports")

#: The API's fields, as the form's (`body.files.episodes.csv` names the file input).
FIELDS = {"files": "files", "collection_year": "collection-year"}
#: One return is a handful of files (Header, Episodes, UASC, OC3, Names, ...).
MAX_FILES = 20
#: The page of an import under way reloads itself this often (no script needed).
REFRESH_SECONDS = 3


def _form_page(
    page: Page, form: dict[str, str], errors: ErrorSummary | None, status: int = 200
) -> HTMLResponse:
    return page.render("imports/new.html", status, form=form, errors=errors)


def _today() -> date:
    return datetime.now(LONDON).date()


@router.get("/new", response_class=HTMLResponse)
async def new_import(page: SignedIn) -> HTMLResponse:
    require(page, "care-status:write")
    return _form_page(page, {"collection-year": collection_year(_today())}, None)


@router.post("/new", response_model=None)
async def upload(page: SignedIn) -> Response:
    require(page, "care-status:write")
    limit = page.portal.settings.upload_max_bytes
    declared = page.request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        # Refused before the body is read: a return this big is not read into the portal.
        problem = FieldProblem("files", f"The files must be {limit / 1_000_000:g} MB or smaller")
        return _form_page(page, {}, ErrorSummary("There is a problem", [problem]), 413)
    await page.request.form(max_files=MAX_FILES)
    form = await checked_form(page)
    year = str(form.get("collection-year", "")).strip()
    uploads = [
        item for item in form.getlist("files") if isinstance(item, UploadFile) and item.filename
    ]
    shown = {"collection-year": year}
    problems = []
    if not uploads:
        problems.append(FieldProblem("files", "Select the files of the return"))
    if not year:
        problems.append(FieldProblem("collection-year", "Enter the collection year"))
    if problems:
        return _form_page(page, shown, ErrorSummary("There is a problem", problems), 400)
    files = [
        ("files", (str(item.filename), await item.read(), item.content_type or "text/csv"))
        for item in uploads
    ]
    try:
        created = await page.api(
            "care-status", "POST", "/v1/imports", files=files, data={"collection_year": year}
        )
    except NotFound:
        raise
    except ApiError as error:
        return _form_page(page, shown, _summary(error), 400)
    page.session.flash = "Return uploaded."
    return RedirectResponse(f"/imports/{created['id']}", status_code=303)


def _summary(error: ApiError) -> ErrorSummary:
    """The API's problem, each file's message naming the file (`body.files.<name>`)."""
    summary = summary_of(error, FIELDS)
    named = []
    for problem, item in zip(error.fields, summary.items, strict=False):
        file_name = problem.field.removeprefix("body.").removeprefix("files").lstrip(".")
        if problem.field.removeprefix("body.").startswith("files.") and file_name:
            item = FieldProblem(item.field, f"{file_name}: {problem.reason}")
        named.append(item)
    return ErrorSummary(summary.title, named + summary.items[len(named) :])


def _import_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound(404, {}) from None


@router.get("/{import_id}", response_class=HTMLResponse)
async def import_status(page: SignedIn, import_id: str) -> HTMLResponse:
    require(page, "care-status:write")
    document = await page.api("care-status", "GET", f"/v1/imports/{_import_id(import_id)}")
    view = import_page(document)
    return page.render(
        "imports/status.html",
        job=view,
        refresh_seconds=REFRESH_SECONDS if view.under_way else None,
        shown_at_most=REPORT_LINES_SHOWN,
    )


@router.get("/{import_id}/report.csv", response_model=None)
async def report_csv(page: SignedIn, import_id: str) -> Response:
    require(page, "care-status:write")
    checked = _import_id(import_id)
    answer = await page.portal.apis.request(
        page.token, "care-status", "GET", f"/v1/imports/{checked}/report", params={"format": "csv"}
    )
    return Response(
        answer.content,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="import-{checked}.csv"'},
    )
