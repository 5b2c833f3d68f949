from enum import StrEnum


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NOT_STATED = "not_stated"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
