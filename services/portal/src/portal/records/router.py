"""The forms of a child's record: a legal status, a placement, leaving care, consent.

HTTP only: each form is read by `portal.records.forms`, sent to care-status-api with the
person's token only when it has no problem (nothing half-saved), and answered with the
record (a success banner) or the form again with the GOV.UK error summary.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from portal.apis import ApiError, NotFound
from portal.forms import FormField, Reading, cleaned, idempotency_key, new_form, problem_summary
from portal.records import forms
from portal.web import LONDON, NotAllowed, Page, SignedIn, checked_form, require

router = APIRouter(prefix="/children/{child_id}")


@dataclass(frozen=True)
class RecordForm:
    """One form of the record: its page, how it is read, and the API call it makes."""

    slug: str
    title: str
    template: str
    read: Callable[[Mapping[str, str]], Reading]
    fields: Mapping[str, FormField]
    method: str
    path: str
    done: str
    #: POSTs that create take the form's Idempotency-Key; a PUT is idempotent itself.
    creates: bool


FORMS = {
    form.slug: form
    for form in (
        RecordForm(
            "legal-status",
            "Record a legal status",
            "records/legal_status.html",
            forms.read_legal_status,
            forms.LEGAL_STATUS_FIELDS,
            "POST",
            "/legal-statuses",
            "Legal status recorded.",
            creates=True,
        ),
        RecordForm(
            "placement",
            "Record a placement",
            "records/placement.html",
            forms.read_placement,
            forms.PLACEMENT_FIELDS,
            "POST",
            "/placements",
            "Placement recorded.",
            creates=True,
        ),
        RecordForm(
            "leaving-care",
            "Record leaving care",
            "records/leaving_care.html",
            forms.read_leaving_care,
            forms.LEAVING_CARE_FIELDS,
            "PUT",
            "/leaving-care",
            "Leaving care recorded.",
            creates=False,
        ),
        RecordForm(
            "consent",
            "Record consent to tell the personal adviser",
            "records/consent.html",
            forms.read_consent,
            forms.CONSENT_FIELDS,
            "PUT",
            "/consents/notify_personal_adviser",
            "Consent recorded.",
            creates=False,
        ),
    )
}


def _safe_child_id(child_id: str) -> str:
    # The id goes into the API's path: anything but a plain id is not one (a 404, not a call).
    if not child_id or len(child_id) > 64 or not all(c.isalnum() or c == "-" for c in child_id):
        raise NotFound(404, {})
    return child_id


def _form_of(slug: str) -> RecordForm:
    found = FORMS.get(slug)
    if found is None:
        raise NotFound(404, {})
    return found


async def _own_child(page: Page, child_id: str) -> dict[str, Any]:
    """The full record (audited); an area authority's placement view has no forms."""
    record: dict[str, Any] = await page.api("care-status", "GET", f"/v1/children/{child_id}")
    if record.get("view") != "full":
        raise NotAllowed("responsible authority")
    return record


def _blank(page: Page, record_form: RecordForm) -> dict[str, str]:
    today = datetime.now(LONDON).date()
    if record_form.slug == "consent":
        person = page.session.person
        return new_form(
            **{
                "recorded-day": str(today.day),
                "recorded-month": str(today.month),
                "recorded-year": str(today.year),
                "recorded-by": person.name if person else "",
            }
        )
    return new_form()


def _render(
    page: Page,
    record_form: RecordForm,
    child: dict[str, Any],
    form: dict[str, str],
    errors: object,
) -> HTMLResponse:
    return page.render(
        record_form.template,
        400 if errors else 200,
        child=child,
        form=form,
        errors=errors,
        title=record_form.title,
        action=f"/children/{child['id']}/{record_form.slug}",
        choices=forms,
    )


@router.get("/{slug}", response_class=HTMLResponse)
async def record_form_page(page: SignedIn, child_id: str, slug: str) -> HTMLResponse:
    require(page, "care-status:write")
    record_form = _form_of(slug)
    child = await _own_child(page, _safe_child_id(child_id))
    return _render(page, record_form, child, _blank(page, record_form), None)


@router.post("/{slug}", response_model=None)
async def record_form_sent(page: SignedIn, child_id: str, slug: str) -> Response:
    require(page, "care-status:write")
    record_form = _form_of(slug)
    child_id = _safe_child_id(child_id)
    form = cleaned(await checked_form(page))
    reading = record_form.read(form)
    if reading.problems:
        child = await _own_child(page, child_id)
        return _render(page, record_form, child, form, reading.summary)
    headers = {"Idempotency-Key": idempotency_key(form)} if record_form.creates else None
    try:
        await page.api(
            "care-status",
            record_form.method,
            f"/v1/children/{child_id}{record_form.path}",
            json={k: v for k, v in reading.body.items() if v is not None},
            headers=headers,
        )
    except NotFound:
        raise
    except ApiError as error:
        if error.status == 403:
            raise NotAllowed("care-status:write") from error
        if error.status >= 500:
            raise
        child = await _own_child(page, child_id)
        return _render(page, record_form, child, form, problem_summary(error, record_form.fields))
    page.session.flash = record_form.done
    return RedirectResponse(f"/children/{child_id}", status_code=303)
