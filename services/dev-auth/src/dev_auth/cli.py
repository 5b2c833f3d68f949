"""The `dev-auth` command: `serve` runs the server, `rotate-key` writes a new signing key.

dev-auth serve        # uvicorn on DEV_AUTH_HOST:DEV_AUTH_PORT
dev-auth rotate-key   # a running server signs with the new key from its next request
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from urllib.parse import urlsplit

import uvicorn

from dev_auth.keys import KeyStore
from dev_auth.main import create_app
from dev_auth.settings import DevAuthSettings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="dev-auth", description="Development OAuth 2.0 authorization server."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("serve", help="run the server on the configured host and port")
    commands.add_parser("rotate-key", help="generate a new signing key; older keys stay published")
    arguments = parser.parse_args(argv)

    settings = DevAuthSettings()
    if arguments.command == "serve":
        serve(settings)
    elif arguments.command == "rotate-key":
        print(rotate_key(settings))
    return 0


def serve(settings: DevAuthSettings) -> None:
    """Run the server with uvicorn, without reload."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
    config = uvicorn.Config(
        create_app(settings), host=settings.host, port=settings.port, reload=False
    )
    # uvicorn configured its loggers in Config(); the filter goes on afterwards.
    logging.getLogger("uvicorn.access").addFilter(_drop_query_strings)
    uvicorn.Server(config).run()


def rotate_key(settings: DevAuthSettings) -> str:
    """Write a new signing key into `settings.key_dir`; return its kid."""
    key_store = KeyStore(settings.key_dir, token_lifetime_seconds=settings.token_lifetime_seconds)
    return key_store.rotate()


def _drop_query_strings(record: logging.LogRecord) -> bool:
    # Credentials belong in the body, but a client may still put them in the query string:
    # the access log shows paths only.
    if isinstance(record.args, tuple) and len(record.args) == 5:
        client, method, full_path, http_version, status = record.args
        path = urlsplit(str(full_path)).path
        record.args = (client, method, path, http_version, status)
    return True
