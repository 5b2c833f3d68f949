"""Figures: on-time rates and counts per rule (notify-api `GET /v1/figures`)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from portal.figures.chart import PARTS, bar_chart, rule_figures
from portal.web import SignedIn, require

router = APIRouter()


@router.get("/figures", response_class=HTMLResponse)
async def figures(page: SignedIn) -> HTMLResponse:
    require(page, "reports:read")
    document = await page.api("notify", "GET", "/v1/figures")
    rows = rule_figures(document)
    # The SVG is built from escaped text and numbers only (figures.chart).
    chart = Markup(bar_chart(rows)) if rows else None  # noqa: S704
    return page.render("figures.html", rows=rows, chart=chart, parts=PARTS, document=document)
