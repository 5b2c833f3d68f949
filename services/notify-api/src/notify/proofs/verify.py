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
    return await LogMonitor().verify_new(session, keys, origin=origin)


class LogMonitor:
    """The worker's monitor: what it has verified so far, so that each run re-hashes only
    the entries sequenced since (`verify_new`), with a whole pass now and then
    (`verify_all`) for an edit of an entry it had already verified.

    What it has verified is kept in the worker's memory, not in the database it checks:
    a row edited there cannot move the monitor's starting point.
    """

    def __init__(self) -> None:
        self._verified = CompactRange()
        self._checkpoints = 0

    @property
    def size(self) -> int:
        return self._verified.size

    async def verify_all(
        self, session: AsyncSession, keys: list[VerifierKey], *, origin: str
    ) -> LogVerification:
        self._verified, self._checkpoints = CompactRange(), 0
        return await self.verify_new(session, keys, origin=origin)

    async def verify_new(
        self, session: AsyncSession, keys: list[VerifierKey], *, origin: str
    ) -> LogVerification:
        """The checkpoints above the size verified so far, against the entries below them;
        on success the monitor moves on to the largest."""
        start = self._verified.size
        found = LogVerification(size=start, checkpoints=self._checkpoints)
        stored = await repository.checkpoints(session, above=start)
        if not stored:
            return found
        entries = aiter(repository.entries_in_pages(session, start, stored[-1].size))
        compact = CompactRange(start, self._verified.hashes)
        for checkpoint in stored:
            found.checkpoints += 1
            try:
                signed = verify_checkpoint(checkpoint.note, keys, origin=origin)
            except NoteError as error:
                found.failures.append(f"checkpoint {checkpoint.size}: {error}")
                continue
            if signed.size != checkpoint.size or signed.root.hex() != checkpoint.root:
                found.failures.append(
                    f"checkpoint {checkpoint.size}: its row differs from its note"
                )
            while compact.size < checkpoint.size:
                stored_next = await anext(entries, None)
                if stored_next is None:
                    break
                index, entry = stored_next
                if index != compact.size:
                    found.failures.append(f"leaf {compact.size}: missing (next stored is {index})")
                    return found
                compact.append(leaf_hash(entry.encode()))
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
        if found.ok:
            self._verified, self._checkpoints = compact, found.checkpoints
        return found
