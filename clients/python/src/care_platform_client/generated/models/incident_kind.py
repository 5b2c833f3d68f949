from enum import StrEnum


class IncidentKind(StrEnum):
    ARREST = "arrest"
    BEHAVIOUR = "behaviour"
    CHARGE = "charge"
    COURT_HEARING = "court_hearing"
    COURT_OUTCOME = "court_outcome"
    CUSTODIAL_SENTENCE = "custodial_sentence"
    CUSTODY_DETENTION = "custody_detention"
    MISSING_EPISODE = "missing_episode"
    NO_FURTHER_ACTION = "no_further_action"
    OUT_OF_COURT_DISPOSAL = "out_of_court_disposal"
    POLICE_CONTACT = "police_contact"
    RELEASE = "release"
    REMAND = "remand"
    VOLUNTARY_INTERVIEW = "voluntary_interview"

    def __str__(self) -> str:
        return str(self.value)
