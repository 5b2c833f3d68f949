"""A real browser for the portal's tests: Debian's Chromium driven by Playwright, and axe-core.

Playwright's own browser download cannot work on closed networks, so the tests drive
`/usr/bin/chromium` (Debian's `chromium` package); when it is missing and the user is root
it is installed here, otherwise the tests fail saying how (they never skip).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "services" / "portal" / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.2 AA, as the issue asks (axe tags its rules by criterion level).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class BrowserMissing(RuntimeError):
    pass


def chromium_path() -> str:
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if found:
        return found
    if os.geteuid() == 0:
        environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=environment)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=environment)
        found = shutil.which("chromium")
        if found:
            return found
    raise BrowserMissing("Debian's chromium is needed: apt-get install chromium (as root)")


def launch(playwright: Playwright) -> Browser:
    if not AXE.exists():
        raise BrowserMissing(f"axe-core is missing ({AXE}): run make install")
    return playwright.chromium.launch(
        executable_path=chromium_path(),
        # Containers run as root, where Chromium's sandbox cannot start.
        args=["--no-sandbox", "--disable-dev-shm-usage"],
    )


class Watched:
    """A page that fails the test on any axe violation or any CSP refusal it causes."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.refused: list[str] = []
        self.checked: list[str] = []
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.refused.append(message.text)

    def axe(self) -> None:
        """Run axe-core on the page as it is now; assert no violations and no CSP refusal."""
        # evaluate() is not subject to the page's CSP, which refuses inline scripts.
        self.page.evaluate(AXE.read_text(encoding="utf-8"))
        result: dict[str, Any] = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        violations = [
            f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})"
            for v in result["violations"]
        ]
        assert violations == [], f"axe on {self.page.url}: {violations}"
        assert self.refused == [], f"CSP refused on {self.page.url}: {self.refused}"
        self.checked.append(self.page.url)
