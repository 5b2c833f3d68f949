from enum import StrEnum


class ResponseCategory(StrEnum):
    IMMEDIATE_POLICE_RESPONSE = "immediate_police_response"
    INTERNAL_RESOLUTION = "internal_resolution"
    POLICE_ADVICE = "police_advice"

    def __str__(self) -> str:
        return str(self.value)
