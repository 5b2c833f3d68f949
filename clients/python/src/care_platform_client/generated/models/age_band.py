from enum import StrEnum


class AgeBand(StrEnum):
    UNDER_10 = "under_10"
    VALUE_1 = "10_13"
    VALUE_2 = "14_15"
    VALUE_3 = "16_17"
    VALUE_4 = "18_20"
    VALUE_5 = "21_24"
    VALUE_6 = "25_plus"

    def __str__(self) -> str:
        return str(self.value)
