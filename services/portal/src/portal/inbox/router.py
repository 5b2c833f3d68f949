"""The inbox: notifications with filters and badges; one notification; acknowledging it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from portal.apis import ApiError, NotFound
from portal.web import SignedIn, checked_form, require, summary_of

router = APIRouter()

STATUSES = ("pending", "delivered", "overdue", "acknowledged", "withheld", "ended")
DUE_WINDOWS = {"24h": timedelta(hours=24), "7d": timedelta(days=7)}


@router.get("/inbox", response_class=HTMLResponse)
async def inbox(
    page: SignedIn,
    status: str | None = None,
    rule: str | None = None,
    due: str | None = None,
    cursor: str | None = None,
) -> HTMLResponse:
    require(page, "notifications:read")
    params = {
        "status": status if status in STATUSES else "",
        "rule": (rule or "").strip()[:100],
        "limit": "50",
        "cursor": cursor or "",
    }
    if due in DUE_WINDOWS:
        params["due_before"] = (datetime.now(UTC) + DUE_WINDOWS[due]).isoformat()
    notifications = await page.api("notify", "GET", "/v1/notifications", params=params)
    return page.render(
        "inbox/list.html",
        page_of=notifications,
        filters={"status": params["status"], "rule": params["rule"], "due": due or ""},
        statuses=STATUSES,
        now=datetime.now(UTC).isoformat(),
    )


@router.get("/notifications/{notification_id}", response_class=HTMLResponse)
async def notification(page: SignedIn, notification_id: str) -> HTMLResponse:
    require(page, "notifications:read")
    return await _show(page, notification_id)


# The link of a notification's email (NOTIFY_PUBLIC_INBOX_BASE_URL) may point at the API's
# path; both open the same page.
@router.get("/v1/notifications/{notification_id}", response_class=RedirectResponse)
async def email_link(notification_id: str) -> RedirectResponse:
    return RedirectResponse(f"/notifications/{notification_id}", status_code=303)


@router.post("/notifications/{notification_id}/acknowledge", response_model=None)
async def acknowledge(page: SignedIn, notification_id: str) -> Response:
    require(page, "notifications:ack")
    form = {k: str(v).strip() for k, v in (await checked_form(page)).items()}
    body: dict[str, str] = {}
    if form.get("visited-on"):
        body["visited_on"] = form["visited-on"]
    if form.get("note") and await page.portal.apis.schema_has(
        "notify", "AcknowledgeRequest", "note"
    ):
        body["note"] = form["note"]
    try:
        await page.api(
            "notify",
            "POST",
            f"/v1/notifications/{_safe_id(notification_id)}/acknowledge",
            json=body or None,
        )
    except NotFound:
        raise
    except ApiError as error:
        return await _show(
            page,
            notification_id,
            errors=summary_of(error, {"visited_on": "visited-on", "note": "note"}),
            form=form,
        )
    page.session.flash = "Notification acknowledged."
    return RedirectResponse(f"/notifications/{_safe_id(notification_id)}", status_code=303)


async def _show(
    page: SignedIn,
    notification_id: str,
    *,
    errors: object = None,
    form: dict[str, str] | None = None,
) -> HTMLResponse:
    item = await page.api("notify", "GET", f"/v1/notifications/{_safe_id(notification_id)}")
    can_note = await page.portal.apis.schema_has("notify", "AcknowledgeRequest", "note")
    return page.render(
        "inbox/notification.html",
        400 if errors else 200,
        n=item,
        errors=errors,
        form=form or {},
        can_note=can_note,
        can_ack=page.session.has("notifications:ack")
        and item.get("status") in ("pending", "delivered", "overdue"),
    )


def _safe_id(value: str) -> str:
    # An id goes into the API's path: anything but a plain id is not one (a 404, not a call).
    if not value or len(value) > 64 or not all(c.isalnum() or c in "-_" for c in value):
        raise NotFound(404, {})
    return value
