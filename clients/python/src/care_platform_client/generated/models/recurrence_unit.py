from enum import StrEnum


class RecurrenceUnit(StrEnum):
    MONTHS = "months"
    WEEKS = "weeks"

    def __str__(self) -> str:
        return str(self.value)
