"""Endpoints: register a webhook or an email, rotate a webhook's secret.

A signing secret is shown once, on the page that answers the POST (never in a URL, never
kept by the portal).
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from portal.apis import ApiError, NotFound
from portal.web import ErrorSummary, FieldProblem, SignedIn, checked_form, require, summary_of

router = APIRouter(prefix="/endpoints")

FIELDS = {"url": "url", "address": "address", "channel": "channel-webhook"}


async def _list(page: SignedIn) -> list[dict[str, Any]]:
    found = await page.api("notify", "GET", "/v1/endpoints", params={"limit": "200"})
    items: list[dict[str, Any]] = found.get("items", [])
    return items


@router.get("", response_class=HTMLResponse)
async def endpoints(page: SignedIn) -> HTMLResponse:
    require(page, "endpoints:manage")
    return page.render(
        "endpoints.html",
        items=await _list(page),
        form={"idempotency-key": str(uuid.uuid4())},
        errors=None,
        secret=None,
    )


@router.post("", response_class=HTMLResponse)
async def register(page: SignedIn) -> HTMLResponse:
    require(page, "endpoints:manage")
    form = {k: str(v).strip() for k, v in (await checked_form(page)).items()}
    channel = form.get("channel")
    body: dict[str, Any] = {"channel": channel}
    problem = None
    if channel == "webhook":
        body["url"] = form.get("url", "")
        problem = None if body["url"] else FieldProblem("url", "Enter the webhook's address")
    elif channel == "email":
        body["address"] = form.get("address", "")
        problem = None if body["address"] else FieldProblem("address", "Enter an email address")
    else:
        problem = FieldProblem("channel-webhook", "Select a webhook or an email")
    if problem is not None:
        return page.render(
            "endpoints.html",
            400,
            items=await _list(page),
            form=form,
            errors=ErrorSummary("There is a problem", [problem]),
            secret=None,
        )
    try:
        created = await page.api(
            "notify",
            "POST",
            "/v1/endpoints",
            json=body,
            headers={"Idempotency-Key": form.get("idempotency-key") or str(uuid.uuid4())},
        )
    except ApiError as error:
        return page.render(
            "endpoints.html",
            400,
            items=await _list(page),
            form=form,
            errors=summary_of(error, FIELDS),
            secret=None,
        )
    return page.render(
        "endpoints.html",
        items=await _list(page),
        form={"idempotency-key": str(uuid.uuid4())},
        errors=None,
        secret=created.get("secret"),
        flash_text="Endpoint registered.",
    )


@router.post("/{endpoint_id}/secret", response_class=HTMLResponse)
async def rotate(page: SignedIn, endpoint_id: str) -> HTMLResponse:
    require(page, "endpoints:manage")
    await checked_form(page)
    if (
        not endpoint_id
        or len(endpoint_id) > 64
        or not all(c.isalnum() or c == "-" for c in endpoint_id)
    ):
        raise NotFound(404, {})
    rotated = await page.api("notify", "POST", f"/v1/endpoints/{endpoint_id}/secret")
    return page.render(
        "endpoints.html",
        items=await _list(page),
        form={"idempotency-key": str(uuid.uuid4())},
        errors=None,
        secret=(rotated or {}).get("secret"),
        flash_text="Secret rotated.",
    )
