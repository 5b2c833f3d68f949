"""The children's home's registered manager records an incident with its decision record
and writes the carers' CPS checklist sections; the police force involved reads it and
writes its own sections, and cannot write the home's."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from journeys import LONDON, unique_family_name
from platform_harness import Platform
from playwright.sync_api import Page, expect
from portal_browser import Watched
from portal_steps import seed_derbyshire_child_in_the_home, sign_in

CHILD_ACCOUNT = "I was angry 'cause Chloë's mum couldn't come.  I've said sorry to Renée."
REASON = "Someone was hurt and the door was smashed: a parent would have called them."


def _fill_instant(page: Page, prefix: str, at: datetime) -> None:
    page.locator(f"#{prefix}-day").fill(str(at.day))
    page.locator(f"#{prefix}-month").fill(str(at.month))
    page.locator(f"#{prefix}-year").fill(str(at.year))
    page.locator(f"#{prefix}-time").fill(at.strftime("%H:%M"))


def test_the_home_records_an_incident_and_the_police_see_their_cps_sections(
    platform: Platform, new_page
) -> None:
    child = seed_derbyshire_child_in_the_home(
        platform, given_name="Leo", family_name=unique_family_name("Home")
    )
    yesterday = (datetime.now(LONDON) - timedelta(days=1)).replace(
        hour=19, minute=40, second=0, microsecond=0
    )
    manager: Watched = new_page()
    page = manager.page
    sign_in(manager, "home-manager")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Incidents").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Incidents")
    manager.axe()
    page.get_by_role("link", name="Record an incident").click()
    manager.axe()

    # The police involved before the incident: incident-api's problem names the field.
    page.get_by_label("Person reference").fill(child["person_ref"])
    page.get_by_label("What happened", exact=True).select_option(label="Behaviour in the placement")
    page.get_by_label("In the placement (the home or with the carer)").check()
    _fill_instant(page, "occurred", yesterday)
    page.get_by_label("Police force involved (optional)").select_option("police-derbyshire")
    _fill_instant(page, "police", yesterday - timedelta(hours=1))
    page.get_by_role("button", name="Record the incident").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link")).to_have_text(
        "When the police were involved: the police cannot be involved before the incident"
    )
    manager.axe()
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Incidents").click()
    expect(page.get_by_text("No incidents.")).to_be_visible()
    page.get_by_role("link", name="Record an incident").click()

    page.get_by_label("Person reference").fill(child["person_ref"])
    page.get_by_label("What happened", exact=True).select_option(label="Behaviour in the placement")
    page.get_by_label("In the placement (the home or with the carer)").check()
    _fill_instant(page, "occurred", yesterday)
    page.get_by_label("Immediate police response").check()
    page.locator("#rpt-answer-yes").check()
    page.get_by_label("Why", exact=True).fill(REASON)
    page.get_by_label("The child's own account (optional)").fill(CHILD_ACCOUNT)
    page.get_by_label("Police force involved (optional)").select_option("police-derbyshire")
    _fill_instant(page, "police", yesterday + timedelta(minutes=20))
    page.get_by_role("button", name="Record the incident").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("Incident recorded")
    decision = page.locator(".govuk-summary-list", has_text="Reasonable parent")
    expect(decision).to_contain_text("Would a reasonable parent have called the police?")
    expect(decision).to_contain_text(REASON)
    expect(decision).to_contain_text("Does not apply")
    assert page.locator("#child-account").inner_text() == CHILD_ACCOUNT
    expect(page.locator("#cps-checklist + p")).to_contain_text("Sections 1 to 8 are due")
    expect(page.get_by_role("button", name="Save section 9", exact=True)).to_have_count(0)
    manager.axe()
    incident_path = urlsplit(page.url).path

    # Saving an empty section is a problem on that section's field, nothing more.
    page.get_by_role("button", name="Save section 1", exact=True).click()
    expect(summary.get_by_role("link", name="Enter the text of section 1")).to_be_visible()
    manager.axe()
    page.get_by_label("Write section 1", exact=True).fill(
        "Behaviour policy of 2026 attached; restraint not used."
    )
    page.get_by_role("button", name="Save section 1", exact=True).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Section 1")
    expect(page.locator("#section-1")).to_contain_text("Behaviour policy of 2026 attached")
    manager.axe()

    police: Watched = new_page()
    page = police.page
    sign_in(police, "derbyshire-sergeant")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Incidents").click()
    page.locator(f"a[href='{incident_path}']").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Behaviour in the placement")
    expect(page.locator("#section-1")).to_contain_text("Behaviour policy of 2026 attached")
    expect(page.get_by_role("button", name="Save section 1", exact=True)).to_have_count(0)
    police.axe()
    page.get_by_label("Write section 9").fill("Interviewed with an appropriate adult.")
    page.get_by_role("button", name="Save section 9", exact=True).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Section 9")
    expect(page.locator("#section-9")).to_contain_text("Interviewed with an appropriate adult.")
    police.axe()
