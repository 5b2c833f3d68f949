"""Swagger UI works as an integrator uses it: offline, "Authorize", then an operation.

Chromium (Debian's `/usr/bin/chromium`, driven by Playwright) opens notify-api's `/docs`
with every request outside the two loopback servers blocked, as on a closed network.
"Authorize" takes a demo client's id and secret, Swagger UI posts them to the absolute
token URL of the document (the development authorization server, another origin), and
"Try it out" on `GET /v1/rules` answers 200 with the rules in force.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from typing import Any

import pytest
from inprocess_services import _WithoutLifespan

from dev_auth.main import create_app as create_auth_app
from dev_auth.settings import DevAuthSettings
from notify.main import MIGRATIONS as NOTIFY_MIGRATIONS
from notify.main import create_app as create_notify_app
from notify.settings import Settings as NotifySettings
from platform_shared.testing import DatabaseFactories, free_port, serve_in_process, serve_over_http

CHROMIUM = "/usr/bin/chromium"

pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed (apt install chromium)"
)


@pytest.fixture
async def docs(
    auth: Any, auth_settings: DevAuthSettings, database_factories: DatabaseFactories
) -> AsyncIterator[dict[str, str]]:
    """notify-api and the authorization server on loopback ports; their URLs."""
    database = await database_factories.get(NOTIFY_MIGRATIONS, "sqlite").acreate()
    async with serve_over_http(create_auth_app(auth_settings)) as auth_url:
        port = free_port()
        service_url = f"http://127.0.0.1:{port}"
        settings = NotifySettings(
            _env_file=None,
            database_url=database,
            migrate_on_start=False,
            relay_in_process=False,
            deliver_in_process=False,
            oauth_public_token_url=f"{auth_url}/oauth/token",
            public_url=service_url,
        )
        app = create_notify_app(settings)
        async with (
            serve_in_process(app, tokens=auth.token, issuer_http=auth.http),
            serve_over_http(_WithoutLifespan(app), port=port),
        ):
            yield {"service": service_url, "auth": auth_url}


async def test_authorize_with_client_credentials_then_call_an_operation(
    docs: dict[str, str],
) -> None:
    from playwright.async_api import Route, async_playwright

    outside: list[str] = []

    async def offline(route: Route) -> None:
        url = route.request.url
        if url.startswith((docs["service"], docs["auth"])):
            await route.continue_()
        else:
            outside.append(url)
            await route.abort()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = await browser.new_page()
            await page.route("**/*", offline)
            await page.goto(f"{docs['service']}/docs")

            await page.locator("button.authorize").first.click()
            dialog = page.locator(".auth-container").filter(has_text="clientCredentials")
            await dialog.locator("input[data-name='clientId']").fill("demo-derbyshire")
            await dialog.locator("input[data-name='clientSecret']").fill("demo-derbyshire-secret")
            await dialog.locator("button.authorize").click()
            # Authorised: the dialog offers to log out, and says nothing failed.
            await dialog.locator("button", has_text="Logout").wait_for(timeout=15_000)
            assert await dialog.locator(".errors").count() == 0
            await page.locator("button.btn-done").click()

            operation = page.locator(".opblock-get").filter(
                has=page.locator("[data-path='/v1/rules']")
            )
            await operation.locator(".opblock-summary").first.click()
            await operation.locator("button.try-out__btn").click()
            async with page.expect_response(f"{docs['service']}/v1/rules*") as answered:
                await operation.locator("button.execute").click()
            response = await answered.value
            await operation.locator(".live-responses-table").wait_for(timeout=15_000)
            shown_status = await operation.locator(
                ".live-responses-table tbody .response-col_status"
            ).first.inner_text()
            body = await response.json()
            sent = await response.request.all_headers()
        finally:
            await browser.close()

    assert response.status == 200
    assert shown_status.strip() == "200"
    assert sent["authorization"].startswith("Bearer ")
    assert "placement-out-of-area" in {rule["id"] for rule in body["items"]}
    assert outside == []  # nothing fetched from a CDN (or anywhere else)
