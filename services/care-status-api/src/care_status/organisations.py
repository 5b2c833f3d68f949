"""Organisations as care-status-api uses them: authorities by GSS code, providers, routes.

Validates against the platform's reference directory
(`platform_shared.organisations.load_directory()`), never a list of our own.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from platform_shared.organisations import OrganisationKind, load_directory
from platform_shared.problems import Forbidden, Invalid

#: The notify-api route by which a responsible authority's children's services are told.
#: In v1 the out-of-hours duty team is reached through the same route (notify-api routes
#: by time of day within it).
CHILDREN_SERVICES_ROUTE = "route:{gss}:children-services"
#: The route of a personal adviser: the authority's leaving-care service (docs/api.md).
LEAVING_CARE_ROUTE = "route:{gss}:leaving-care"


class AuthorityRef(BaseModel):
    """A local authority, by ONS GSS code, with its name."""

    code: str = Field(examples=["E09000007"])
    name: str = Field(examples=["Camden"])


def authority_ref(code: str) -> AuthorityRef:
    organisation = load_directory().get(code)
    return AuthorityRef(code=code, name=organisation.name if organisation else code)


def require_local_authority(code: str, field: str) -> str:
    """`code` when it is the GSS code of a local authority, else a 422 naming `field`."""
    if not load_directory().is_local_authority(code):
        raise Invalid(field, "not the GSS code of an English local authority")
    return code


def require_provider(code: str, field: str) -> str:
    """`code` when it is a provider organisation of the directory, else a 422 naming `field`."""
    organisation = load_directory().get(code)
    if organisation is None or organisation.kind is not OrganisationKind.PROVIDER:
        raise Invalid(field, "not the code of a provider organisation")
    return code


def require_responsible_authority(org: str) -> str:
    """The caller's org when it is a local authority: only they hold children's records."""
    if not load_directory().is_local_authority(org):
        raise Forbidden("Only a local authority can hold children's records")
    return org


def children_services_route(gss: str) -> str:
    return CHILDREN_SERVICES_ROUTE.format(gss=gss)


def leaving_care_route(gss: str) -> str:
    return LEAVING_CARE_ROUTE.format(gss=gss)
