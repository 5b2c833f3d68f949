"""An authority's own children: the list, a search (by POST), a record, recording a child."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from portal.apis import ApiError, NotFound
from portal.custody.answer import date_from_parts
from portal.records.forms import LEGAL_BASES, PLACEMENT_TYPES, local_authorities
from portal.web import ErrorSummary, FieldProblem, SignedIn, checked_form, require, summary_of

router = APIRouter(prefix="/children")

#: The API's fields, as the form's (for the error summary's links).
CHILD_FIELDS = {
    "given_name": "given-name",
    "family_name": "family-name",
    "date_of_birth": "dob-day",
    "nhs_number": "nhs-number",
    "pnc_id": "pnc-id",
    "local_reference": "local-reference",
}
#: A search reads at most this many pages of the authority's children.
SEARCH_PAGES = 10


@router.get("", response_class=HTMLResponse)
async def children(page: SignedIn, cursor: str | None = None) -> HTMLResponse:
    require(page, "care-status:read")
    found = await page.api(
        "care-status", "GET", "/v1/children", params={"limit": "50", "cursor": cursor or ""}
    )
    return page.render(
        "children/list.html",
        items=found.get("items", []),
        next_cursor=found.get("next_cursor"),
        query="",
    )


@router.post("/search", response_class=HTMLResponse)
async def search(page: SignedIn) -> HTMLResponse:
    require(page, "care-status:read")
    form = await checked_form(page)
    query = str(form.get("name", "")).strip().casefold()
    matches: list[dict[str, Any]] = []
    cursor = ""
    for _ in range(SEARCH_PAGES):
        found = await page.api(
            "care-status", "GET", "/v1/children", params={"limit": "200", "cursor": cursor}
        )
        for child in found.get("items", []):
            name = f"{child.get('given_name', '')} {child.get('family_name', '')}".casefold()
            if query in name:
                matches.append(child)
        cursor = found.get("next_cursor") or ""
        if not cursor:
            break
    return page.render("children/list.html", items=matches, next_cursor=None, query=query)


@router.get("/new", response_class=HTMLResponse)
async def new_child(page: SignedIn) -> HTMLResponse:
    require(page, "care-status:write")
    return page.render(
        "children/new.html", form={"idempotency-key": str(uuid.uuid4())}, errors=None
    )


@router.post("/new", response_model=None)
async def record_child(page: SignedIn) -> Response:
    require(page, "care-status:write")
    form = {k: str(v).strip() for k, v in (await checked_form(page)).items()}
    born, problem = date_from_parts(
        form.get("dob-day", ""), form.get("dob-month", ""), form.get("dob-year", "")
    )
    body: dict[str, Any] = {
        key: form[name]
        for key, name in CHILD_FIELDS.items()
        if key != "date_of_birth" and form.get(name)
    }
    if born:
        body["date_of_birth"] = born.isoformat()
    if problem:
        return page.render(
            "children/new.html",
            400,
            form=form,
            errors=ErrorSummary("There is a problem", [FieldProblem("dob-day", problem)]),
        )
    try:
        child = await page.api(
            "care-status",
            "POST",
            "/v1/children",
            json=body,
            headers={"Idempotency-Key": form.get("idempotency-key") or str(uuid.uuid4())},
        )
    except NotFound:
        raise
    except ApiError as error:
        return page.render(
            "children/new.html", 400, form=form, errors=summary_of(error, CHILD_FIELDS)
        )
    page.session.flash = "Child recorded."
    return RedirectResponse(f"/children/{child['id']}", status_code=303)


@router.get("/{child_id}", response_class=HTMLResponse)
async def child(page: SignedIn, child_id: str) -> HTMLResponse:
    require(page, "care-status:read")
    if not child_id or len(child_id) > 64 or not all(c.isalnum() or c == "-" for c in child_id):
        raise NotFound(404, {})
    record = await page.api("care-status", "GET", f"/v1/children/{child_id}")
    return page.render(
        "children/record.html",
        child=record,
        bases=LEGAL_BASES,
        placement_types=PLACEMENT_TYPES,
        authorities=local_authorities(),
    )
