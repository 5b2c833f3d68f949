"""RFC 9457 problem documents for every error, and the domain errors that become them.

Domain code raises `DomainError` subclasses (never `HTTPException`); one set of handlers
turns them, validation errors and anything unexpected into `application/problem+json`.
A stack trace never reaches the client.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from platform_shared.tracebacks import without_values

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://care-platform.example/problems/"

logger = logging.getLogger("platform.problems")


class FieldError(BaseModel):
    """One reason a request was refused, naming the field it concerns."""

    field: str = Field(description="Dotted path of the field, e.g. `body.date_of_birth`")
    reason: str


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] | None = None


@dataclass(frozen=True)
class FieldIssue:
    field: str
    reason: str


class DomainError(Exception):
    """An error that service code raises; it carries its own status and problem type."""

    status: int = 400
    slug: str = "bad-request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Sequence[FieldIssue] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = list(errors)
        self.headers = headers or {}


class NotFound(DomainError):
    status, slug, title = 404, "not-found", "Not found"


class Forbidden(DomainError):
    status, slug, title = 403, "forbidden", "Forbidden"


class Unauthorized(DomainError):
    status, slug, title = 401, "unauthorized", "Unauthorized"


class Conflict(DomainError):
    status, slug, title = 409, "conflict", "Conflict"


class PreconditionFailed(DomainError):
    status, slug, title = 412, "precondition-failed", "Precondition failed"


class PreconditionRequired(DomainError):
    status, slug, title = 428, "precondition-required", "Precondition required"


class Invalid(DomainError):
    """A request that is well formed but breaks a rule; names the field and the reason."""

    status, slug, title = 422, "invalid", "Invalid request"

    def __init__(self, field: str, reason: str, *, detail: str | None = None) -> None:
        super().__init__(detail or f"{field}: {reason}", errors=[FieldIssue(field, reason)])

    @classmethod
    def of(cls, issues: Sequence[FieldIssue], detail: str) -> Invalid:
        """One 422 naming every field that breaks a rule (at least one)."""
        if not issues:
            raise ValueError("an Invalid names at least one field")
        error = cls(issues[0].field, issues[0].reason, detail=detail)
        error.errors = list(issues)
        return error


class ServiceUnavailable(DomainError):
    status, slug, title = 503, "unavailable", "Service unavailable"


def problem_response(
    status: int,
    title: str,
    *,
    slug: str | None = None,
    detail: str | None = None,
    instance: str | None = None,
    errors: Sequence[FieldIssue] = (),
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    problem = Problem(
        type=PROBLEM_BASE + (slug or str(status)),
        title=title,
        status=status,
        detail=detail,
        instance=instance,
        errors=[FieldError(field=e.field, reason=e.reason) for e in errors] or None,
    )
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _field_path(location: Sequence[Any]) -> str:
    return ".".join(str(part) for part in location)


def _validation_issues(exc: RequestValidationError) -> list[FieldIssue]:
    issues = []
    for error in exc.errors():
        location = list(error.get("loc", ()))
        reason = str(error.get("msg", "invalid"))
        if error.get("type") == "json_invalid":
            reason = "malformed JSON: " + str(error.get("ctx", {}).get("error", reason))
        issues.append(FieldIssue(_field_path(location) or "body", reason))
    return issues


def domain_error_response(exc: DomainError, *, instance: str | None) -> JSONResponse:
    """The problem document of a domain error, as the exception handler answers it (for an
    operation that answers the error itself so that what it wrote beside is committed)."""
    return problem_response(
        exc.status,
        exc.title,
        slug=exc.slug,
        detail=exc.detail,
        instance=instance,
        errors=exc.errors,
        headers=exc.headers,
    )


async def _domain_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return domain_error_response(exc, instance=request.url.path)


async def _validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem_response(
        422,
        "Invalid request",
        slug="invalid",
        detail="The request does not match the schema",
        instance=request.url.path,
        errors=_validation_issues(exc),
    )


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _allowed_methods(request: Request) -> str:
    """Every method some route serves at this path (Starlette names only the first route's)."""
    allowed = []
    for method in _METHODS:
        probe = {
            "type": "http",
            "path": request.scope["path"],
            "root_path": request.scope.get("root_path", ""),
            "method": method,
            "headers": [],
        }
        if any(route.matches(probe)[0] is Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return ", ".join(allowed)


async def _http_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers) if exc.headers else {}
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request)
    return problem_response(
        exc.status_code,
        str(exc.detail) if exc.detail else "Error",
        instance=request.url.path,
        headers=headers or None,
    )


