"""Response bodies of the access log."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field

from platform_shared.web.pagination import Page


class AccessLogEntry(BaseModel):
    """One access to the child's record: who, when, why, with what outcome."""

    id: uuid.UUID
    at: datetime
    org: str = Field(description="The reader's organisation (for a platform read: its caller)")
    client_id: str = Field(description="The reader's client (for a platform read: its caller)")
    via_org: str | None = Field(
        description="The platform service that read on the reader's behalf (its org)"
    )
    via_client_id: str | None = Field(description="That platform service's client")
    action: str = Field(
        description="`lookup`, `status_facts.read`, `child.read`, `child.change`, ...",
        examples=["lookup"],
    )
    purpose: str | None
    outcome: str | None = Field(
        description="The answer given (`looked_after`, `full`, ...), or `refused` for a 404"
    )
    as_of: date | None
    requester_reference: str | None
    also_held_by: list[str] | None = Field(
        description="For a lookup: other authorities holding a record it also matched (D24)"
    )


class AccessLogPage(Page[AccessLogEntry]):
    """One page of a child's access log, most recent first."""
