"""Bodies of the CPS checklist endpoints."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class SectionWrite(BaseModel):
    """The text of one section, as its writer gives it (kept verbatim)."""

    model_config = ConfigDict(extra="forbid")

    content: Annotated[str, Field(min_length=1, max_length=20_000)]


class ChecklistSectionOut(BaseModel):
    section: int
    title: str
    written_by: list[str] = Field(description="Organisation kinds that may write the section")
    due_at: datetime | None = Field(description="Sections 1-8: 24 hours after police involvement")
    content: str | None
    completed_by: str | None
    completed_at: datetime | None
    updated_by: str | None
    updated_at: datetime | None


class CpsChecklist(BaseModel):
    """An incident's checklist: every section, what is missing, and when it was due."""

    incident_id: uuid.UUID
    required: bool = Field(
        description="The police are involved and the child's responsible authority adopted "
        "the Derbyshire protocol, so the checklist is due"
    )
    protocol_applies: bool | None = Field(
        description="The child's responsible authority adopted the Derbyshire protocol "
        "(rules.md Revision 2); null while the status facts are pending"
    )
    not_required_reason: str | None = Field(
        description="Why no checklist is due, when the protocol does not apply"
    )
    police_involved_at: datetime | None
    due_at: datetime | None = Field(
        description="When sections 1-8 are due to police: police involvement + 24 hours; "
        "null when not required"
    )
    missing: list[int] = Field(description="Sections not yet written")
    overdue: bool = Field(description="Due, past due and sections 1-8 not all written")
    carer_sections_completed_at: datetime | None
    completed_on_time: bool | None = Field(
        description="Sections 1-8 all written by the due time (null while not all written)"
    )
    sections: list[ChecklistSectionOut]
