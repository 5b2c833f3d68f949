"""The import worker: the database is the queue (an import is leased, as the outbox is).

An import is claimed with a lease (`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL),
validated (the DfE rules, a subprocess), mapped, then loaded child by child:
the child's changes, its events (outbox) and its `imported_children` row are written
in a savepoint of their own, and a batch of children commits together with the progress
(each commit extends the lease). A worker killed mid-import loses
the lease; the next worker restarts the import, redoes the validation (deterministic)
and skips every child already done: nothing is applied or emitted twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from care_status.imports import repository
from care_status.imports.loading import Outcome, load_child
from care_status.imports.mapping import ChildRefused, Issue, Row, WantedChild, map_child
from care_status.imports.models import Import, ImportedChild, ImportIssue, ImportStatus
from care_status.imports.parsing import PLATFORM_FILES, Tables, UnusableUpload, read_upload
from care_status.imports.validation import ValidatorUnavailable, validate
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.organisations import load_directory

logger = logging.getLogger("care_status.imports")

Clock = Callable[[], datetime]

#: Children loaded per transaction (each in its own savepoint): one commit, one lease
#: extension and one progress update for all of them.
BATCH_CHILDREN = 50


class _LeaseLost(Exception):
    pass


def _authorities() -> set[str]:
    directory = load_directory()
    return {org.code for org in directory.local_authorities()}


def _issue_row(import_id: uuid.UUID, issue: Issue) -> ImportIssue:
    return ImportIssue(
        import_id=import_id,
        code=issue.code,
        message=issue.message,
        child=issue.child,
        file=issue.file,
        row=issue.row,
        severity=issue.severity,
    )


def _by_child(tables: Tables) -> dict[str, dict[str, list[Row]]]:
    children: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for table, rows in tables.rows.items():
        for row in rows:
            if row.get("CHILD"):
                children[row.get("CHILD")][table].append(row)
    return children


class ImportRun:
    """One attempt at one leased import."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        job: Import,
        *,
        clock: Clock,
        lease: timedelta,
    ) -> None:
        self.sessions = sessions
        self.id = job.id
        self.token = job.lease_token
        self.authority = job.authority
        self.year = job.collection_year
        self.caller = Principal(client_id=job.requested_by, org=job.authority, scopes=frozenset())
        self.clock = clock
        self.lease = lease

    async def _step(self, session: AsyncSession) -> Import:
        job = await repository.leased_import(session, self.id, self.token)
        if job is None:
            raise _LeaseLost
        job.next_attempt_at = self.clock() + self.lease
        return job

    async def run(self) -> None:
        started = time.perf_counter()
        async with self.sessions() as session:
            job = await self._step(session)
            job.status = ImportStatus.VALIDATING
            job.attempts += 1
            files = await repository.files_of(session, self.id)
            await session.commit()
        try:
            tables = read_upload(files, max_rows=10**9)
        except UnusableUpload as error:
            await self._fail(f"{error.field}: {error.reason}")
            return
        dfe_files = [
            (n, c) for n, c in files if n not in {tables.files.get(t) for t in PLATFORM_FILES}
        ]
        result = await validate(dfe_files, authority=self.authority, collection_year=self.year)
        if result.upload_error:
            await self._fail(f"the validator could not read the return: {result.upload_error}")
            return
        validated = time.perf_counter()
        issues: list[Issue] = []
        refused: set[str] = set()
        for failure in result.failures:
            file = tables.files.get(failure.table, failure.table)
            severity = "error" if failure.critical else "warning"
            issues.append(
                Issue(failure.code, failure.message, failure.child, file, failure.row, severity)
            )
            if failure.critical and failure.child:
                refused.add(failure.child)
        authorities = _authorities()
        wanted: dict[str, WantedChild] = {}
        rows_of: dict[str, int] = {}
        for ref, rows in sorted(_by_child(tables).items()):
            rows_of[ref] = sum(len(group) for group in rows.values())
            try:
                child, warnings = map_child(
                    ref, rows, areas=result.areas, authorities=authorities, provider_codes={}
                )
            except ChildRefused as refusal:
                issues.append(refusal.issue)
                refused.add(ref)
                continue
            issues.extend(warnings)
            if ref not in refused:
                wanted[ref] = child
        async with self.sessions() as session:
            job = await self._step(session)
            await repository.clear_issues(session, self.id)
            session.add_all([_issue_row(self.id, issue) for issue in issues])
            job.status = ImportStatus.LOADING
            job.total_rows = sum(rows_of.values())
            job.counts = {**(job.counts or {}), "validation_seconds": round(validated - started, 2)}
            await session.commit()
        await self._load(wanted, refused, rows_of)
        async with self.sessions() as session:
            job = await self._step(session)
            counts = await repository.outcome_counts(session, self.id)
            counts.pop("rows", None)
            job.counts = {
                **counts,
                "validation_seconds": round(validated - started, 2),
                "loading_seconds": round(time.perf_counter() - validated, 2),
            }
            job.done_rows = job.total_rows
            job.status = ImportStatus.DONE
            job.finished_at = self.clock()
            job.lease_token = None
            await repository.drop_files(session, self.id)
            await session.commit()
        logger.info("import done", extra={"import_id": str(self.id), "import_counts": job.counts})

    async def _load(
        self, wanted: dict[str, WantedChild], refused: set[str], rows_of: dict[str, int]
    ) -> None:
        async with self.sessions() as session:
            done = set(await repository.children_done(session, self.id))
            done_rows = sum(rows_of.get(ref, 0) for ref in done)
        pending_refused = sorted(refused - done)
        if pending_refused:
            async with self.sessions() as session:
                job = await self._step(session)
                session.add_all(
                    ImportedChild(
                        import_id=self.id,
                        child=ref,
                        outcome=Outcome.REFUSED,
                        rows=rows_of.get(ref, 0),
                    )
                    for ref in pending_refused
                )
                done_rows += sum(rows_of.get(ref, 0) for ref in pending_refused)
                job.done_rows = done_rows
                await session.commit()
        pending = [(ref, child) for ref, child in wanted.items() if ref not in done]
        for first in range(0, len(pending), BATCH_CHILDREN):
            batch = pending[first : first + BATCH_CHILDREN]
            done_rows = await self._load_batch(batch, rows_of, done_rows)

    async def _load_batch(
        self, batch: list[tuple[str, WantedChild]], rows_of: dict[str, int], done_rows: int
    ) -> int:
        """Load a few children in one transaction, each in a savepoint of its own: a
        refused child's changes are rolled back alone, and the batch commits together
        with its `imported_children` rows and the progress (one commit for many)."""
        async with self.sessions() as session:
            job = await self._step(session)
            for ref, child in batch:
                now = self.clock()
                rows = rows_of.get(ref, 0)
                savepoint = await session.begin_nested()
                try:
                    loaded = await load_child(
                        session,
                        self.caller,
                        child,
                        import_id=self.id,
                        now=now,
                        today=local_date(now),
                    )
                except ChildRefused as refusal:
                    await savepoint.rollback()
                    session.add(_issue_row(self.id, refusal.issue))
                    session.add(
                        ImportedChild(
                            import_id=self.id, child=ref, outcome=Outcome.REFUSED, rows=rows
                        )
                    )
                else:
                    await savepoint.commit()
                    session.add(
                        ImportedChild(
                            import_id=self.id,
                            child=ref,
                            outcome=loaded.outcome,
                            episodes=loaded.episodes,
                            events=loaded.events,
                            rows=rows,
                        )
                    )
                done_rows += rows
            job.done_rows = done_rows
            await session.commit()
        return done_rows

    async def _fail(self, reason: str) -> None:
        async with self.sessions() as session:
            job = await self._step(session)
            await repository.clear_issues(session, self.id)
            session.add(
                ImportIssue(
                    import_id=self.id,
                    code="UPLOAD",
                    message=reason,
                    child=None,
                    file=None,
                    row=None,
                    severity="error",
                )
            )
            job.status = ImportStatus.FAILED
            job.failure = reason
            job.finished_at = self.clock()
            job.lease_token = None
            await session.commit()


