from enum import StrEnum


class RuleOutcome(StrEnum):
    NOTIFY = "notify"
    WITHHOLD = "withhold"

    def __str__(self) -> str:
        return str(self.value)
