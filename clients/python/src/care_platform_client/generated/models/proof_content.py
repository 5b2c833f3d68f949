from enum import StrEnum


class ProofContent(StrEnum):
    HELD = "held"
    PURGED = "purged"

    def __str__(self) -> str:
        return str(self.value)
