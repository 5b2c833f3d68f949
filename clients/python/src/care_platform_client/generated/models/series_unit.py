from enum import StrEnum


class SeriesUnit(StrEnum):
    MONTH = "month"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)
