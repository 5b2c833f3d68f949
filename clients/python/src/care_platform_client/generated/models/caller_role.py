from enum import StrEnum


class CallerRole(StrEnum):
    DUTY_HOLDER = "duty_holder"
    RECIPIENT = "recipient"

    def __str__(self) -> str:
        return str(self.value)
