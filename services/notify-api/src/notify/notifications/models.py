"""Notifications (one per event, rule and recipient) and the per-organisation sequence."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.calendar import utc_now
from platform_shared.db import Base


class NotificationStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    ACKNOWLEDGED = "acknowledged"
    OVERDUE = "overdue"
    WITHHELD = "withheld"
    #: No longer waited for: see `ended_reason` (EndedReason).
    ENDED = "ended"


class EndedReason(StrEnum):
    #: A recurring duty ended by an event (release, end of the care order).
    ENDING_EVENT = "ending_event"
    #: A later event of the same key (a changed release date) replaced it.
    SUPERSEDED = "superseded"
    #: An escalation whose original notification was acknowledged.
    ORIGINAL_ACKNOWLEDGED = "original_acknowledged"
    #: An escalation whose original notification ended.
    ORIGINAL_ENDED = "original_ended"


#: Statuses of a notification still waiting for its recipient.
OPEN_STATUSES = (
    NotificationStatus.PENDING,
    NotificationStatus.DELIVERED,
    NotificationStatus.OVERDUE,
)


class NotificationKind(StrEnum):
    #: Required by a rule of the rule file.
    RULE = "rule"
    #: One occurrence of a recurring duty (custody visits).
    RECURRING = "recurring"
    #: Raised to the responsible authority's escalation route for an overdue one.
    ESCALATION = "escalation"
    #: From the platform itself, e.g. an endpoint disabled after a 410.
    NOTICE = "notice"
    #: The escalation ladder's reminder to the recipient at 80 % of the window.
    REMINDER = "reminder"


class EscalationStep(StrEnum):
    """Which step of the escalation ladder a follow-up is (`notify.deadlines.ladder`)."""

    REMINDER = "reminder"
    OVERDUE = "overdue"
    BREACH = "breach"


class Notification(Base):
    __tablename__ = "notifications"
    #: Whom a notification concerns: its recipient, whose duty it discharges, and the
    #: responsible authority (the figures and the audit name it).
    __tenant_columns__: ClassVar[tuple[str, ...]] = (
        "recipient_org",
        "duty_holder",
        "responsible_authority",
    )
    __table_args__ = (
        UniqueConstraint("recipient_org", "sequence", name="uq_notifications_org_sequence"),
        Index("ix_notifications_inbox", "recipient_org", "status", "due_at"),
        Index("ix_notifications_due", "status", "due_at"),
        Index("ix_notifications_person_ref", "person_ref"),
        Index("ix_notifications_event_id", "event_id"),
        Index("ix_notifications_duty_holder", "duty_holder", "status", "due_at"),
        Index("ix_notifications_supersede_key", "supersede_key"),
        Index("ix_notifications_escalation_of", "escalation_of"),
        Index("ix_notifications_watch_key", "watch_key", "status"),
        Index("ix_notifications_remind", "status", "remind_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    #: (event, rule, recipient, occurrence), or the notification escalated: made once only.
    key: Mapped[str] = mapped_column(String(400), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    event_id: Mapped[str | None] = mapped_column(String(200), ForeignKey("events.id"))
    event_type: Mapped[str | None] = mapped_column(String(100))
    rule_id: Mapped[str] = mapped_column(String(100))
    rules_version: Mapped[str] = mapped_column(String(32))
    recipient_org: Mapped[str] = mapped_column(String(64))
    recipient_role: Mapped[str] = mapped_column(String(32))
    person_ref: Mapped[str | None] = mapped_column(String(100))
    responsible_authority: Mapped[str | None] = mapped_column(String(64))
    #: The organisation whose duty this discharges (rule `duty_holder`); None for
    #: escalations and notices, the platform's own (revision 0002; older rows: None).
    duty_holder: Mapped[str | None] = mapped_column(String(64))
    subject: Mapped[dict[str, Any]] = mapped_column(JSON)
    due_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16))
    withheld_reason: Mapped[str | None] = mapped_column(String(200))
    sequence: Mapped[int]
    occurrence: Mapped[int | None]
    recurrence_anchor: Mapped[date | None]
    #: No occurrence of the recurring duty falls due on or after this day (age limit).
    recurrence_until: Mapped[date | None]
    #: Shared with the notifications a later event of the same key supersedes.
    supersede_key: Mapped[str | None] = mapped_column(String(300))
    escalation_of: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("notifications.id"))
    basis: Mapped[str] = mapped_column(String(32))
    citation: Mapped[str] = mapped_column(Text)
    #: A statutory deadline missed (counted in the figures).
    breach: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    delivered_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(100))
    overdue_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    ended_by_event: Mapped[str | None] = mapped_column(String(200))
    ended_reason: Mapped[str | None] = mapped_column(String(32))
    #: The next occurrence of a recurring duty has been made.
    successor_created: Mapped[bool] = mapped_column(default=False)
    #: A `before_event` duty (no fixed instant): what a later event must match to make it
    #: a breach (revision 0004).
    watch_key: Mapped[str | None] = mapped_column(String(300))
    #: The later event that came before the acknowledgement and made it a breach.
    breached_by_event: Mapped[str | None] = mapped_column(String(200))
    #: The day the visit was made, as the responsible authority recorded it.
    visited_on: Mapped[date | None]
    #: Why it was made (`notify.rules.trace.Trace` as JSON; revision 0007, older: None).
    trace: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: When the recipient is reminded (the escalation ladder), and when it was.
    remind_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
    #: The unit of the deadline's window (hour windows reach the emergency duty team).
    window_unit: Mapped[str | None] = mapped_column(String(16))
    #: A follow-up's step of the ladder (EscalationStep); None for the original.
    escalation_step: Mapped[str | None] = mapped_column(String(16))
    #: What the acknowledgement said: who acknowledged, a note, the action taken.
    acknowledged_person: Mapped[str | None] = mapped_column(String(200))
    acknowledgement_note: Mapped[str | None] = mapped_column(Text)
    acknowledgement_action: Mapped[str | None] = mapped_column(String(500))


class OrganisationSequence(Base):
    """The last sequence number given to a notification of each recipient organisation."""

    __tablename__ = "organisation_sequences"
    __tenant_columns__: ClassVar[tuple[str, ...]] = ("org",)

    org: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_sequence: Mapped[int] = mapped_column(default=0)
