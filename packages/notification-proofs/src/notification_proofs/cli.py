"""`notification-proofs`: check a proof of notification without the platform's code.

    notification-proofs bundle BUNDLE.json --key KEY [--origin ORIGIN]
    notification-proofs body BUNDLE.json BODY_FILE --key KEY
    notification-proofs consistency OLD.checkpoint NEW.checkpoint PROOF.json --key KEY

KEY is a verifier key (`name+id+base64`, as `/.well-known/notification-log-keys` lists
it) or a file holding one per line. Exit status 0 when every check passed, 1 when one
failed (the message names it), 2 on unusable arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from notification_proofs.bundle import (
    VerificationError,
    verify_body,
    verify_bundle,
    verify_checkpoints_consistent,
)
from notification_proofs.note import NoteError, VerifierKey


def _keys(value: str) -> list[VerifierKey]:
    path = Path(value)
    lines = path.read_text().splitlines() if path.is_file() else [value]
    return [VerifierKey.parse(line) for line in lines if line.strip()]


def _json(path: str) -> Any:
    return json.loads(Path(path).read_text())


def _run(args: argparse.Namespace) -> str:
    keys = _keys(args.key)
    if args.command == "bundle":
        verified = verify_bundle(_json(args.bundle), keys, origin=args.origin)
        steps = ", ".join(
            f"{leaf.entry.get('step')} at {leaf.entry.get('at')}" for leaf in verified.leaves
        )
        return (
            f"OK: notification {verified.notification_id}: {len(verified.leaves)} steps in "
            f"the log of size {verified.checkpoint.size} ({steps})"
        )
    if args.command == "body":
        verified = verify_bundle(_json(args.bundle), keys, origin=args.origin)
        leaf = verify_body(verified, Path(args.body).read_bytes())
        return f"OK: this body was delivered at {leaf.entry.get('at')} (leaf {leaf.index})"
    old, new = verify_checkpoints_consistent(
        Path(args.old).read_text(), Path(args.new).read_text(), _json(args.proof), keys
    )
    return f"OK: the log of size {new.size} extends the log of size {old.size}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="notification-proofs", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    bundle = sub.add_parser("bundle", help="verify a proof bundle against a checkpoint key")
    bundle.add_argument("bundle")
    body = sub.add_parser("body", help="verify that a kept webhook body is the one logged")
    body.add_argument("bundle")
    body.add_argument("body")
    consistency = sub.add_parser("consistency", help="verify two saved checkpoints agree")
    consistency.add_argument("old")
    consistency.add_argument("new")
    consistency.add_argument("proof")
    for command in (bundle, body, consistency):
        command.add_argument("--key", required=True, help="verifier key, or a file of them")
        command.add_argument("--origin", default=None, help="the log's expected origin line")
    args = parser.parse_args(argv)
    try:
        print(_run(args))
    except (VerificationError, NoteError) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        sys.exit(1)
    except (OSError, ValueError) as error:
        print(f"notification-proofs: {error}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
