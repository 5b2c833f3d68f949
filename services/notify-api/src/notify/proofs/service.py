"""Proofs over the API: a notification's bundle, consistency between two tree sizes.

A bundle holds the notification's sequenced entries, each with its inclusion path to the
latest checkpoint; entries logged since that checkpoint are listed as pending (the next
checkpoint, a few seconds away, includes them). The paths are computed from every entry
up to the checkpoint's size: linear in the log, see docs/proofs.md ("Scale").
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from notification_proofs.bundle import BUNDLE_FORMAT
from notification_proofs.leaves import b64
from notification_proofs.merkle import consistency_proof, inclusion_path, leaf_hash
from notify.proofs import repository
from platform_shared.auth import Principal
from platform_shared.problems import Invalid, NotFound


async def _leaf_hashes(session: AsyncSession, size: int) -> list[bytes]:
    return [
        leaf_hash(entry.encode()) for _, entry in await repository.entries_between(session, 0, size)
    ]


async def proof_bundle(
    session: AsyncSession, principal: Principal, notification_id: uuid.UUID
) -> dict[str, Any]:
    """The proof bundle of a notification its recipient or duty holder asks for."""
    notification = await repository.provable_notification(session, principal, notification_id)
    if notification is None:
        raise NotFound("No such notification for this organisation")
    checkpoint = await repository.latest_checkpoint(session)
    size = checkpoint.size if checkpoint is not None else 0
    hashes = await _leaf_hashes(session, size) if size else []
    leaves: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    for leaf in await repository.leaves_of(session, notification.id):
        entry = json.loads(leaf.entry)
        if leaf.tree_index is None or leaf.tree_index >= size:
            pending.append({"step": leaf.step, "at": entry.get("at")})
            continue
        leaves.append(
            {
                "index": leaf.tree_index,
                "entry": leaf.entry,
                "salt": leaf.salt,
                "inclusion_path": [b64(h) for h in inclusion_path(hashes, leaf.tree_index)],
            }
        )
    leaves.sort(key=lambda leaf: leaf["index"])
    steps = [json.loads(leaf["entry"]) for leaf in leaves]
    purged = any(step["step"] == "purged" for step in steps)
    return {
        "format": BUNDLE_FORMAT,
        "notification_id": str(notification.id),
        "checkpoint": checkpoint.note if checkpoint is not None else None,
        "tree_size": size,
        "leaves": leaves,
        "pending": pending,
        "provable": [{"step": step["step"], "at": step["at"]} for step in steps],
        "content": "purged" if purged else "held",
    }


async def latest_checkpoint_note(session: AsyncSession) -> str:
    checkpoint = await repository.latest_checkpoint(session)
    if checkpoint is None:
        raise NotFound("The log has no checkpoint yet")
    return checkpoint.note


async def consistency(session: AsyncSession, old_size: int, new_size: int) -> dict[str, Any]:
    """The consistency proof from `old_size` to `new_size` (both within the latest checkpoint)."""
    checkpoint = await repository.latest_checkpoint(session)
    size = checkpoint.size if checkpoint is not None else 0
    if new_size > size:
        raise Invalid("query.to", f"beyond the log's latest checkpoint (size {size})")
    if old_size > new_size:
        raise Invalid("query.from", f"above `to` ({new_size})")
    hashes = await _leaf_hashes(session, new_size)
    proof = consistency_proof(hashes, old_size)
    return {"from": old_size, "to": new_size, "proof": [b64(h) for h in proof]}
