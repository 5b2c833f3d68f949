"""`make screenshots`: the portal's main pages over the real processes, saved as PNGs.

    python tests/portal/screenshots.py docs/screenshots [--base-port N]

Starts the platform (SQLite, in a temporary folder), the portal and the SSDA903 import
worker, records a child and a detention by API, then signs in as the Met's sergeant and
Camden's duty social worker in Debian's Chromium and saves each page (axe-checked) as it is
shown, Camden's upload of a small generated return and its report, and the figures. With `--base-port`,
it uses a platform already running there (`make run` is 8000) instead.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "system"), str(HERE.parent)]

from journeys import CAMDEN, london_today, unique_family_name  # noqa: E402
from platform_harness import Platform, running_platform  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402
from portal_browser import Watched, launch  # noqa: E402
from portal_steps import (  # noqa: E402
    seed_child_placed_in_derbyshire,
    seed_derbyshire_child_in_the_home,
    seed_detention,
    seed_home_incident,
    sign_in,
)

from care_status.imports.generator import generate_return  # noqa: E402


@contextmanager
def a_platform(base_port: int | None) -> Iterator[Platform]:
    if base_port is not None:
        yield Platform(backend="sqlite", var_dir=Path(tempfile.gettempdir()), base_port=base_port)
        return
    with tempfile.TemporaryDirectory() as var, running_platform("sqlite", Path(var)) as platform:
        platform.start("portal", "portal", "serve")
        platform.wait_ready("portal")
        platform.start("import-worker", "care-status-api", "import-worker")
        yield platform


def main(out: Path, base_port: int | None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with a_platform(base_port) as platform, sync_playwright() as driver:
        family = unique_family_name("Smith")
        child = seed_child_placed_in_derbyshire(
            platform, given_name="Zoe", family_name=family, date_of_birth="2011-06-14"
        )
        seed_detention(platform, child["person_ref"], "2026-11-27T02:10:00+00:00")
        browser = launch(driver)

        def shot(watched: Watched, name: str) -> None:
            watched.axe()
            watched.page.screenshot(path=str(out / f"{name}.png"), full_page=True)
            print(f"saved {out / name}.png")

        def person() -> Watched:
            context = browser.new_context(
                base_url=platform.url("portal"), viewport={"width": 1100, "height": 800}
            )
            return Watched(context.new_page())

        sergeant = person()
        sergeant.page.goto("/")
        shot(sergeant, "01-start")
        sign_in(sergeant, "met-sergeant", "/custody")
        shot(sergeant, "02-custody-lookup")
        page = sergeant.page
        page.get_by_label("Given name").fill("Zoe")
        page.get_by_label("Family name").fill(family)
        page.get_by_label("Day").fill("14")
        page.get_by_label("Month").fill("6")
        page.get_by_label("Year").fill("2011")
        page.get_by_role("button", name="Look up").click()
        shot(sergeant, "03-custody-answer")

        duty = person()
        sign_in(duty, "camden-duty", "/inbox?rule=custody-child-appropriate-adult")
        page = duty.page
        row = page.locator("tbody tr", has_text=child["person_ref"], has_not_text="Escalation")
        for _ in range(60):
            if row.count():
                break
            page.wait_for_timeout(500)
            page.reload()
        shot(duty, "04-inbox")
        row.get_by_role("link").click()
        shot(duty, "05-notification")
        page.goto("/duties")
        shot(duty, "06-duties")
        page.goto("/rules")
        shot(duty, "07-rules")
        page.goto(f"/children/{child['id']}/placement")
        shot(duty, "12-record-placement")

        in_home = seed_derbyshire_child_in_the_home(
            platform, given_name="Leo", family_name=unique_family_name("Home")
        )
        incident = seed_home_incident(platform, in_home["person_ref"])
        manager = person()
        sign_in(manager, "home-manager", "/incidents/new")
        shot(manager, "13-record-incident")
        manager.page.goto(f"/incidents/{incident['id']}")
        shot(manager, "14-incident")
        page.goto("/figures")
        shot(duty, "08-figures")
        generated = generate_return(CAMDEN, 8, london_today(), seed=2026, first_child=930000)
        page.goto("/imports/new")
        shot(duty, "09-import-upload")
        page.get_by_label("The files of the return").set_input_files(
            [
                {"name": name, "mimeType": "text/csv", "buffer": content}
                for name, content in generated.files().items()
            ]
        )
        page.get_by_label("Collection year").fill(generated.year)
        page.get_by_role("button", name="Upload the return").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Import: Finished", timeout=180_000
        )
        shot(duty, "10-import-report")
        browser.close()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--base-port", type=int, default=None)
    arguments = parser.parse_args()
    sys.exit(main(arguments.out, arguments.base_port))
