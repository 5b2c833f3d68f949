"""SSDA903 import benchmark (issue 16): one authority's return loaded twice on PostgreSQL.

    python bench/import_903.py                    # 5,000 children (~20% care leavers)
    python bench/import_903.py --children 1000    # smaller
    python bench/import_903.py --quick            # 100 children: only that it runs
    python bench/import_903.py --xml              # the return's XML form

A return is generated (`care_status.imports.generator`), then `care-status-api
import-903` loads it into a fresh, migrated database, end to end: validation by the DfE
rules (its subprocess) and loading, each timed by the import itself; the wall time, and
the peak resident memory of the command and of the validator (VmHWM, sampled). Then the
same file again (nothing changes, 0 events). Nothing is asserted: the figures go to
docs/performance.md by hand. The time until the last notification is in notify-api is
not measured here (the relay and notify-api are not started).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from harness import (
    BIN,
    REPO,
    create_database,
    drop_database,
    log,
    peak_rss_mib,
    process_tree,
    sqlalchemy_url,
    write_result,
)

from care_status.imports.generator import generate_return
from care_status.imports.parsing import read_upload

CAMDEN = "E09000007"


def _run(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    peaks: dict[int, float] = {}
    while process.poll() is None:
        for pid in process_tree(process.pid):
            peak = peak_rss_mib(pid)
            if peak is not None:
                peaks[pid] = max(peaks.get(pid, 0.0), peak)
        time.sleep(0.2)
    wall = time.perf_counter() - started
    output = process.stdout.read() if process.stdout else ""
    counts = dict(re.findall(r"(\w+)=([\d.]+)", output.splitlines()[1] if output else ""))
    return {
        "exit": process.returncode,
        "wall_seconds": round(wall, 1),
        "peak_rss_mib_command": peaks.get(process.pid),
        "peak_rss_mib_validator": max(
            (v for pid, v in peaks.items() if pid != process.pid), default=None
        ),
        **counts,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--children", type=int, default=5000)
    parser.add_argument(
        "--quick", action="store_true", help="100 children: that it runs, not its figures"
    )
    parser.add_argument("--xml", action="store_true", help="the return as one XML file")
    args = parser.parse_args()
    if args.quick:
        args.children = 100
    database = create_database("import903")
    env = {**os.environ, "CARE_STATUS_DATABASE_URL": sqlalchemy_url(database)}
    try:
        subprocess.run([str(BIN / "care-status-api"), "migrate"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        generated = generate_return(CAMDEN, args.children, date.today())
        with tempfile.TemporaryDirectory() as directory:
            paths = [str(p) for p in generated.write(Path(directory), xml=args.xml)]
            # The rows of the return as the import counts them (either form).
            uploaded = [(Path(p).name, Path(p).read_bytes()) for p in paths]
            rows = read_upload(uploaded, max_rows=10_000_000).total_rows
            log(f"return of {args.children} children, {rows} rows")
            command = [str(BIN / "care-status-api"), "import-903", "--authority", CAMDEN,
                       "--year", generated.year, *paths]  # fmt: skip
            first = _run(command, env)
            log(f"first load: {first}")
            second = _run(command, env)
            log(f"second load: {second}")
        path = write_result(
            "import_903",
            {"children": args.children, "form": "xml" if args.xml else "csv", "rows": rows,
             "first": first, "second": second, "load_average": os.getloadavg()},
        )  # fmt: skip
        log(f"written {path}")
    finally:
        drop_database(database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
