from enum import StrEnum


class WindowDirection(StrEnum):
    AFTER = "after"
    BEFORE = "before"

    def __str__(self) -> str:
        return str(self.value)
