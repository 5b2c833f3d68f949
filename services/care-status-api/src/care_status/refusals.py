"""The HTTP answers of two refusals that say more than a plain problem.

- A read or change refused with a 404 (`RecordNotVisible`) is audited (issue 15 finding
  8). The request's own transaction rolls back with the error, so the audit row is written
  in a session of its own and committed before the 404 is answered.
- A create that duplicates a record (`DuplicateChild`, issue 15 finding 3) answers its 409
  with the existing record's id as the problem's `existing_child_id` member.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from care_status.care_record.service import RecordNotVisible, audit_refused
from care_status.children.schemas import DuplicateChildProblem
from care_status.children.service import DuplicateChild
from platform_shared.auth import Principal
from platform_shared.problems import PROBLEM_BASE, PROBLEM_MEDIA_TYPE, FieldError, problem_response

_READS = ("GET", "HEAD")

logger = logging.getLogger("care_status.refusals")


async def _refused_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RecordNotVisible)
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is not None:
        route = request.scope.get("route")
        factory: async_sessionmaker[AsyncSession] = request.app.state.session_factory
        try:
            async with factory() as session, session.begin():
                await audit_refused(
                    session,
                    principal,
                    exc.child_id,
                    "child.read" if request.method in _READS else "child.change",
                    # The route's template, not the path: it names the operation, not ids.
                    {"method": request.method, "operation": getattr(route, "path", None)},
                )
        except SQLAlchemyError:
            # No refusal goes unaudited: without its row the caller is told to retry.
            logger.warning("refused read not audited", extra={"child_id": str(exc.child_id)})
            return problem_response(
                503,
                "Service unavailable",
                slug="unavailable",
                detail="The database is busy or unreachable; retry shortly",
                instance=request.url.path,
                headers={"Retry-After": "1"},
            )
    return problem_response(
        exc.status, exc.title, slug=exc.slug, detail=exc.detail, instance=request.url.path
    )


async def _duplicate_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DuplicateChild)
    problem = DuplicateChildProblem(
        type=PROBLEM_BASE + exc.slug,
        title=exc.title,
        status=exc.status,
        detail=exc.detail,
        instance=request.url.path,
        errors=[FieldError(field=e.field, reason=e.reason) for e in exc.errors],
        existing_child_id=exc.existing_child_id,
    )
    return JSONResponse(
        problem.model_dump(mode="json", exclude_none=True),
        status_code=exc.status,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def install_refusal_handlers(app: FastAPI) -> None:
    """Register the two handlers (Starlette picks the most specific class of an error)."""
    app.add_exception_handler(RecordNotVisible, _refused_handler)
    app.add_exception_handler(DuplicateChild, _duplicate_handler)
