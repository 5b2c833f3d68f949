"""What the import pages show of an import (care-status-api `GET /v1/imports/{id}`).

No HTTP here: the router fetches, these functions decide what the person reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

#: The statuses of an import still under way: its page refreshes itself.
UNDER_WAY = frozenset({"queued", "validating", "loading"})
#: Lines of the report shown on the page; the CSV download has them all.
REPORT_LINES_SHOWN = 500

STATUS_WORDS = {
    "queued": "Waiting to start",
    "validating": "Checking the return against the DfE rules",
    "loading": "Loading the children",
    "done": "Finished",
    "failed": "Failed",
}

COUNT_LABELS = (
    ("children_created", "Children added"),
    ("children_changed", "Children changed"),
    ("children_unchanged", "Children unchanged"),
    ("children_refused", "Children refused"),
    ("episodes", "Legal statuses and placements"),
    ("events_emitted", "Changes sent on to notifications"),
)


def collection_year(today: date) -> str:
    """The SSDA903 collection year `today` falls in (1 April to 31 March): `2026/27`."""
    first = today.year if today.month >= 4 else today.year - 1
    return f"{first}/{(first + 1) % 100:02d}"


@dataclass(frozen=True)
class ImportPage:
    id: str
    status: str
    status_words: str
    under_way: bool
    rows_done: int
    rows_total: int
    counts: list[tuple[str, int]]
    errors: int
    warnings: int
    report: list[dict[str, Any]]
    report_hidden: int
    document: dict[str, Any]

    @property
    def percent_done(self) -> int:
        return round(100 * self.rows_done / self.rows_total) if self.rows_total else 0


def import_page(document: dict[str, Any]) -> ImportPage:
    status = str(document.get("status", ""))
    progress = document.get("progress") or {}
    counts = document.get("counts") or {}
    report: list[dict[str, Any]] = list(document.get("report") or [])
    # Errors first (children refused), then warnings, each in the file's order.
    report.sort(key=lambda line: line.get("severity") != "error")
    return ImportPage(
        id=str(document.get("id", "")),
        status=status,
        status_words=STATUS_WORDS.get(status, status),
        under_way=status in UNDER_WAY,
        rows_done=int(progress.get("rows_done") or 0),
        rows_total=int(progress.get("rows_total") or 0),
        counts=[(label, int(counts.get(key) or 0)) for key, label in COUNT_LABELS],
        errors=sum(1 for line in report if line.get("severity") == "error"),
        warnings=sum(1 for line in report if line.get("severity") != "error"),
        report=report[:REPORT_LINES_SHOWN],
        report_hidden=max(0, len(report) - REPORT_LINES_SHOWN),
        document=document,
    )
