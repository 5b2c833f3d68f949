from enum import StrEnum


class SendOrDisability(StrEnum):
    NO = "no"
    NOT_KNOWN = "not_known"
    YES = "yes"

    def __str__(self) -> str:
        return str(self.value)
