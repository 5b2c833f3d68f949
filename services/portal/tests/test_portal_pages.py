"""The portal's pages without a browser: headers, sign-in redirects, CSRF, plain answers."""

from __future__ import annotations

import time

import httpx
import pytest

from portal.custody.answer import date_from_parts, plain_answer
from portal.main import create_app
from portal.sessions import COOKIE, Person
from portal.settings import PortalSettings
from portal.web import safe_next


@pytest.fixture
async def portal() -> httpx.AsyncClient:
    app = create_app(PortalSettings(_env_file=None))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1")


async def test_the_start_page_has_a_strict_policy_and_a_safe_session_cookie(
    portal: httpx.AsyncClient,
) -> None:
    response = await portal.get("/")

    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["cache-control"] == "no-store"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "secure" in cookie and "samesite=lax" in cookie


async def test_a_page_signed_out_sends_to_sign_in_and_back(portal: httpx.AsyncClient) -> None:
    response = await portal.get("/notifications/abc-123")

    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=%2Fnotifications%2Fabc-123"


async def test_a_form_after_the_session_ended_says_so(portal: httpx.AsyncClient) -> None:
    response = await portal.post("/custody", data={"given-name": "Zoe"})

    assert response.status_code == 401
    assert "Your session has ended" in response.text


async def test_a_form_without_the_sessions_token_saves_nothing(portal: httpx.AsyncClient) -> None:
    await portal.get("/")

    forged = await portal.post("/sign-out", data={"csrf_token": "forged"})
    missing = await portal.post("/sign-out", data={})

    for response in (forged, missing):
        assert response.status_code == 400
        assert "The form has expired" in response.text
        assert "Traceback" not in response.text


async def test_an_unknown_page_is_the_not_found_page(portal: httpx.AsyncClient) -> None:
    response = await portal.get("/no-such-page")

    assert response.status_code == 404
    assert "Page not found" in response.text


@pytest.mark.parametrize(
    "value", ["https://evil.example/", "//evil.example/x", "/\\\\evil.example", "", None]
)
def test_after_sign_in_only_a_local_path_is_followed(value: str | None) -> None:
    assert safe_next(value) == "/"


def test_the_answer_says_who_is_told_and_by_when() -> None:
    answer = plain_answer(
        {
            "result": "looked_after",
            "person_ref": "p_1",
            "age": 15,
            "responsible_authority": {"code": "E09000007", "name": "Camden"},
            "placed_out_of_area": True,
            "area_authority": {"code": "E10000007", "name": "Derbyshire"},
        }
    )

    assert answer.headline == "Looked after by Camden"
    assert ("Placed out of area", "Yes, in Derbyshire") in answer.facts
    assert any("within 2 hours" in step for step in answer.next_steps)
    assert any("appropriate adult within 1 hour" in step for step in answer.next_steps)


def test_no_record_is_not_proof_of_no_status() -> None:
    answer = plain_answer({"result": "no_record"})

    assert not answer.found
    assert any("does not prove" in step for step in answer.next_steps)


def test_a_date_of_birth_must_be_whole_and_real() -> None:
    assert date_from_parts("31", "2", "2011")[1] == "Date of birth must be a real date"
    assert date_from_parts("1", "", "2011")[1] == (
        "Date of birth must include a day, month and year"
    )
    assert date_from_parts("14", "6", "2011")[0] is not None


@pytest.mark.parametrize(
    ("scopes", "shown", "hidden"),
    [
        ({"incidents:read", "incidents:write"}, {"/incidents"}, {"/children", "/custody"}),
        ({"care-status:read", "care-status:write"}, {"/children"}, {"/incidents"}),
    ],
)
async def test_the_menu_offers_only_what_the_persons_scopes_allow(
    scopes: set[str], shown: set[str], hidden: set[str]
) -> None:
    app = create_app(PortalSettings(_env_file=None))
    sessions = app.state.portal.sessions
    session = sessions.signed_in(
        sessions.new(),
        Person("someone", "Someone", "provider-demo-home", "registered_manager"),
        "a-token",
        frozenset(scopes),
        time.time() + 600,
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://127.0.0.1",
        cookies={COOKIE: session.id},
    ) as browser:
        page = await browser.get("/")

    menu = page.text.split('id="navigation"')[1].split("</ul>")[0]
    assert all(f'href="{path}"' in menu for path in shown)
    assert not any(f'href="{path}"' in menu for path in hidden)
