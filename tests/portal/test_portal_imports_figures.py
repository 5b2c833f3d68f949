"""Camden's duty social worker uploads the authority's SSDA903 return in the portal and
reads its report; a broken return shows its rule codes; a file that is no return shows the
API's problem; the figures page shows each chart with its table. Over the real processes
(the import worker its own process), axe on every page visited."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from journeys import CAMDEN, london_today, unique_family_name
from platform_harness import Platform
from playwright.sync_api import expect
from portal_browser import Watched
from portal_steps import seed_child_placed_in_derbyshire, seed_detention, sign_in

from care_status.imports.generator import generate_return

#: An import of a few children takes seconds; the page refreshes itself meanwhile.
IMPORT_WAIT_MS = 180_000


@pytest.fixture(scope="module", autouse=True)
def import_worker(platform: Platform) -> Iterator[None]:
    platform.start("import-worker", "care-status-api", "import-worker")
    yield
    platform.stop("import-worker")


def _as_uploads(files: dict[str, bytes]) -> list[Any]:
    return [
        {"name": name, "mimeType": "text/csv", "buffer": content} for name, content in files.items()
    ]


def _upload(watched: Watched, files: dict[str, bytes], year: str) -> None:
    page = watched.page
    sign_in(watched, "camden-duty", "/imports/new")
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload an SSDA903 return")
    watched.axe()
    page.get_by_label("The files of the return").set_input_files(_as_uploads(files))
    page.get_by_label("Collection year").fill(year)
    page.get_by_role("button", name="Upload the return").click()


def _finished(watched: Watched) -> None:
    """The status page refreshes itself (a meta refresh) until the import has finished."""
    heading = watched.page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Import: Finished", timeout=IMPORT_WAIT_MS)
    watched.axe()


def _broken_return() -> dict[str, bytes]:
    """Five children; the second's first episode has a legal status the DfE do not have."""
    generated = generate_return(
        CAMDEN, 5, london_today(), seed=2003, care_leavers=0, first_child=920000
    )
    files = generated.files()
    episodes = files["episodes.csv"].decode().splitlines()
    second = next(
        i for i, line in enumerate(episodes) if line.startswith(generated.children[1].child)
    )
    fields = episodes[second].split(",")
    fields[3] = "ZZ"
    episodes[second] = ",".join(fields)
    files["episodes.csv"] = ("\n".join(episodes) + "\n").encode()
    return files


def test_camden_uploads_its_return_and_reads_the_report(platform: Platform, new_page) -> None:
    generated = generate_return(CAMDEN, 6, london_today(), seed=2001, first_child=910000)
    watched: Watched = new_page()
    page = watched.page
    _upload(watched, generated.files(), generated.year)

    expect(page.locator(".govuk-notification-banner")).to_contain_text("Return uploaded")
    _finished(watched)
    counts = page.locator(".govuk-summary-list")
    expect(counts.locator(".govuk-summary-list__row", has_text="Children added")).to_contain_text(
        "6"
    )
    expect(counts.locator(".govuk-summary-list__row", has_text="Children refused")).to_contain_text(
        "0"
    )
    expect(page.locator("#report .govuk-tag", has_text="Error")).to_have_count(0)

    if page.locator("#report").count():
        with page.expect_download() as download:
            page.get_by_role("link", name="Download the report (CSV)").click()
        lines = list(csv.reader(io.StringIO(download.value.path().read_text())))
        assert lines[0][:2] == ["code", "message"]


def test_a_broken_return_shows_its_rule_codes(platform: Platform, new_page) -> None:
    watched: Watched = new_page()
    page = watched.page
    _upload(watched, _broken_return(), generate_return(CAMDEN, 1, london_today()).year)

    _finished(watched)
    refused = page.locator(".govuk-summary-list__row", has_text="Children refused")
    expect(refused).to_contain_text("1")
    errors = page.locator("#report tbody tr", has=page.locator(".govuk-tag", has_text="Error"))
    expect(errors.first).to_be_visible()
    codes = [row.locator("td").first.inner_text().strip() for row in errors.all()]
    assert any(code.isdigit() for code in codes), f"no DfE rule code on the page: {codes}"
    assert all(row.locator("td").nth(2).inner_text() == "007920001" for row in errors.all())

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report (CSV)").click()
    report = list(csv.DictReader(io.StringIO(download.value.path().read_text())))
    assert {line["code"] for line in report if line["severity"] == "error"} == set(codes)


def test_a_file_that_is_no_return_shows_the_apis_problem(platform: Platform, new_page) -> None:
    watched: Watched = new_page()
    page = watched.page
    _upload(watched, {"return.pdf": b"%PDF-1.4"}, "2026/27")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_contain_text("return.pdf")
    expect(page).to_have_title("Error: Upload an SSDA903 return - Care status portal")
    watched.axe()
    # The summary's link takes the person to the file input.
    summary.get_by_role("link").first.click()
    expect(page.locator("#files")).to_be_focused()

    # Nothing chosen: the portal says so before asking the API.
    page.get_by_role("button", name="Upload the return").click()
    expect(summary).to_contain_text("Select the files of the return")
    watched.axe()


def test_a_sergeant_cannot_upload_a_return(platform: Platform, new_page) -> None:
    watched: Watched = new_page()
    sign_in(watched, "met-sergeant", "/imports/new")
    expect(watched.page.get_by_role("heading", level=1)).to_have_text("You cannot use this page")
    watched.axe()


def test_the_figures_show_each_chart_with_its_table(platform: Platform, new_page) -> None:
    child = seed_child_placed_in_derbyshire(
        platform,
        given_name="Zoe",
        family_name=unique_family_name("Figures"),
        date_of_birth="2011-06-14",
    )
    seed_detention(platform, child["person_ref"], "2026-11-27T02:10:00+00:00")
    watched: Watched = new_page()
    page = watched.page
    sign_in(watched, "camden-manager", "/figures")
    per_rule = page.locator("section.portal-rule")
    for _ in range(60):
        if per_rule.count():
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Figures")
    rate = page.get_by_role("img", name="On-time rate per week, every rule", exact=True)
    expect(rate).to_be_visible()
    expect(
        page.get_by_role("img", name="Duties made per week, by outcome", exact=True)
    ).to_be_visible()
    every_rule = page.locator("#every-rule")
    expect(every_rule.locator("caption")).to_have_text("Every rule, weekly")
    made = [
        int(cell.inner_text()) for cell in every_rule.locator("tbody tr td:nth-of-type(1)").all()
    ]
    assert sum(made) >= 1
    expect(per_rule.first.locator("svg[role=img]")).to_be_visible()
    expect(per_rule.first.locator("table")).to_be_visible()
    watched.axe()

    page.get_by_role("link", name="Monthly").click()
    expect(
        page.get_by_role("img", name="On-time rate per month, every rule", exact=True)
    ).to_be_visible()
    expect(page.locator("#every-rule caption")).to_have_text("Every rule, monthly")
    watched.axe()
