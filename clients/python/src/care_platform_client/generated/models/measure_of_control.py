from enum import StrEnum


class MeasureOfControl(StrEnum):
    CONTROL = "control"
    DISCIPLINE = "discipline"
    RESTRAINT = "restraint"

    def __str__(self) -> str:
        return str(self.value)
