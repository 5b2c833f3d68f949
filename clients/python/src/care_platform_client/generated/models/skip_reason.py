from enum import StrEnum


class SkipReason(StrEnum):
    CLOSED_BEFORE_REGISTRATION = "closed_before_registration"
    CLOSED_WHEN_MADE = "closed_when_made"
    FILTERED = "filtered"
    NOT_PUSHED = "not_pushed"
    WITHHELD = "withheld"

    def __str__(self) -> str:
        return str(self.value)
