"""What every page shares: the templates, the session of the request, CSRF, rendering.

Routers stay HTTP only: they take a `Page` (the request and its session), call the APIs
through `portal.apis` and render a template.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData

from portal.apis import ApiError, Apis, FieldProblem
from portal.sessions import COOKIE, Session, SessionStore
from portal.settings import PortalSettings

LONDON = ZoneInfo("Europe/London")
TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")


class SignInRequired(Exception):
    """No signed-in session: the person is sent to sign in, then back to `next_path`."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class FormExpired(Exception):
    """A form without the session's CSRF token (forged, or from an ended session)."""


class NotAllowed(Exception):
    """The person's role does not include what the page needs."""


@dataclass
class Portal:
    """Built once by `create_app`, kept on `app.state.portal`."""

    settings: PortalSettings
    sessions: SessionStore
    apis: Apis
    features: dict[str, bool]


@dataclass
class Page:
    request: Request
    portal: Portal
    session: Session

    @property
    def token(self) -> str:
        assert self.session.access_token is not None
        return self.session.access_token

    async def api(self, service: str, method: str, path: str, **kwargs: Any) -> Any:
        return await self.portal.apis.call(self.token, service, method, path, **kwargs)

    def render(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        flash, self.session.flash = self.session.flash, None
        response = TEMPLATES.TemplateResponse(
            self.request,
            template,
            {"session": self.session, "person": self.session.person, "flash": flash, **context},
            status_code=status_code,
        )
        set_session_cookie(response, self.session, self.portal.settings)
        return response


def get_portal(request: Request) -> Portal:
    portal: Portal = request.app.state.portal
    return portal


def current_session(request: Request, portal: Portal) -> Session:
    """The request's session, or a new anonymous one (which gets a cookie when rendered)."""
    session = portal.sessions.get(request.cookies.get(COOKIE))
    return session if session is not None else portal.sessions.new()


def signed_in_page(request: Request, portal: Annotated[Portal, Depends(get_portal)]) -> Page:
    session = current_session(request, portal)
    if session.person is None or session.access_token is None:
        raise SignInRequired(_local_path(request))
    return Page(request, portal, session)


def any_page(request: Request, portal: Annotated[Portal, Depends(get_portal)]) -> Page:
    return Page(request, portal, current_session(request, portal))


SignedIn = Annotated[Page, Depends(signed_in_page)]
AnyPage = Annotated[Page, Depends(any_page)]


def require(page: Page, scope: str) -> None:
    if not page.session.has(scope):
        raise NotAllowed(scope)


async def checked_form(page: Page) -> FormData:
    """The posted form, after its CSRF token is checked against the session's."""
    form = await page.request.form()
    sent = form.get("csrf_token")
    if not isinstance(sent, str) or not hmac.compare_digest(
        sent.encode(), page.session.csrf_token.encode()
    ):
        raise FormExpired
    return form


def set_session_cookie(response: Response, session: Session, settings: PortalSettings) -> None:
    response.set_cookie(
        COOKIE,
        session.id,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="lax",
        path="/",
    )


def _local_path(request: Request) -> str:
    # Only GET pages are returned to after sign-in: a form's body would be lost anyway.
    if request.method != "GET":
        return "/"
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{request.url.path}{query}"


def safe_next(value: str | None) -> str:
    """A path on this site only (no open redirect after sign-in)."""
    if not value or not value.startswith("/") or value.startswith("//"):
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or "\\" in value:
        return "/"
    return value


@dataclass(frozen=True)
class ErrorSummary:
    """The GOV.UK error summary: a title and each field's message, linked to the field."""

    title: str
    items: list[FieldProblem]

    def for_field(self, name: str) -> str | None:
        for item in self.items:
            if item.field == name:
                return item.reason
        return None


def summary_of(error: ApiError, field_names: dict[str, str]) -> ErrorSummary:
    """The API's problem as an error summary; `field_names` maps API fields to form fields."""
    items: list[FieldProblem] = []
    for problem in error.fields:
        api_field = problem.field.removeprefix("body.")
        form_field = field_names.get(api_field, field_names.get(api_field.split(".")[0], ""))
        items.append(FieldProblem(form_field, _sentence(problem.reason)))
    if not items:
        items.append(FieldProblem("", _sentence(str(error.detail or error.title))))
    return ErrorSummary("There is a problem", items)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else "The request was refused"


def local_time(value: str | None) -> str:
    """An instant as staff read it: `27 November 2026 at 2:10am` in London time."""
    if not value:
        return ""
    try:
        instant = datetime.fromisoformat(value).astimezone(LONDON)
    except ValueError:
        return value
    hour = instant.strftime("%I").lstrip("0") or "12"
    return f"{instant.day} {instant:%B %Y} at {hour}:{instant:%M}{instant:%p}".replace(
        "AM", "am"
    ).replace("PM", "pm")


def words(value: str | None) -> str:
    """An enumerated value in words: `responsible_authority` -> `Responsible authority`."""
    if not value:
        return ""
    text = str(value).replace("_", " ").replace("-", " ")
    return text[:1].upper() + text[1:]


TEMPLATES.env.filters["local_time"] = local_time
TEMPLATES.env.filters["words"] = words
