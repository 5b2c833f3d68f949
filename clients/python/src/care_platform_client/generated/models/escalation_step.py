from enum import StrEnum


class EscalationStep(StrEnum):
    BREACH = "breach"
    OVERDUE = "overdue"
    REMINDER = "reminder"

    def __str__(self) -> str:
        return str(self.value)
