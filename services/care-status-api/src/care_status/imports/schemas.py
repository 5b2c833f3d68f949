"""Bodies of the imports API."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field


class ImportProgress(BaseModel):
    rows_done: int
    rows_total: int = Field(description="0 until the return has been validated")


class ImportCounts(BaseModel):
    children_created: int = 0
    children_changed: int = 0
    children_unchanged: int = 0
    children_refused: int = 0
    episodes: int = Field(default=0, description="Legal statuses and placements of the children")
    events_emitted: int = 0
    validation_seconds: float | None = None
    loading_seconds: float | None = None


class ReportLine(BaseModel):
    """One rule failed on one row: the DfE's rule code (`csc-validator-be-903`) or the
    mapping's (`MAP_...`), and whether the child was refused for it."""

    code: str
    message: str
    child: str | None = Field(description="The return's CHILD")
    file: str | None
    row: int | None = Field(description="0-based data row of the file")
    severity: str = Field(description="`error`: the child was refused; `warning`: loaded")


class ImportView(BaseModel):
    id: uuid.UUID
    authority: str
    collection_year: str
    status: str = Field(description="queued, validating, loading, done, failed")
    created_at: datetime
    finished_at: datetime | None
    failure: str | None
    progress: ImportProgress
    counts: ImportCounts
    report: list[ReportLine]


class ImportReport(BaseModel):
    """The validation report of an import."""

    items: list[ReportLine]
