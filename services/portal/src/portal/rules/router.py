"""The rules in force, with their citations."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from portal.web import SignedIn, require

router = APIRouter()


@router.get("/rules", response_class=HTMLResponse)
async def rules(page: SignedIn) -> HTMLResponse:
    require(page, "rules:read")
    found = await page.api("notify", "GET", "/v1/rules")
    return page.render(
        "rules/list.html", items=found.get("items", []), version=found.get("version")
    )
