from enum import StrEnum


class RestorativeApproach(StrEnum):
    APOLOGY = "apology"
    DIRECT_MEDIATION = "direct_mediation"
    DIRECT_REPARATION = "direct_reparation"
    INDIRECT_MEDIATION = "indirect_mediation"
    INDIRECT_REPARATION = "indirect_reparation"
    OTHER = "other"
    RESTORATIVE_CONFERENCE = "restorative_conference"
    RESTORATIVE_CONVERSATION = "restorative_conversation"

    def __str__(self) -> str:
        return str(self.value)
