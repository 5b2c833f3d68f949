from enum import StrEnum


class DutyState(StrEnum):
    ALL = "all"
    MET = "met"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