async def run_one(
    sessions: async_sessionmaker[AsyncSession],
    import_id: uuid.UUID,
    *,
    clock: Clock,
    lease: timedelta,
) -> bool:
    """Run this one import now (the command line's); False if another worker holds it."""
    async with sessions() as session:
        job = await repository.claim_import(session, import_id, lease=lease, now=clock())
        await session.commit()
    if job is None:
        return False
    await ImportRun(sessions, job, clock=clock, lease=lease).run()
    return True


async def run_pending(
    sessions: async_sessionmaker[AsyncSession], *, clock: Clock, lease: timedelta
) -> int:
    """Claim and run the imports that are due, one at a time; how many were run."""
    async with sessions() as session:
        jobs = await repository.claim_imports(session, limit=1, lease=lease, now=clock())
        await session.commit()
    for job in jobs:
        try:
            await ImportRun(sessions, job, clock=clock, lease=lease).run()
        except _LeaseLost:
            logger.warning("import lease lost", extra={"import_id": str(job.id)})
        except ValidatorUnavailable as error:
            # The lease runs out and the import is tried again; said once per attempt.
            logger.error(
                "import validator unavailable: %s", error, extra={"import_id": str(job.id)}
            )
    return len(jobs)


async def run_worker(
    sessions: async_sessionmaker[AsyncSession],
    stop: asyncio.Event,
    *,
    clock: Clock,
    lease: timedelta,
    poll_seconds: float,
) -> None:
    """Run imports until `stop` is set (between two imports, or between two polls)."""
    while not stop.is_set():
        try:
            ran = await run_pending(sessions, clock=clock, lease=lease)
        except Exception:
            logger.exception("import worker step failed")
            ran = 0
        if ran:
            continue
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
