"""Checking what notify-api hands out: proof bundles, kept webhook bodies, consistency.

A proof bundle (`GET /v1/notifications/{id}/proof`) is JSON:

    {"format": "notification-proof-bundle/v1", "notification_id": "...",
     "checkpoint": "<signed note>", "tree_size": N,
     "leaves": [{"index": i, "entry": "<canonical JSON>", "salt": "<base64>"|null,
                 "inclusion_path": ["<base64 hash>", ...]}, ...], ...}

Each check raises `VerificationError` naming what failed.
"""

from __future__ import annotations

import binascii
import json
from dataclasses import dataclass
from typing import Any

from notification_proofs.leaves import body_digest, canonical, unb64
from notification_proofs.merkle import ProofError, leaf_hash, verify_consistency, verify_inclusion
from notification_proofs.note import Checkpoint, NoteError, VerifierKey, verify_checkpoint

BUNDLE_FORMAT = "notification-proof-bundle/v1"


class VerificationError(Exception):
    """A check failed; the message names it."""


@dataclass(frozen=True)
class VerifiedLeaf:
    index: int
    entry: dict[str, Any]
    salt: bytes | None


@dataclass(frozen=True)
class VerifiedBundle:
    checkpoint: Checkpoint
    notification_id: str
    leaves: list[VerifiedLeaf]


def _checkpoint(note: Any, keys: list[VerifierKey], origin: str | None) -> Checkpoint:
    if not isinstance(note, str):
        raise VerificationError("checkpoint: missing or not a string")
    try:
        return verify_checkpoint(note, keys, origin=origin)
    except NoteError as error:
        raise VerificationError(f"checkpoint: {error}") from error


def _hashes(values: Any, where: str) -> list[bytes]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise VerificationError(f"{where}: not a list of base64 hashes")
    try:
        return [unb64(v) for v in values]
    except binascii.Error as error:
        raise VerificationError(f"{where}: a hash is not base64") from error


def verify_bundle(
    bundle: dict[str, Any], keys: list[VerifierKey], *, origin: str | None = None
) -> VerifiedBundle:
    """Check the bundle's checkpoint signature, every entry and every inclusion path."""
    if bundle.get("format") != BUNDLE_FORMAT:
        raise VerificationError(f"format: not {BUNDLE_FORMAT}")
    checkpoint = _checkpoint(bundle.get("checkpoint"), keys, origin)
    if bundle.get("tree_size") != checkpoint.size:
        raise VerificationError("tree_size: not the size the checkpoint signs")
    notification_id = bundle.get("notification_id")
    leaves = bundle.get("leaves")
    if not isinstance(leaves, list) or not leaves:
        raise VerificationError("leaves: none to verify")
    verified = []
    for position, leaf in enumerate(leaves):
        where = f"leaves[{position}]"
        if not isinstance(leaf, dict):
            raise VerificationError(f"{where}: not an object")
        index, text = leaf.get("index"), leaf.get("entry")
        if not isinstance(index, int) or not isinstance(text, str):
            raise VerificationError(f"{where}: needs an integer index and an entry string")
        try:
            entry = json.loads(text)
        except ValueError as error:
            raise VerificationError(f"{where}.entry: not JSON") from error
        if not isinstance(entry, dict) or canonical(entry) != text.encode():
            raise VerificationError(f"{where}.entry: not a canonical JSON object")
        if entry.get("notification_id") != notification_id:
            raise VerificationError(f"{where}.entry: about another notification")
        path = _hashes(leaf.get("inclusion_path"), f"{where}.inclusion_path")
        try:
            verify_inclusion(
                index, checkpoint.size, leaf_hash(text.encode()), path, checkpoint.root
            )
        except ProofError as error:
            raise VerificationError(f"{where}.inclusion_path: {error}") from error
        salt = leaf.get("salt")
        try:
            raw_salt = unb64(salt) if isinstance(salt, str) else None
        except binascii.Error as error:
            raise VerificationError(f"{where}.salt: not base64") from error
        verified.append(VerifiedLeaf(index, entry, raw_salt))
    return VerifiedBundle(checkpoint, str(notification_id), verified)


def verify_body(verified: VerifiedBundle, body: bytes) -> VerifiedLeaf:
    """The `delivered` leaf whose body hash is that of `body` (a webhook body kept)."""
    delivered = [leaf for leaf in verified.leaves if leaf.entry.get("step") == "delivered"]
    if not delivered:
        raise VerificationError("body: the bundle has no delivered step")
    for leaf in delivered:
        if leaf.salt is not None and leaf.entry.get("body_sha256") == body_digest(leaf.salt, body):
            return leaf
    if all(leaf.salt is None for leaf in delivered):
        raise VerificationError("body: the bundle holds no salt (purged) to check a body with")
    raise VerificationError("body: no delivered step of the bundle logged this body")


def verify_checkpoints_consistent(
    old_note: str, new_note: str, proof: dict[str, Any], keys: list[VerifierKey]
) -> tuple[Checkpoint, Checkpoint]:
    """Both checkpoints signed, and the newer tree extends the older one."""
    old = _checkpoint(old_note, keys, None)
    new = _checkpoint(new_note, keys, None)
    if old.origin != new.origin:
        raise VerificationError("checkpoints: of two different logs")
    if proof.get("from") != old.size or proof.get("to") != new.size:
        raise VerificationError("proof: not between the sizes of these checkpoints")
    hashes = _hashes(proof.get("proof"), "proof")
    try:
        verify_consistency(old.size, new.size, old.root, new.root, hashes)
    except ProofError as error:
        raise VerificationError(f"consistency: {error}") from error
    return old, new
