"""`care-status-api serve | migrate | relay`."""

from __future__ import annotations

from care_status.main import MIGRATIONS, create_app
from care_status.settings import Settings
from platform_shared.cli import run_service_cli


def main() -> None:
    run_service_cli(
        name="care-status-api",
        settings_factory=Settings,
        app_factory=create_app,
        migrations=MIGRATIONS,
    )


if __name__ == "__main__":
    main()
