"""Local protocols and the authorities that adopted them (rules.md Revision 2).

A local protocol's rules (Derbyshire's CPS checklist; London's Child Information Form
and incident levels) apply only where the child's responsible authority adopted that
protocol. Which authorities did is a deployment setting (`local_protocols`, the same in
every service): protocol name -> authority codes, where a code ending in `*` names
every local authority whose code starts with what precedes it (`E09*`: every London
borough). Unset, the defaults below hold; a protocol the setting names replaces its
default, one it leaves out keeps it.

Pure: values in, values out. `load_local_protocols` refuses an unknown protocol or an
authority the reference directory does not hold, naming which.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from platform_shared.organisations import OrganisationDirectory


class LocalProtocol(StrEnum):
    """The local protocols whose rules the platform ships (seeds 002 and 004)."""

    #: Derbyshire: reducing criminalisation of looked-after children (CPS checklist).
    DERBYSHIRE = "derbyshire"
    #: London: the pan-London protocol (Child Information Form, incident levels 1-3).
    LONDON = "london"


#: Who adopted each protocol when the deployment does not say.
DEFAULT_ADOPTERS: Mapping[LocalProtocol, tuple[str, ...]] = {
    LocalProtocol.DERBYSHIRE: ("E10000007",),
    LocalProtocol.LONDON: ("E09*",),
}


class LocalProtocolError(ValueError):
    """The local protocols setting names an unknown protocol or authority."""


def _matches(pattern: str, code: str) -> bool:
    if pattern.endswith("*"):
        return code.startswith(pattern[:-1])
    return code == pattern


@dataclass(frozen=True)
class LocalProtocols:
    """Which authorities adopted which local protocol."""

    adopters: Mapping[LocalProtocol, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_ADOPTERS)
    )

    def adopted_by(self, authority: str | None) -> frozenset[LocalProtocol]:
        """The protocols `authority` adopted (none for an unknown or missing code)."""
        if not authority:
            return frozenset()
        return frozenset(
            protocol
            for protocol, patterns in self.adopters.items()
            if any(_matches(pattern, authority) for pattern in patterns)
        )

    def adopts(self, authority: str | None, protocol: LocalProtocol) -> bool:
        return protocol in self.adopted_by(authority)

    def authorities(self, protocol: LocalProtocol, directory: OrganisationDirectory) -> list[str]:
        """The local authority codes of the directory that adopted `protocol`, sorted."""
        patterns = self.adopters.get(protocol, ())
        return sorted(
            authority.code
            for authority in directory.local_authorities()
            if any(_matches(pattern, authority.code) for pattern in patterns)
        )


def load_local_protocols(
    setting: Mapping[str, Sequence[str]] | None, directory: OrganisationDirectory
) -> LocalProtocols:
    """The adopters in force: the defaults with `setting` applied, checked.

    Raises `LocalProtocolError` naming the protocol or the authority that is unknown, or
    a pattern that matches no local authority.
    """
    adopters: dict[LocalProtocol, tuple[str, ...]] = dict(DEFAULT_ADOPTERS)
    known = {authority.code for authority in directory.local_authorities()}
    for name, codes in (setting or {}).items():
        try:
            protocol = LocalProtocol(name)
        except ValueError:
            names = ", ".join(p.value for p in LocalProtocol)
            raise LocalProtocolError(
                f"local_protocols: unknown protocol {name!r}; one of {names}"
            ) from None
        if isinstance(codes, str):
            raise LocalProtocolError(f"local_protocols.{name}: give a list of authority codes")
        for code in codes:
            if not any(_matches(code, candidate) for candidate in known):
                raise LocalProtocolError(
                    f"local_protocols.{name}: {code!r} is not a local authority of the "
                    "reference directory"
                )
        adopters[protocol] = tuple(codes)
    return LocalProtocols(adopters)
