"""Camden's duty social worker and YOT officer: a notification arrives, they read why and
acknowledge it; the duties board shows it met. Another authority cannot open it."""

from __future__ import annotations

from urllib.parse import urlsplit

from journeys import unique_family_name
from platform_harness import Platform
from playwright.sync_api import Page, expect
from portal_browser import Watched
from portal_steps import seed_child_placed_in_derbyshire, seed_detention, sign_in

DETAINED_AT = "2026-11-27T02:10:00+00:00"


def _detained_child(platform: Platform) -> str:
    child = seed_child_placed_in_derbyshire(
        platform,
        given_name="Zoe",
        family_name=unique_family_name("Inbox"),
        date_of_birth="2011-06-14",
    )
    seed_detention(platform, child["person_ref"], DETAINED_AT)
    person_ref: str = child["person_ref"]
    return person_ref


def _open_from_inbox(watched: Watched, rule: str, person_ref: str) -> None:
    """Filter the inbox by rule until the child's notification arrives, then open it."""
    page: Page = watched.page
    page.get_by_role("link", name="Inbox").first.click()
    watched.axe()
    page.get_by_label("Rule").fill(rule)
    page.get_by_role("button", name="Apply filters").click()
    # An overdue notification's escalations carry its rule too: the rule's own row is wanted.
    row = page.locator("tbody tr", has_text=person_ref, has_not_text="Escalation")
    for _ in range(60):
        if row.count():
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(row).to_have_count(1)
    watched.axe()
    row.get_by_role("link").click()


def test_the_duty_social_worker_reads_why_acknowledges_and_the_board_shows_it_met(
    platform: Platform, new_page
) -> None:
    person_ref = _detained_child(platform)
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "camden-duty")
    expect(page.get_by_text("Signed in as")).to_contain_text("Jo Adeyemi")

    _open_from_inbox(watched, "custody-child-appropriate-adult", person_ref)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Why you were told")).to_be_visible()
    expect(page.locator(".govuk-summary-list")).to_contain_text("Holborn custody suite")
    expect(page.locator(".moj-timeline")).to_contain_text("Notification created")
    watched.axe()
    notification_url = page.url

    page.get_by_role("button", name="Acknowledge").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Notification acknowledged")
    expect(page.locator(".govuk-tag", has_text="Acknowledged")).to_be_visible()
    expect(page.get_by_role("button", name="Acknowledge")).to_have_count(0)
    watched.axe()

    page.get_by_role("link", name="Duties").first.click()
    watched.axe()
    page.get_by_role("link", name="Met").click()
    notification_path = urlsplit(notification_url).path
    met = page.locator("tbody tr", has=page.locator(f"a[href='{notification_path}']"))
    expect(met).to_have_count(1)
    expect(met.locator(".govuk-tag")).to_contain_text("Met")
    watched.axe()


def test_the_yot_officer_acknowledges_the_police_contact(platform: Platform, new_page) -> None:
    person_ref = _detained_child(platform)
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "camden-yot")

    _open_from_inbox(watched, "police-contact-looked-after", person_ref)
    expect(page.locator(".govuk-summary-list")).to_contain_text("Home yot")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.locator(".govuk-tag", has_text="Acknowledged")).to_be_visible()
    watched.axe()


def test_another_authority_opening_the_link_sees_not_found(platform: Platform, new_page) -> None:
    person_ref = _detained_child(platform)
    camden: Watched = new_page()
    sign_in(camden, "camden-duty")
    _open_from_inbox(camden, "police-contact-looked-after", person_ref)
    path = urlsplit(camden.page.url).path

    derbyshire: Watched = new_page()
    # The email's link, signed out: sign in first, then the notification (or not).
    sign_in(derbyshire, "derbyshire-duty", path)
    expect(derbyshire.page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert derbyshire.page.url.endswith(path)
    derbyshire.axe()


def test_a_forged_csrf_token_or_an_ended_session_saves_nothing(
    platform: Platform, new_page
) -> None:
    person_ref = _detained_child(platform)
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "camden-duty")
    _open_from_inbox(watched, "custody-child-appropriate-adult", person_ref)
    notification_path = urlsplit(page.url).path

    page.locator("input[name=csrf_token]").last.evaluate("input => { input.value = 'forged' }")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The form has expired")
    watched.axe()
    page.goto(notification_path)
    expect(page.locator(".govuk-tag", has_text="Acknowledged")).to_have_count(0)

    # The session ends (here: the browser forgets it): the form leads to sign-in, not a save.
    page.context.clear_cookies()
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your session has ended")
    watched.axe()
    page.get_by_role("link", name="Sign in again").click()
    sign_in_again = page.locator("#person-camden-duty")
    sign_in_again.check()
    page.get_by_role("button", name="Sign in").click()
    page.goto(notification_path)
    expect(page.get_by_role("button", name="Acknowledge")).to_be_visible()
    watched.axe()


def test_the_duty_social_worker_records_a_child_after_correcting_the_date(
    platform: Platform, new_page
) -> None:
    family = unique_family_name("Record")
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "camden-duty", "/children/new")
    watched.axe()

    page.get_by_label("Given name").fill("Amelia")
    page.get_by_label("Family name").fill(family)
    page.get_by_label("Day").fill("4")
    page.get_by_label("Month").fill("13")
    page.get_by_label("Year").fill("2011")
    page.get_by_role("button", name="Record the child").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Date of birth must be a real date"
    )
    watched.axe()

    page.get_by_label("Month").fill("5")
    page.get_by_role("button", name="Record the child").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Child recorded")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Amelia {family}")
    watched.axe()

    page.get_by_role("link", name="Children").first.click()
    page.get_by_label("Search by name").fill(family.lower())
    page.get_by_role("button", name="Search").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    assert "/children/search" in page.url and family.lower() not in page.url.lower()
    watched.axe()


def test_the_team_manager_reads_the_figures_as_a_chart_and_a_table(
    platform: Platform, new_page
) -> None:
    _detained_child(platform)
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "camden-manager")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Figures").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Figures")
    expect(page.get_by_role("img", name="Notifications per rule, by outcome")).to_be_visible()
    row = page.locator("tbody tr", has_text="police-contact-looked-after")
    expect(row).to_have_count(1)
    watched.axe()


def test_the_yot_officer_registers_endpoints_and_rotates_a_secret(
    platform: Platform, new_page
) -> None:
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "camden-yot", "/endpoints")
    watched.axe()

    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address (for an email)").fill("not an address")
    page.get_by_role("button", name="Register").click()
    # The API's problem document, as the error summary linked to the field.
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.locator("a[href='#address']")).to_have_count(1)
    watched.axe()

    page.get_by_label("Webhook (signed)").check()
    page.get_by_label("Webhook address (for a webhook)").fill("http://127.0.0.1:9/yot-camden/hooks")
    page.get_by_role("button", name="Register").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Endpoint registered")
    first = page.locator(".portal-secret").inner_text()
    assert first
    watched.axe()

    page.get_by_role("button", name="Rotate secret of http://127.0.0.1:9/yot-camden/hooks").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Secret rotated")
    assert page.locator(".portal-secret").inner_text() not in ("", first)
    watched.axe()
