"""The CPS 10-point checklist: its sections, who writes each, when it is due. Pure.

Derbyshire protocol Appendix A ("Crown Prosecution Service 10 Point Checklist For
Offences in Children's Homes"): "Sections 1-8 to be completed by foster carers /
residential care staff; Sections 9 and 10 to be completed by police and CPS".
Appendix B: "Care staff complete 10 point checklist and send to Police within 24 hours"
of police involvement; rules.md `cps-checklist-due`.

rules.md Revision 2: the checklist applies only where the child's responsible authority
adopted the Derbyshire protocol (the `local_protocols` setting). London's authorities
use the Child Information Form instead, which the police complete (London protocol,
"Police roles": "The CIF replaces the previous 10-point checklist").

On the platform the writer's role is its organisation kind (reference organisations):
providers (carers, children's homes) and local authorities (the child's social worker)
write sections 1-8; police forces write sections 9-10 (the CPS is not a platform
organisation: the police record what the CPS adds).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from platform_shared.calendar import add_hours
from platform_shared.organisations import OrganisationKind
from platform_shared.protocols import LocalProtocol, LocalProtocols

#: Appendix B: "send to Police within 24 hours".
DUE_HOURS = 24

CARER_WRITERS = frozenset({OrganisationKind.PROVIDER, OrganisationKind.LOCAL_AUTHORITY})
POLICE_WRITERS = frozenset({OrganisationKind.POLICE})


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    writers: frozenset[OrganisationKind]

    @property
    def due_with_referral(self) -> bool:
        """Carers' sections are due 24 hours after police involvement; police's are not."""
        return self.writers == CARER_WRITERS


_TITLES = {
    1: "Disciplinary policy of the children's home (behaviour management and relationship policy)",
    2: "Why have the police been involved and is it agreed in the policy?",
    3: "Any informal action or disciplinary action already taken?",
    4: "Any apology, reparation or resolution?",
    5: "Victim's views: willingness to attend court, engage in a restorative intervention?",
    6: "Social worker's views: key carer, social worker, YOT or CAMHS on the effect of "
    "potential criminal justice intervention",
    7: "Care plan for the child or young person in care",
    8: "Recent behaviour and incidents, setting the offence into context",
    9: "Information about the incident from the child in care (interview or other)",
    10: "Aggravating and mitigating circumstances",
}

SECTIONS: Mapping[int, Section] = {
    number: Section(number, title, CARER_WRITERS if number <= 8 else POLICE_WRITERS)
    for number, title in _TITLES.items()
}
CARER_SECTIONS = tuple(number for number in SECTIONS if SECTIONS[number].due_with_referral)


def may_write(section: int, kind: OrganisationKind) -> bool:
    """Whether an organisation of `kind` may write `section` (Appendix A note)."""
    return kind in SECTIONS[section].writers


def due_at(police_involved_at: datetime) -> datetime:
    """When sections 1-8 are due: exactly 24 hours after police involvement (Appendix B)."""
    return add_hours(police_involved_at, DUE_HOURS)


def carer_sections_completed_at(completed: Mapping[int, datetime]) -> datetime | None:
    """When the last of sections 1-8 was first written, or None while any is missing."""
    if any(number not in completed for number in CARER_SECTIONS):
        return None
    return max(completed[number] for number in CARER_SECTIONS)


def protocol_applies(responsible_authority: str | None, protocols: LocalProtocols) -> bool | None:
    """Whether the child's responsible authority adopted the Derbyshire protocol, whose
    checklist this is; None while the authority is not known (status facts pending)."""
    if responsible_authority is None:
        return None
    return protocols.adopts(responsible_authority, LocalProtocol.DERBYSHIRE)


def not_adopted_reason(responsible_authority: str) -> str:
    return (
        f"Not required: the responsible authority ({responsible_authority}) has not adopted "
        "the Derbyshire protocol, whose CPS 10-point checklist this is"
    )
