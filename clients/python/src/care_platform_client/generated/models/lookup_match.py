from enum import StrEnum


class LookupMatch(StrEnum):
    ONE = "one"
    SEVERAL_AUTHORITIES = "several_authorities"

    def __str__(self) -> str:
        return str(self.value)
