"""History is not news: what an event loaded from a return (SSDA903 import) requires.

An event whose `data.origin` is `import` announces a change that may have happened years
ago. Of the notifications its rules require, only those whose duty is still open on the
day of the import are made: a deadline at or after the event's time (the import's). The
others are history: each is stored here as an imported duty, counted in the figures as
imported, never as late or breached (docs/decisions.md, "History is not news").
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Index, String, insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from notify.rules.evaluation import Evaluation
from platform_shared.contracts.events import EventOrigin
from platform_shared.db import Base


class ImportedDuty(Base):
    """A duty an imported event would have required, already past on the day of import."""

    __tablename__ = "imported_duties"
    __table_args__ = (
        Index("ix_imported_duties_recipient_org", "recipient_org", "rule_id"),
        Index("ix_imported_duties_responsible_authority", "responsible_authority", "imported_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    event_id: Mapped[str] = mapped_column(String(200))
    rule_id: Mapped[str] = mapped_column(String(100))
    #: The rule's basis, as a notification keeps it (None for the rows before 0008).
    basis: Mapped[str | None] = mapped_column(String(32))
    #: The child's responsible authority: the figures count its duties to others too.
    responsible_authority: Mapped[str | None] = mapped_column(String(64))
    recipient_org: Mapped[str] = mapped_column(String(64))
    recipient_role: Mapped[str] = mapped_column(String(64))
    due_at: Mapped[datetime | None]
    imported_at: Mapped[datetime]


def is_imported(data: dict[str, object] | None) -> bool:
    return bool(data) and (data or {}).get("origin") == EventOrigin.IMPORT.value


async def keep_open_duties(
    session: AsyncSession, event_id: str, event_time: datetime, evaluation: Evaluation
) -> Evaluation:
    """The evaluation of an imported event with only its still-open notifications; the
    rest are stored as imported duties. A notification without a deadline is history."""
    open_ones = [p for p in evaluation.notifications if p.due_at and p.due_at >= event_time]
    past = [p for p in evaluation.notifications if p not in open_ones]
    if past:
        await session.execute(
            insert(ImportedDuty),
            [
                {
                    "event_id": event_id,
                    "rule_id": p.rule.id,
                    "basis": p.rule.basis,
                    "responsible_authority": p.subject.get("responsible_authority"),
                    "recipient_org": p.org,
                    "recipient_role": p.role,
                    "due_at": p.due_at,
                    "imported_at": event_time,
                }
                for p in past
            ],
        )
    return replace(evaluation, notifications=open_ones)
