from enum import StrEnum


class ConsentAnswer(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
