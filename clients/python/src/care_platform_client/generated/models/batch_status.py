from enum import StrEnum


class BatchStatus(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
