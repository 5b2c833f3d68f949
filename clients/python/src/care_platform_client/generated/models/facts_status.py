from enum import StrEnum


class FactsStatus(StrEnum):
    PENDING = "pending"
    PERSON_UNKNOWN = "person_unknown"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
