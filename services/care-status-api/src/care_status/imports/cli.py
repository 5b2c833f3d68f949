"""`care-status-api import-903` and `care-status-api import-worker`.

    care-status-api import-903 --authority E09000007 [--year 2026/27] FILES...

imports a return straight into the database of `CARE_STATUS_DATABASE_URL` (the events
go out through the outbox relay as any others), with a progress bar on stderr and the
report on stdout; exit status 0 when done, 1 when the upload is unusable or failed.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from care_status.imports import service
from care_status.imports.generator import collection_year
from care_status.imports.models import ImportStatus
from care_status.imports.worker import run_one, run_worker
from care_status.settings import Settings
from platform_shared.auth import Principal
from platform_shared.calendar import local_date, utc_now
from platform_shared.cli import Worker
from platform_shared.db import create_engine, create_session_factory
from platform_shared.problems import DomainError
from platform_shared.settings import ServiceSettings

BAR = 30


def import_worker(settings: ServiceSettings) -> Worker:
    """The import worker as its own process."""

    async def run(stop: asyncio.Event) -> None:
        engine = create_engine(settings.database_url)
        try:
            await run_worker(
                create_session_factory(engine),
                stop,
                clock=utc_now,
                lease=timedelta(seconds=getattr(settings, "import_lease_seconds", 120.0)),
                poll_seconds=getattr(settings, "import_poll_seconds", 1.0),
            )
        finally:
            await engine.dispose()

    return run


def _bar(done: int, total: int) -> str:
    filled = BAR * done // total if total else 0
    return f"\r[{'#' * filled}{'.' * (BAR - filled)}] {done}/{total} rows"


async def _import(settings: Settings, authority: str, year: str, paths: Sequence[Path]) -> int:
    engine = create_engine(settings.database_url)
    sessions = create_session_factory(engine)
    caller = Principal(client_id="care-status-api import-903", org=authority, scopes=frozenset())
    try:
        files = [(path.name, path.read_bytes()) for path in paths]
        async with sessions() as session:
            try:
                job = await service.create_import(
                    session,
                    caller,
                    files=files,
                    collection_year=year,
                    authority=authority,
                    max_bytes=settings.import_max_bytes,
                    max_rows=settings.import_max_rows,
                    now=utc_now(),
                )
            except DomainError as error:
                print(f"refused: {error}", file=sys.stderr)
                return 1
            await session.commit()
            import_id = job.id
        lease = timedelta(seconds=settings.import_lease_seconds)
        # Run here; if an import worker claimed it first, follow that worker instead.
        running = asyncio.create_task(run_one(sessions, import_id, clock=utc_now, lease=lease))
        while True:
            async with sessions() as session:
                job, _ = await service.read_import(session, caller, import_id)
            print(_bar(job.done_rows, job.total_rows), end="", file=sys.stderr, flush=True)
            if running.done() and (
                job.status in (ImportStatus.DONE, ImportStatus.FAILED) or running.exception()
            ):
                break
            if running.done() and job.lease_token is None:
                # Not claimed by anyone (the claim met a moment's lock): claim it again.
                running = asyncio.create_task(
                    run_one(sessions, import_id, clock=utc_now, lease=lease)
                )
            if running.done():
                await asyncio.sleep(0.5)
            else:
                await asyncio.wait([running], timeout=0.5)
        await running
        async with sessions() as session:
            job, issues = await service.read_import(session, caller, import_id)
        print(_bar(job.done_rows, job.total_rows), file=sys.stderr)
        view = service.view_of(job, issues)
        print(f"import {view.id}: {view.status}" + (f" ({view.failure})" if view.failure else ""))
        print(" ".join(f"{name}={value}" for name, value in view.counts.model_dump().items()))
        sys.stdout.write(service.report_csv(issues))
        return 0 if job.status == ImportStatus.DONE else 1
    finally:
        await engine.dispose()


def import_903(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="care-status-api import-903")
    parser.add_argument("--authority", required=True, help="the GSS code of your authority")
    parser.add_argument("--year", default=None, help="collection year, e.g. 2026/27")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    year = args.year or collection_year(local_date(utc_now()))[2]
    return asyncio.run(_import(Settings(), args.authority, year, args.files))
