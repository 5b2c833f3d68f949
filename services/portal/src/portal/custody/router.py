"""The custody desk: look a child up (by POST: no personal data in URLs), record the detention."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from portal.apis import ApiError
from portal.custody.answer import date_from_parts, plain_answer
from portal.web import (
    LONDON,
    ErrorSummary,
    FieldProblem,
    SignedIn,
    checked_form,
    require,
    summary_of,
)

router = APIRouter(prefix="/custody")

LOOKUP_FIELDS = {
    "given_name": "given-name",
    "family_name": "family-name",
    "date_of_birth": "dob-day",
    "identifiers": "pnc-id",
    "requester_reference": "custody-reference",
}
DETENTION_FIELDS = {
    "custody_suite": "custody-suite",
    "detained_at": "detained-date",
    "occurred_at": "detained-date",
    "police_reference": "custody-reference",
}


@router.get("", response_class=HTMLResponse)
async def lookup_form(page: SignedIn) -> HTMLResponse:
    require(page, "care-status:lookup")
    return page.render("custody/lookup.html", form={}, errors=None)


@router.post("", response_class=HTMLResponse)
async def lookup(page: SignedIn) -> HTMLResponse:
    require(page, "care-status:lookup")
    form = {k: str(v).strip() for k, v in (await checked_form(page)).items()}
    born, date_problem = date_from_parts(
        form.get("dob-day", ""), form.get("dob-month", ""), form.get("dob-year", "")
    )
    problems = []
    if date_problem:
        problems.append(FieldProblem("dob-day", date_problem))
    identifiers = {
        key: form[name]
        for key, name in (("pnc_id", "pnc-id"), ("nhs_number", "nhs-number"))
        if form.get(name)
    }
    named = form.get("given-name") and form.get("family-name") and born
    if not identifiers and not named and not date_problem:
        problems.append(
            FieldProblem(
                "given-name",
                "Enter the given name, family name and date of birth, or an identifier",
            )
        )
    if problems:
        return page.render(
            "custody/lookup.html",
            400,
            form=form,
            errors=ErrorSummary("There is a problem", problems),
        )
    body: dict[str, object] = {"purpose": "custody"}
    if identifiers:
        body["identifiers"] = identifiers
    if form.get("given-name"):
        body["given_name"] = form["given-name"]
    if form.get("family-name"):
        body["family_name"] = form["family-name"]
    if born:
        body["date_of_birth"] = born.isoformat()
    if form.get("custody-reference"):
        body["requester_reference"] = form["custody-reference"]
    try:
        result = await page.api("care-status", "POST", "/v1/lookups", json=body)
    except ApiError as error:
        return page.render(
            "custody/lookup.html", 400, form=form, errors=summary_of(error, LOOKUP_FIELDS)
        )
    answer = plain_answer(result)
    detention = _detention_defaults(form)
    detention["person-ref"] = answer.person_ref or ""
    return page.render("custody/answer.html", answer=answer, form=detention, errors=None)


@router.post("/detentions", response_class=HTMLResponse)
async def record_detention(page: SignedIn) -> HTMLResponse:
    require(page, "incidents:write")
    form = {k: str(v).strip() for k, v in (await checked_form(page)).items()}
    detained_at, problem = _instant(form.get("detained-date", ""), form.get("detained-time", ""))
    problems = []
    if problem:
        problems.append(FieldProblem("detained-date", problem))
    if not form.get("custody-suite"):
        problems.append(FieldProblem("custody-suite", "Enter the custody suite"))
    if not form.get("person-ref"):
        problems.append(FieldProblem("", "Look the child up again before recording"))
    if problems or detained_at is None:
        return page.render(
            "custody/detention_problem.html",
            400,
            form=form,
            errors=ErrorSummary("There is a problem", problems),
        )
    body = {
        "person_ref": form["person-ref"],
        "kind": "custody_detention",
        "setting": "custody",
        "occurred_at": detained_at.isoformat(),
        "detained_at": detained_at.isoformat(),
        "custody_suite": form["custody-suite"],
    }
    if form.get("custody-reference"):
        body["police_reference"] = form["custody-reference"]
    try:
        incident = await page.api(
            "incidents",
            "POST",
            "/v1/incidents",
            json=body,
            # The key rendered into the form: a second press of the button records nothing new.
            headers={"Idempotency-Key": form.get("idempotency-key") or str(uuid.uuid4())},
        )
    except ApiError as error:
        return page.render(
            "custody/detention_problem.html",
            400,
            form=form,
            errors=summary_of(error, DETENTION_FIELDS),
        )
    return page.render("custody/recorded.html", incident=incident)


def _detention_defaults(form: dict[str, str]) -> dict[str, str]:
    now = datetime.now(LONDON)
    return {
        "detained-date": now.date().isoformat(),
        "detained-time": now.strftime("%H:%M"),
        "custody-reference": form.get("custody-reference", ""),
        "idempotency-key": str(uuid.uuid4()),
    }


def _instant(day: str, time: str) -> tuple[datetime | None, str | None]:
    if not day or not time:
        return None, "Enter the date and time of the detention"
    try:
        naive = datetime.fromisoformat(f"{day}T{time}")
    except ValueError:
        return None, "Enter the date as YYYY-MM-DD and the time as HH:MM"
    return naive.replace(tzinfo=LONDON), None
