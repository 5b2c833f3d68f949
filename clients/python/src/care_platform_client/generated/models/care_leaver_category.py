from enum import StrEnum


class CareLeaverCategory(StrEnum):
    ELIGIBLE = "eligible"
    FORMER_RELEVANT = "former_relevant"
    QUALIFYING = "qualifying"
    RELEVANT = "relevant"

    def __str__(self) -> str:
        return str(self.value)
