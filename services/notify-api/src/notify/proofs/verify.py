"""Recomputing the tree from the stored entries and checking every checkpoint against it.

What `notify-api proofs verify` and the worker's monitor run. An entry edited, deleted
or inserted in the database changes the root at every size after it, so the signed
checkpoint of that size no longer matches; a forged checkpoint fails its signature.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from notification_proofs.merkle import CompactRange, leaf_hash
from notification_proofs.note import NoteError, VerifierKey, verify_checkpoint
from notify.proofs import repository


@dataclass
class LogVerification:
    size: int = 0
    checkpoints: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


async def verify_log(
    session: AsyncSession, keys: list[VerifierKey], *, origin: str
) -> LogVerification:
    """Every checkpoint's signature, and its root recomputed from the stored entries."""
    found = LogVerification()
    stored = await repository.checkpoints(session)
    if not stored:
        return found
    top = stored[-1].size
    entries = await repository.entries_up_to(session, top)
    compact = CompactRange()
    position = 0
    for checkpoint in stored:
        found.checkpoints += 1
        try:
            signed = verify_checkpoint(checkpoint.note, keys, origin=origin)
        except NoteError as error:
            found.failures.append(f"checkpoint {checkpoint.size}: {error}")
            continue
        if signed.size != checkpoint.size or signed.root.hex() != checkpoint.root:
            found.failures.append(f"checkpoint {checkpoint.size}: its row differs from its note")
        while position < len(entries) and compact.size < checkpoint.size:
            index, entry = entries[position]
            if index != compact.size:
                found.failures.append(f"leaf {compact.size}: missing (next stored is {index})")
                return found
            compact.append(leaf_hash(entry.encode()))
            position += 1
        if compact.size < checkpoint.size:
            found.failures.append(
                f"checkpoint {checkpoint.size}: only {compact.size} entries are stored"
            )
            return found
        if compact.root() != signed.root:
            found.failures.append(
                f"checkpoint {checkpoint.size}: the stored entries hash to another root"
            )
    found.size = compact.size
    return found
