"""The portal's browser tests: the platform as real processes, the portal, and Chromium.

Each test module gets one platform (SQLite) and is kept on one xdist worker
(`xdist_group`), so `make test`'s `--dist loadgroup` runs the modules side by side.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from platform_harness import Platform, running_platform
from playwright.sync_api import Browser, Playwright, sync_playwright
from portal_browser import Watched, launch


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.system)
            item.add_marker(pytest.mark.xdist_group(f"portal-{Path(str(item.fspath)).stem}"))


def start_portal(platform: Platform) -> None:
    platform.start("portal", "portal", "serve")
    platform.wait_ready("portal")


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    with running_platform("sqlite", tmp_path_factory.mktemp("portal-platform")) as running:
        start_portal(running)
        yield running


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = launch(playwright)
    yield chromium
    chromium.close()


@pytest.fixture
def new_page(browser: Browser, platform: Platform) -> Iterator[object]:
    """`new_page()`: a page in a fresh browser context (its own cookies), watched by axe."""
    contexts = []

    def make() -> Watched:
        context = browser.new_context(base_url=platform.url("portal"))
        contexts.append(context)
        return Watched(context.new_page())

    yield make
    for context in contexts:
        context.close()
