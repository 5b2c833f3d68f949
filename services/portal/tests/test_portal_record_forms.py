"""The record forms of a child over a real care-status-api (in-process, SQLite, real tokens).

The portal is signed in as Camden's duty social worker with a token the development
authorization server minted; each form goes through the portal to care-status-api and
the test reads the record back through the API, so "nothing saved" is what the API holds.
On SQLite only: the API's behaviour on PostgreSQL is its own tests' job (D41).
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from care_status.main import MIGRATIONS
from care_status.main import create_app as create_care_status_app
from care_status.settings import Settings as CareStatusSettings
from platform_shared.testing import DatabaseFactories, InProcessService, serve_in_process
from portal.main import create_app
from portal.sessions import COOKIE, Person
from portal.settings import PortalSettings

DERBYSHIRE = "E10000007"


@dataclass
class SignedInPortal:
    browser: httpx.AsyncClient
    api: httpx.AsyncClient
    csrf: str

    async def child(self, **fields: Any) -> dict[str, Any]:
        body = {"given_name": "Maya", "family_name": "Osei", "date_of_birth": "2012-04-02"}
        response = await self.api.post("/v1/children", json={**body, **fields})
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def record(self, child_id: str) -> dict[str, Any]:
        response = await self.api.get(f"/v1/children/{child_id}")
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def form_key(self, path: str) -> str:
        page = await self.browser.get(path)
        assert page.status_code == 200, page.text
        found = re.search(r'name="idempotency-key" value="([^"]+)"', page.text)
        assert found is not None
        return found[1]

    async def send(self, path: str, fields: dict[str, str]) -> httpx.Response:
        return await self.browser.post(path, data={"csrf_token": self.csrf, **fields})


@pytest.fixture
async def care_status(
    database_factories: DatabaseFactories, auth: Any
) -> AsyncIterator[InProcessService]:
    url = await database_factories.get(MIGRATIONS, "sqlite").acreate()
    settings = CareStatusSettings(
        _env_file=None, database_url=url, migrate_on_start=False, relay_in_process=False
    )
    app = create_care_status_app(settings)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


@pytest.fixture
async def portal(care_status: InProcessService, auth: Any) -> AsyncIterator[SignedInPortal]:
    settings = PortalSettings(_env_file=None, care_status_url=care_status.base_url)
    app = create_app(settings, transport=care_status.transport())
    token = await auth.token("demo-camden")
    sessions = app.state.portal.sessions
    session = sessions.signed_in(
        sessions.new(),
        Person("camden-duty", "Jo Adeyemi", "E09000007", "duty_social_worker"),
        token,
        frozenset({"care-status:read", "care-status:write"}),
        time.time() + 600,
    )
    async with (
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://127.0.0.1",
            cookies={COOKIE: session.id},
        ) as browser,
        app.router.lifespan_context(app),
    ):
        api = await care_status.as_client("demo-camden")
        yield SignedInPortal(browser, api, session.csrf_token)


def placement_form(key: str, **fields: str) -> dict[str, str]:
    return {
        "idempotency-key": key,
        "placement-type": "childrens_home",
        "area-authority": DERBYSHIRE,
        "start-day": "14",
        "start-month": "9",
        "start-year": "2026",
        "provider": "provider-demo-home",
        **fields,
    }


async def test_a_placement_is_recorded_once_however_often_the_button_is_pressed(
    portal: SignedInPortal,
) -> None:
    child = await portal.child()
    path = f"/children/{child['id']}/placement"
    key = await portal.form_key(path)

    first = await portal.send(path, placement_form(key))
    again = await portal.send(path, placement_form(key))

    for response in (first, again):
        assert response.status_code == 303
        assert response.headers["location"] == f"/children/{child['id']}"
    [placement] = (await portal.record(child["id"]))["placements"]
    assert placement["area_authority"] == DERBYSHIRE
    assert placement["provider"] == "provider-demo-home"
    assert placement["start_date"] == "2026-09-14"
    shown = await portal.browser.get(f"/children/{child['id']}")
    assert "Placement recorded." in shown.text
    assert "Children&#39;s home in Derbyshire from 2026-09-14" in shown.text


async def test_a_date_that_does_not_exist_is_named_in_the_summary_and_nothing_is_saved(
    portal: SignedInPortal,
) -> None:
    child = await portal.child()
    path = f"/children/{child['id']}/placement"

    response = await portal.send(
        path, placement_form(await portal.form_key(path), **{"start-day": "31", "start-month": "2"})
    )

    assert response.status_code == 400
    assert "<title>Error: Record a placement" in response.text
    assert '<a href="#start-day">Start date must be a real date</a>' in response.text
    assert 'id="start-day-error"' in response.text
    # What was typed stays in the form.
    assert 'name="start-day" type="text" inputmode="numeric" value="31"' in response.text
    assert (await portal.record(child["id"]))["placements"] == []


async def test_the_apis_own_problem_is_shown_on_its_field_and_nothing_is_saved(
    portal: SignedInPortal,
) -> None:
    child = await portal.child()
    path = f"/children/{child['id']}/legal-status"

    response = await portal.send(
        path,
        {
            "idempotency-key": await portal.form_key(path),
            "basis": "care_order_s31",
            "start-day": "1",
            "start-month": "1",
            "start-year": "2011",
        },
    )

    assert response.status_code == 400
    assert '<a href="#start-day">Start date is before the date of birth</a>' in response.text
    assert (await portal.record(child["id"]))["legal_statuses"] == []


async def test_a_legal_status_leaving_care_and_consent_are_recorded_and_shown(
    portal: SignedInPortal,
) -> None:
    child = await portal.child(date_of_birth="2007-03-10")
    legal = f"/children/{child['id']}/legal-status"
    recorded = await portal.send(
        legal,
        {
            "idempotency-key": await portal.form_key(legal),
            "basis": "care_order_s31",
            "start-day": "1",
            "start-month": "6",
            "start-year": "2020",
            "end-day": "10",
            "end-month": "3",
            "end-year": "2025",
        },
    )
    assert recorded.status_code == 303

    leaving = await portal.send(
        f"/children/{child['id']}/leaving-care",
        {"left-day": "10", "left-month": "3", "left-year": "2025"},
    )
    assert leaving.status_code == 303
    consent_page = await portal.browser.get(f"/children/{child['id']}/consent")
    assert 'name="recorded-by" type="text" value="Jo Adeyemi"' in consent_page.text
    consent = await portal.send(
        f"/children/{child['id']}/consent",
        {
            "given": "yes",
            "recorded-day": "2",
            "recorded-month": "12",
            "recorded-year": "2026",
            "recorded-by": "Jo Adeyemi",
        },
    )
    assert consent.status_code == 303

    record = await portal.record(child["id"])
    [status] = record["legal_statuses"]
    assert (status["basis"], status["end_date"]) == ("care_order_s31", "2025-03-10")
    assert record["leaving_care"]["left_care_on"] == "2025-03-10"
    [answer] = record["consents"]
    assert (answer["given"], answer["recorded_by"]) == (True, "Jo Adeyemi")
    shown = (await portal.browser.get(f"/children/{child['id']}")).text
    assert "Care order (Children Act 1989 section 31) from 2020-06-01 to 2025-03-10" in shown
    assert "Telling the personal adviser: agreed on 2026-12-02, recorded by Jo Adeyemi" in shown


async def test_leaving_care_says_which_fields_are_missing_before_sending_anything(
    portal: SignedInPortal,
) -> None:
    child = await portal.child()

    response = await portal.send(
        f"/children/{child['id']}/leaving-care", {"in-education": "yes", "left-month": "3"}
    )

    assert response.status_code == 400
    assert "Date they left care must include a day, month and year" in response.text
    assert '<a href="#education-day">Enter the date it was recorded</a>' in response.text
    assert (await portal.record(child["id"]))["leaving_care"] is None


async def test_a_record_form_without_the_sessions_token_saves_nothing(
    portal: SignedInPortal,
) -> None:
    child = await portal.child()

    response = await portal.browser.post(
        f"/children/{child['id']}/placement", data={**placement_form("k"), "csrf_token": "x"}
    )

    assert response.status_code == 400
    assert "The form has expired" in response.text
    assert (await portal.record(child["id"]))["placements"] == []


async def test_an_unknown_form_or_a_child_of_no_one_is_the_not_found_page(
    portal: SignedInPortal,
) -> None:
    child = await portal.child()

    unknown_form = await portal.browser.get(f"/children/{child['id']}/adoption")
    unknown_child = await portal.browser.get(
        "/children/00000000-0000-4000-8000-000000000000/placement"
    )

    for response in (unknown_form, unknown_child):
        assert response.status_code == 404
        assert "Page not found" in response.text
