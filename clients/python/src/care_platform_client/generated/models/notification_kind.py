from enum import StrEnum


class NotificationKind(StrEnum):
    ESCALATION = "escalation"
    NOTICE = "notice"
    RECURRING = "recurring"
    RULE = "rule"

    def __str__(self) -> str:
        return str(self.value)
