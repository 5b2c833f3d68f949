"""The `portal` command: `portal serve` runs the portal with uvicorn."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence

import uvicorn

from portal.main import create_app
from portal.settings import PortalSettings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portal", description="The staff portal.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("serve", help="run the portal on the configured host and port")
    parser.parse_args(argv)
    settings = PortalSettings()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
    # httpx logs each request's full URL (query strings included): ids only reach the log.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        # Paths only in the access log: no query string reaches it.
        access_log=False,
    )
    return 0