async def _integrity_error_handler(request: Request, exc: Exception) -> JSONResponse:
    # A unique constraint lost to a concurrent writer: the caller may retry; never a 500.
    logger.info("integrity conflict", extra={"path": request.url.path})
    return problem_response(
        409,
        "Conflict",
        slug="conflict",
        detail="The request conflicts with a concurrent change; retry it",
        instance=request.url.path,
    )


async def _database_unavailable_handler(request: Request, exc: Exception) -> JSONResponse:
    logger.warning("database unavailable", extra={"path": request.url.path})
    return problem_response(
        503,
        "Service unavailable",
        slug="unavailable",
        detail="The database is busy or unreachable; retry shortly",
        instance=request.url.path,
        headers={"Retry-After": "1"},
    )


async def _unexpected_error_handler(request: Request, exc: Exception) -> JSONResponse:
    # Written out here without values, not passed as `exc_info`: any handler of the
    # record (a test's, a deployment's) would print the messages, and they hold values.
    logger.error(
        "unhandled error",
        extra={"path": request.url.path, "exception": without_values(exc)},
    )
    return problem_response(
        500,
        "Internal server error",
        slug="internal",
        detail="The error was logged; no details are disclosed",
        instance=request.url.path,
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error of `app` an RFC 9457 problem document."""
    app.add_exception_handler(DomainError, _domain_error_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_error_handler)
    app.add_exception_handler(IntegrityError, _integrity_error_handler)
    app.add_exception_handler(OperationalError, _database_unavailable_handler)
    app.add_exception_handler(Exception, _unexpected_error_handler)


def problem_responses(*errors: type[DomainError]) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses=` of an operation, built from the errors it can raise."""
    responses: dict[int | str, dict[str, Any]] = {
        400: {
            "model": Problem,
            "description": "The body cannot be read (not UTF-8 JSON), or a query parameter "
            "the operation does not take was sent (`errors` names it)",
        },
        401: {"model": Problem, "description": "Missing, expired or invalid bearer token"},
        403: {"model": Problem, "description": "The token lacks a required scope"},
        422: {"model": Problem, "description": "The request is invalid; `errors` names fields"},
    }
    for error in errors:
        responses[error.status] = {"model": Problem, "description": error.title}
    return responses


BODY_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"model": Problem, "description": "The body is larger than the service accepts"},
    415: {"model": Problem, "description": "The body is not JSON"},
}


def document_problem_media_type(openapi: dict[str, Any]) -> dict[str, Any]:
    """Document every error response as `application/problem+json`, as it is served.

    Operations with a body are also documented with the 413 and 415 the body guard gives.
    """
    documented = "Problem" in openapi.get("components", {}).get("schemas", {})
    for path_item in openapi.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            if documented and "requestBody" in operation:
                for status, response in BODY_RESPONSES.items():
                    responses.setdefault(
                        str(status),
                        {
                            "description": response["description"],
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Problem"}
                                }
                            },
                        },
                    )
            for status, response in responses.items():
                content = response.get("content", {})
                if str(status)[0] not in "45":
                    continue
                if "application/json" in content:
                    response["content"] = {PROBLEM_MEDIA_TYPE: content["application/json"]}
                    continue
                # An operation answering text (a checkpoint) still refuses with a problem:
                # FastAPI files its Problem model under the operation's own media type.
                problem = [
                    media
                    for media in content.values()
                    if media.get("schema") == {"$ref": "#/components/schemas/Problem"}
                ]
                if problem:
                    response["content"] = {PROBLEM_MEDIA_TYPE: problem[0]}
    return openapi
