"""Why a notification exists: the trace the rules leave as they run (explain, dry run).

Built by `notify.rules.evaluation` while it evaluates, kept as JSON on the notification
(`notifications.trace`), shown whole on `GET /v1/notifications/{id}` and by the dry run,
and as one sentence (`summary`) in the inbox list and the webhook body. It names facts
and their values as the event carried them: organisation codes, flags, dates of the
event, never a name or a date of birth (the facts block holds neither).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field

from platform_shared.calendar import bank_holiday_name, is_working_day


class ConditionTrace(BaseModel):
    """One condition of a rule: the fact it read, its value, what it had to be."""

    fact: str
    value: Any = Field(description="The value the event carried (null: absent or null)")
    expected: Any = Field(description="What the condition asks: a value, a list, {present}")
    held: bool


class RecipientTrace(BaseModel):
    """How a recipient's organisation was found."""

    role: str
    org: str | None
    from_fact: str | None = Field(description="The fact the organisation was read from")
    fact_value: str | None
    how: str = Field(examples=["home YOT of the responsible authority"])
    when: list[ConditionTrace] = Field(default_factory=list)


class SkippedDay(BaseModel):
    """A day a working-day window did not count."""

    day: date
    why: str = Field(examples=["weekend", "bank holiday: Christmas Day"])


class DeadlineTrace(BaseModel):
    """How the deadline was computed."""

    anchor: str | None = Field(description="The fact the window counts from (`time`: the event)")
    anchor_value: str | None
    unit: str | None
    amount: int | None
    direction: str | None
    due_at: datetime | None
    skipped: list[SkippedDay] = Field(default_factory=list)
    window_when: list[ConditionTrace] = Field(
        default_factory=list, description="Why this window of the rule was chosen"
    )
    recurrence: str | None = None
    reminder_at: datetime | None = Field(
        default=None, description="When the recipient is reminded (the escalation ladder)"
    )
    before_event: str | None = None


class WithheldTrace(BaseModel):
    """Why nothing is sent: the rule that withheld it and the fact it read."""

    rule: str
    reason: str
    facts: list[ConditionTrace]


class StepTrace(BaseModel):
    """A step of the escalation ladder: what it chases and why this organisation."""

    step: str = Field(examples=["reminder", "overdue", "breach"])
    of: str = Field(description="The id of the notification it chases")
    because: str
    recipient_reason: str


class RuleTrace(BaseModel):
    """One rule the event met: matched or not, and why."""

    rule: str
    title: str
    basis: str
    citation: str
    matched: bool
    why: str
    conditions: list[ConditionTrace] = Field(default_factory=list)
    unless: list[ConditionTrace] = Field(default_factory=list)


class Trace(BaseModel):
    """Why a notification was made, to whom and by when."""

    rules_version: str
    event_type: str | None
    rule: RuleTrace
    duty_holder: RecipientTrace | None = None
    recipient: RecipientTrace | None = None
    deadline: DeadlineTrace | None = None
    withheld: WithheldTrace | None = None
    step: StepTrace | None = None

    def summary(self) -> str:
        """One sentence of the trace (the webhook body and the inbox list carry it)."""
        parts = [f"rule {self.rule.rule}: {self.rule.why}"]
        if self.recipient is not None:
            parts.append(f"to {self.recipient.org} ({self.recipient.how})")
        if self.withheld is not None:
            parts.append(f"withheld: {self.withheld.reason}")
        if self.deadline is not None and self.deadline.due_at is not None:
            skipped = (
                f", {len(self.deadline.skipped)} days skipped" if self.deadline.skipped else ""
            )
            parts.append(
                f"due {self.deadline.amount} {self.deadline.unit} {self.deadline.direction} "
                f"{self.deadline.anchor}{skipped}"
            )
        if self.step is not None:
            parts.append(f"{self.step.step}: {self.step.because}; to {self.step.recipient_reason}")
        return "; ".join(parts)


def skipped_days(first: date, last: date) -> list[SkippedDay]:
    """The days from `first` to `last` (both included) that are not working days, and why."""
    skipped = []
    day = first
    while day <= last:
        if not is_working_day(day):
            name = bank_holiday_name(day)
            why = f"bank holiday: {name}" if name else "weekend"
            skipped.append(SkippedDay(day=day, why=why))
        day += timedelta(days=1)
    return skipped


def text(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date | datetime) else str(value)
