"""Sequencing new entries into the tree and signing a checkpoint of it.

Run by the worker at most every `proof_checkpoint_seconds`, under the head row's lock,
so only one sequencer extends the tree at a time whatever the number of workers (another
worker finding it locked does not wait: the tree is being extended). The
tree is extended from the head's compact range: the cost is that of the new entries.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notification_proofs.leaves import b64, unb64
from notification_proofs.merkle import CompactRange, leaf_hash
from notification_proofs.note import Checkpoint, SignerKey
from notify.proofs import repository
from notify.proofs.models import ProofCheckpoint

#: Entries sequenced per checkpoint at most (the rest wait for the next one).
BATCH = 20_000


async def make_checkpoint(
    session: AsyncSession,
    signer: SignerKey,
    *,
    origin: str,
    now: datetime,
    interval: timedelta,
) -> ProofCheckpoint | None:
    """Sequence what is new and sign a checkpoint of it; None when nothing is new or the
    last checkpoint is younger than `interval`."""
    head = await repository.lock_head_unless_locked(session)
    if head is None:
        return None
    if head.checkpointed_at is not None and now - head.checkpointed_at < interval:
        return None
    new = await repository.unsequenced(session, BATCH)
    if not new:
        return None
    compact = CompactRange(head.size, [unb64(h) for h in head.compact])
    indexes = []
    for leaf_id, entry in new:
        indexes.append({"id": leaf_id, "tree_index": compact.size})
        compact.append(leaf_hash(entry.encode()))
    await repository.set_tree_indexes(session, indexes)
    root = compact.root()
    note = signer.sign(Checkpoint(origin, compact.size, root))
    checkpoint = ProofCheckpoint(size=compact.size, root=root.hex(), note=note, created_at=now)
    await repository.add_checkpoint(session, checkpoint)
    head.size = compact.size
    head.compact = [b64(h) for h in compact.hashes]
    head.checkpointed_at = now
    return checkpoint
