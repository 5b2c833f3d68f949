from enum import StrEnum


class RuleBasis(StrEnum):
    LOCAL_POLICY = "local_policy"
    PROTOCOL = "protocol"
    STATUTORY = "statutory"
    STATUTORY_GUIDANCE = "statutory_guidance"

    def __str__(self) -> str:
        return str(self.value)
