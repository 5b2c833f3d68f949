"""The start page: sign in, or the jobs the person's role allows."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from portal.web import AnyPage

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
async def home(page: AnyPage) -> HTMLResponse:
    return page.render("home.html")


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz() -> dict[str, str]:
    return {"status": "ok"}
