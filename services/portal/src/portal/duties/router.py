"""The duties board: open duties soonest first, overdue and breaches marked."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from portal.web import SignedIn, require

router = APIRouter()

STATES = ("open", "met", "all")


@router.get("/duties", response_class=HTMLResponse)
async def duties(page: SignedIn, state: str = "open", cursor: str | None = None) -> HTMLResponse:
    require(page, "notifications:read")
    state = state if state in STATES else "open"
    board = await page.api(
        "notify",
        "GET",
        "/v1/duties",
        params={"state": state, "limit": "100", "cursor": cursor or ""},
    )
    items = sorted(board.get("items", []), key=lambda duty: str(duty.get("due_at") or ""))
    return page.render(
        "duties/board.html",
        items=items,
        state=state,
        states=STATES,
        next_cursor=board.get("next_cursor"),
    )
