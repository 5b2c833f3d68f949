"""`care-status-api serve | migrate | relay | import-worker | import-903`."""

from __future__ import annotations

import sys

from care_status.imports.cli import import_903, import_worker
from care_status.main import MIGRATIONS, create_app
from care_status.settings import Settings
from platform_shared.cli import run_service_cli


def main() -> None:
    if sys.argv[1:2] == ["import-903"]:
        sys.exit(import_903(sys.argv[2:]))
    run_service_cli(
        name="care-status-api",
        settings_factory=Settings,
        app_factory=create_app,
        migrations=MIGRATIONS,
        workers={"import-worker": import_worker},
    )


if __name__ == "__main__":
    main()
