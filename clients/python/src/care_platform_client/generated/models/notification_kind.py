from enum import StrEnum


class NotificationKind(StrEnum):
    ESCALATION = "escalation"
    NOTICE = "notice"
    RECURRING = "recurring"
    REMINDER = "reminder"
    RULE = "rule"

    def __str__(self) -> str:
        return str(self.value)
