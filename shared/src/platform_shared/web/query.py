"""Query parameters an operation does not declare are refused, not ignored.

A misspelt or invented filter (`person_ref` on an inbox that filters by `subject`) would
otherwise answer the unfiltered list, which the caller reads as the filtered one. Every
service installs `refuse_unknown_query_parameters` as an app-wide dependency, so each
operation refuses what its own signature does not declare: a 400 problem naming each
unknown parameter and the ones the operation takes.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel

from platform_shared.problems import DomainError, FieldIssue

#: Where a route keeps its declared names once worked out (routes are not hashable).
_CACHE_ATTRIBUTE = "_platform_declared_query"


class UnknownQueryParameter(DomainError):
    status, slug, title = 400, "unknown-query-parameter", "Unknown query parameter"


def declared_query_parameters(route: APIRoute) -> frozenset[str]:
    """The names (aliases) of the query parameters `route` declares, models included."""
    known: frozenset[str] | None = vars(route).get(_CACHE_ATTRIBUTE)
    if known is None:
        known = frozenset(_query_names(route.dependant))
        setattr(route, _CACHE_ATTRIBUTE, known)
    return known


def _query_names(dependant: Dependant) -> set[str]:
    names: set[str] = set()
    for field in dependant.query_params:
        annotation = field.field_info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names.update(info.alias or name for name, info in annotation.model_fields.items())
        else:
            names.add(field.alias)
    for sub_dependant in dependant.dependencies:
        names |= _query_names(sub_dependant)
    return names


def unknown_query_issues(names: list[str], declared: frozenset[str]) -> list[FieldIssue]:
    """One issue for each name of `names` that is not declared, in the order sent."""
    accepted = ", ".join(sorted(declared)) or "none"
    reason = f"not a parameter of this operation (it takes: {accepted})"
    unknown = dict.fromkeys(name for name in names if name not in declared)
    return [FieldIssue(f"query.{name}", reason) for name in unknown]


def refuse_query(names: list[str], declared: frozenset[str]) -> None:
    """Raise the 400 for the names of `names` that are not in `declared`."""
    issues = unknown_query_issues(names, declared)
    if issues:
        listed = ", ".join(issue.field.removeprefix("query.") for issue in issues)
        raise UnknownQueryParameter(f"Unknown query parameter: {listed}", errors=issues)


async def refuse_unknown_query_parameters(request: Request) -> None:
    """The app-wide dependency: the request's route declares every parameter it was sent."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    if not route.include_in_schema:  # the docs pages (Swagger UI's OAuth redirect)
        return
    refuse_query(list(request.query_params.keys()), declared_query_parameters(route))
