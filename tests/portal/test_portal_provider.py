"""The children's home's registered manager: the inbox and the rules, not the custody desk."""

from __future__ import annotations

from platform_harness import Platform
from playwright.sync_api import expect
from portal_browser import Watched
from portal_steps import sign_in


def test_the_registered_manager_reads_the_rules_in_force_and_has_no_custody_desk(
    platform: Platform, new_page
) -> None:
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "home-manager")
    expect(page.get_by_text("Signed in as")).to_contain_text("Morgan Reid")
    nav = page.get_by_role("navigation", name="Menu")
    expect(nav.get_by_role("link", name="Custody desk")).to_have_count(0)
    watched.axe()

    nav.get_by_role("link", name="Rules").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rules in force")
    expect(page.locator("code", has_text="police-contact-looked-after")).to_have_count(1)
    watched.axe()

    nav.get_by_role("link", name="Inbox").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inbox")
    watched.axe()

    page.goto("/custody")
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot use this page")
    watched.axe()


def test_keyboard_only_the_manager_signs_out(platform: Platform, new_page) -> None:
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "home-manager")

    page.get_by_role("button", name="Sign out").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have signed out")
    watched.axe()
    page.goto("/inbox")
    assert "/oauth/authorize" in page.url
