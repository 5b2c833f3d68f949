"""Camden's duty social worker keeps a child's record: a placement after a bad date, a
legal status and leaving care, each seen in the child's history."""

from __future__ import annotations

from typing import Any

from journeys import create_child, unique_family_name
from platform_harness import Platform
from playwright.sync_api import Page, expect
from portal_browser import Watched
from portal_steps import run_async, sign_in


def _camden_child(platform: Platform, **fields: Any) -> dict[str, Any]:
    async def seed() -> dict[str, Any]:
        async with platform.aclient("care-status-api", "demo-camden") as camden:
            return await create_child(camden, **fields)

    return run_async(seed)


def _fill_date(page: Page, prefix: str, day: str, month: str, year: str) -> None:
    page.locator(f"#{prefix}-day").fill(day)
    page.locator(f"#{prefix}-month").fill(month)
    page.locator(f"#{prefix}-year").fill(year)


def test_a_bad_date_saves_nothing_then_the_placement_is_in_the_childs_history(
    platform: Platform, new_page
) -> None:
    family = unique_family_name("Placed")
    child = _camden_child(platform, given_name="Maya", family_name=family)
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "camden-duty", f"/children/{child['id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Maya {family}")
    watched.axe()

    page.get_by_role("link", name="Record a placement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a placement")
    watched.axe()
    page.get_by_label("Children's home", exact=True).check()
    page.get_by_label("Local authority where the child lives").select_option(label="Derbyshire")
    _fill_date(page, "start", "31", "2", "2026")
    page.get_by_label("Provider's organisation code (optional)").fill("provider-demo-home")
    page.get_by_role("button", name="Record the placement").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link", name="Start date must be a real date")).to_be_visible()
    assert page.title().startswith("Error: ")
    watched.axe()
    # Keyboard only: the summary's link takes the person to the field.
    summary.get_by_role("link", name="Start date must be a real date").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#start-day")).to_be_focused()

    page.get_by_role("link", name="Cancel").click()
    placements = page.locator("h2:text-is('Placements') + *")
    expect(placements).to_have_text("None recorded.")

    page.get_by_role("link", name="Record a placement").click()
    page.get_by_label("Children's home", exact=True).check()
    page.get_by_label("Local authority where the child lives").select_option(label="Derbyshire")
    _fill_date(page, "start", "14", "9", "2026")
    page.get_by_role("button", name="Record the placement").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Placement recorded")
    expect(placements).to_contain_text("Children's home in Derbyshire from 2026-09-14")
    watched.axe()


def test_keyboard_only_a_legal_status_then_leaving_care(platform: Platform, new_page) -> None:
    child = _camden_child(
        platform,
        given_name="Ade",
        family_name=unique_family_name("Leaver"),
        date_of_birth="2007-01-20",
    )
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "camden-duty", f"/children/{child['id']}/legal-status")
    watched.axe()

    page.get_by_label("Accommodated under section 20").focus()
    page.keyboard.press("Space")
    page.locator("#start-day").focus()
    for value in ("3", "5", "2021"):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    page.locator("#end-day").focus()
    for value in ("20", "1", "2025"):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    page.get_by_role("button", name="Record the legal status").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Legal status recorded")
    expect(page.locator("h2:text-is('Legal status') + *")).to_contain_text(
        "Accommodated under section 20 from 2021-05-03 to 2025-01-20"
    )
    watched.axe()

    page.get_by_role("link", name="Record leaving care").click()
    watched.axe()
    _fill_date(page, "left", "20", "1", "2025")
    page.get_by_role("button", name="Record leaving care").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Leaving care recorded")
    expect(page.locator(".govuk-summary-list", has_text="Left care")).to_contain_text("2025-01-20")
    watched.axe()
