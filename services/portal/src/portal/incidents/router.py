"""Incidents: the organisation's list, recording one with its decision record, reading one,
and the CPS checklist sections the person's organisation writes.

HTTP only: forms are read by `portal.incidents.forms`; incident-api decides who may read
and write what (its tenancy and `written_by`), the portal only offers what it would allow.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from portal.apis import ApiError, NotFound
from portal.forms import cleaned, idempotency_key, new_form, problem_summary
from portal.incidents import forms
from portal.web import ErrorSummary, NotAllowed, Page, SignedIn, checked_form, require

router = APIRouter(prefix="/incidents")

#: Free text kept as typed: incident-api stores it verbatim.
VERBATIM = frozenset({"description", "rpt-reason", "child-account", "victim-wishes"})
PAGE_SIZE = "50"


def _safe_id(value: str) -> str:
    # An id goes into the API's path: anything but a plain id is not one (a 404, not a call).
    if not value or len(value) > 64 or not all(c.isalnum() or c == "-" for c in value):
        raise NotFound(404, {})
    return value


def _refused(error: ApiError) -> None:
    """Refusals that are not about the form: their own pages."""
    if error.status == 403:
        raise NotAllowed("incidents:write") from error
    if error.status >= 500:
        raise error


@router.get("", response_class=HTMLResponse)
async def incidents(page: SignedIn, kind: str | None = None, cursor: str | None = None) -> Any:
    require(page, "incidents:read")
    chosen = kind if kind in forms.KINDS else ""
    found = await page.api(
        "incidents",
        "GET",
        "/v1/incidents",
        params={"limit": PAGE_SIZE, "kind": chosen, "cursor": (cursor or "")[:500]},
    )
    return page.render(
        "incidents/list.html",
        items=found.get("items", []),
        next_cursor=found.get("next_cursor"),
        kind=chosen,
        kinds=forms.KINDS,
        settings=forms.SETTINGS,
        org_name=forms.organisation_name,
    )


def _render_form(page: Page, form: dict[str, str], errors: ErrorSummary | None) -> HTMLResponse:
    return page.render(
        "incidents/new.html",
        400 if errors else 200,
        form=form,
        errors=errors,
        choices=forms,
        police_forces=forms.police_forces(),
    )


@router.get("/new", response_class=HTMLResponse)
async def new_incident(page: SignedIn) -> HTMLResponse:
    require(page, "incidents:write")
    return _render_form(page, new_form(), None)


@router.post("/new", response_model=None)
async def record_incident(page: SignedIn) -> Response:
    require(page, "incidents:write")
    form = cleaned(await checked_form(page), VERBATIM)
    reading = forms.read_incident(form)
    if reading.problems:
        return _render_form(page, form, reading.summary)
    try:
        incident = await page.api(
            "incidents",
            "POST",
            "/v1/incidents",
            json=reading.body,
            # The key rendered into the form: a second press of the button records nothing new.
            headers={"Idempotency-Key": idempotency_key(form)},
        )
    except ApiError as error:
        _refused(error)
        return _render_form(page, form, problem_summary(error, forms.INCIDENT_FIELDS))
    page.session.flash = "Incident recorded."
    return RedirectResponse(f"/incidents/{incident['id']}", status_code=303)


async def _show(
    page: Page,
    incident_id: str,
    *,
    errors: ErrorSummary | None = None,
    editing: int | None = None,
    form: dict[str, str] | None = None,
) -> HTMLResponse:
    incident = await page.api("incidents", "GET", f"/v1/incidents/{incident_id}")
    checklist = await page.api("incidents", "GET", f"/v1/incidents/{incident_id}/cps-checklist")
    person = page.session.person
    kind = forms.organisation_kind(person.org if person else None)
    writable = (
        forms.writable_sections(checklist, kind) if page.session.has("incidents:write") else []
    )
    return page.render(
        "incidents/incident.html",
        400 if errors else 200,
        i=incident,
        checklist=checklist,
        writable=writable,
        errors=errors,
        editing=editing,
        form=form or {},
        kinds=forms.KINDS,
        settings=forms.SETTINGS,
        responses=forms.RESPONSE_CATEGORIES,
        org_name=forms.organisation_name,
        writers_in_words=forms.writers_in_words,
    )


@router.get("/{incident_id}", response_class=HTMLResponse)
async def incident(page: SignedIn, incident_id: str) -> HTMLResponse:
    require(page, "incidents:read")
    return await _show(page, _safe_id(incident_id))


@router.post("/{incident_id}/cps-checklist/{section}", response_model=None)
async def write_section(page: SignedIn, incident_id: str, section: int) -> Response:
    require(page, "incidents:write")
    incident_id = _safe_id(incident_id)
    if not 1 <= section <= 10:
        raise NotFound(404, {})
    form = cleaned(await checked_form(page), frozenset({"content"}))
    reading = forms.read_section(form, section)
    if reading.problems:
        return await _show(page, incident_id, errors=reading.summary, editing=section, form=form)
    try:
        await page.api(
            "incidents",
            "PUT",
            f"/v1/incidents/{incident_id}/cps-checklist/{section}",
            json=reading.body,
        )
    except NotFound:
        raise
    except ApiError as error:
        _refused(error)
        summary = problem_summary(error, forms.section_fields(section))
        return await _show(page, incident_id, errors=summary, editing=section, form=form)
    page.session.flash = f"Section {section} of the CPS checklist saved."
    return RedirectResponse(f"/incidents/{incident_id}#section-{section}", status_code=303)
