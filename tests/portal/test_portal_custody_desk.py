"""The Met's custody sergeant looks a child up and records the detention, in the browser."""

from __future__ import annotations

from journeys import unique_family_name
from platform_harness import Platform
from playwright.sync_api import expect
from portal_browser import Watched
from portal_steps import run_async, seed_child_placed_in_derbyshire, sign_in


def test_the_sergeant_looks_up_a_child_and_records_the_detention(
    platform: Platform, new_page
) -> None:
    family = unique_family_name("Smith")
    child = seed_child_placed_in_derbyshire(
        platform, given_name="Zoe", family_name=family, date_of_birth="2011-06-14"
    )
    watched: Watched = new_page()
    page = watched.page

    sign_in(watched, "met-sergeant")
    expect(page.get_by_text("Signed in as")).to_contain_text("Sergeant Priya Shah")
    watched.axe()
    page.get_by_role("link", name="Custody desk").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Look up a child")
    watched.axe()

    page.get_by_label("Given name").fill("ZOE")
    page.get_by_label("Family name").fill(family.lower())
    page.get_by_label("Day").fill("14")
    page.get_by_label("Month").fill("6")
    page.get_by_label("Year").fill("2011")
    page.get_by_label("Custody record number").fill("01MET/4417/26")
    page.get_by_role("button", name="Look up").click()

    # The answer in plain words, and no personal data in the address.
    expect(page.get_by_role("heading", level=1)).to_have_text("Looked after by Camden")
    assert page.url.endswith("/custody")
    expect(page.get_by_text("Placed out of area")).to_be_visible()
    expect(page.locator(".govuk-summary-list")).to_contain_text("Yes, in Derbyshire")
    expect(page.get_by_text("must provide an appropriate adult within 1 hour")).to_be_visible()
    watched.axe()

    page.get_by_label("Custody suite").fill("Holborn custody suite")
    page.get_by_role("button", name="Record the detention").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Detention recorded")
    watched.axe()
    reference = page.locator(".govuk-panel__body strong").inner_text()

    async def recorded() -> dict[str, object]:
        async with platform.aclient("incident-api", "demo-met-custody") as met:
            response = await met.get(f"/v1/incidents/{reference}")
            assert response.status_code == 200, response.text
            incident: dict[str, object] = response.json()
            return incident

    incident = run_async(recorded)
    assert incident["person_ref"] == child["person_ref"]
    assert incident["custody_suite"] == "Holborn custody suite"
    assert incident["recorded_by"] == "police-metropolitan"

    async def audit() -> list[dict[str, object]]:
        async with platform.aclient("care-status-api", "demo-camden") as camden:
            response = await camden.get("/v1/lookups/audit", params={"child_id": child["id"]})
            assert response.status_code == 200, response.text
            entries: list[dict[str, object]] = response.json()["items"]
            return entries

    # Camden's audit of the lookup names the sergeant (the portal called with her token).
    by_sergeant = [e for e in run_async(audit) if e["client_id"] == "portal:met-sergeant"]
    assert by_sergeant, "the audit names the person, not the portal"
    assert {e["caller_org"] for e in by_sergeant} == {"police-metropolitan"}
    assert "01MET/4417/26" in {e["requester_reference"] for e in by_sergeant}


def test_a_lookup_without_a_date_of_birth_shows_the_error_summary(
    platform: Platform, new_page
) -> None:
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "met-sergeant", "/custody")

    page.get_by_label("Given name").fill("Zoe")
    page.get_by_label("Family name").fill("Smith")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2011")
    page.get_by_role("button", name="Look up").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link")).to_have_text("Date of birth must be a real date")
    expect(page.locator("#dob-day-error")).to_contain_text("Date of birth must be a real date")
    assert page.title().startswith("Error: ")
    watched.axe()
    # The link of the summary moves focus to the field (keyboard users included).
    summary.get_by_role("link").press("Enter")
    expect(page.locator("#dob-day")).to_be_focused()
