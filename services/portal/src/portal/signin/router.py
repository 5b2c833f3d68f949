"""Sign-in, the OIDC callback and sign-out."""

from __future__ import annotations

import logging
import secrets

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from portal.signin.oidc import OidcClient, SignInFailed
from portal.web import AnyPage, checked_form, safe_next, set_session_cookie

logger = logging.getLogger(__name__)
router = APIRouter()


def _oidc(page: AnyPage) -> OidcClient:
    oidc: OidcClient = page.request.app.state.oidc
    return oidc


@router.get("/sign-in", response_model=None)
async def sign_in(page: AnyPage, next: str | None = None) -> Response:
    started = await _oidc(page).start()
    page.session.pending = {
        "state": started.state,
        "nonce": started.nonce,
        "code_verifier": started.code_verifier,
        "next": safe_next(next),
    }
    response = RedirectResponse(started.url, status_code=303)
    set_session_cookie(response, page.session, page.portal.settings)
    return response


@router.get("/auth/callback", response_model=None)
async def callback(
    page: AnyPage, code: str | None = None, state: str | None = None, error: str | None = None
) -> Response:
    pending = page.session.pending
    page.session.pending = {}
    expected = pending.get("state", "")
    if (
        error
        or not code
        or not state
        or not expected
        or not secrets.compare_digest(state.encode(), expected.encode())
    ):
        return _failed(page)
    try:
        signed_in = await _oidc(page).finish(
            code=code, nonce=pending["nonce"], code_verifier=pending["code_verifier"]
        )
    except SignInFailed as failure:
        logger.info("sign-in failed: %s", failure)
        return _failed(page)
    session = page.portal.sessions.signed_in(
        page.session,
        signed_in.person,
        signed_in.access_token,
        signed_in.scopes,
        signed_in.expires_at,
    )
    logger.info("signed in username=%s org=%s", signed_in.person.username, signed_in.person.org)
    response = RedirectResponse(pending.get("next", "/"), status_code=303)
    set_session_cookie(response, session, page.portal.settings)
    return response


@router.post("/sign-out", response_model=None)
async def sign_out(page: AnyPage) -> Response:
    await checked_form(page)
    page.portal.sessions.end(page.session.id)
    fresh = page.portal.sessions.new()
    page.session = fresh
    fresh.flash = "You have signed out."
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(response, fresh, page.portal.settings)
    return response


def _failed(page: AnyPage) -> HTMLResponse:
    return page.render("signin_failed.html", status_code=400)
