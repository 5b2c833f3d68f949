"""`notify-api proofs ...`: the notification log's operator commands.

    notify-api proofs verify   # recompute the tree from the stored entries, check every checkpoint
    notify-api proofs keygen NAME  # a new signing key (`NOTIFY_PROOF_SIGNING_KEY`) and its verifier key

Exit status of `verify`: 0 when the log verifies, 1 when it does not (each failure named).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os

from notification_proofs.note import SignerKey
from notify.proofs.keys import published_keys
from notify.proofs.verify import LogVerification, verify_log
from notify.settings import Settings
from platform_shared.db import create_engine, create_session_factory


async def _verify(settings: Settings) -> LogVerification:
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session:
            return await verify_log(
                session, published_keys(settings), origin=settings.proof_log_origin
            )
    finally:
        await engine.dispose()


def proofs_command(argv: list[str], settings: Settings | None = None) -> int:
    parser = argparse.ArgumentParser(prog="notify-api proofs", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("verify", help="check every checkpoint against the stored entries")
    keygen = sub.add_parser("keygen", help="make a new checkpoint signing key")
    keygen.add_argument("name", help="the key's name, e.g. care-platform.example/log-2027")
    args = parser.parse_args(argv)
    if args.command == "keygen":
        seed = os.urandom(32)
        signer = SignerKey.from_seed(args.name, seed)
        print(f"NOTIFY_PROOF_SIGNING_KEY={args.name}:{base64.b64encode(seed).decode()}")
        print(f"verifier key: {signer.verifier.encoded()}")
        return 0
    found = asyncio.run(_verify(settings or Settings()))
    for failure in found.failures:
        print(f"FAILED: {failure}")
    if found.ok:
        print(f"OK: {found.checkpoints} checkpoints verify; {found.size} entries re-hashed")
        return 0
    return 1
