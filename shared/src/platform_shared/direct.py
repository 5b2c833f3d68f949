"""A JSON operation served by Starlette directly, for the platform's hottest path (lookups).

FastAPI's per-request machinery (its dependency solver, two exit stacks per request, the
answer validated again against the response model before it is serialised) cost a
lookup more CPU than the lookup's own database work (docs/performance.md). A
`DirectRoute` does the same steps once each, with the platform's own pieces:

- the bearer token and scopes are checked by `authorize`, the function the `Security`
  dependencies of every other operation call;
- the body is parsed and validated by its pydantic model, and a failure is FastAPI's own
  `RequestValidationError` with the same locations (`body.<field>`), so the caller gets
  the same 422 problem document;
- the handler's answer (a pydantic model) is serialised once.

Errors are the platform's exceptions, answered by the app's problem handlers. The OpenAPI
document describes the operation from `documentation()`: a FastAPI route declared with
the same body, scopes, answer and handler, which the app puts in the document and never
mounts. It would serve the operation identically; it is only slower.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Security
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Route
from starlette.types import Scope

from platform_shared.auth import Principal, authorize, require_scopes
from platform_shared.web.input_guard import DEPTH_REASON, too_deep
from platform_shared.web.query import refuse_query

Body = TypeVar("Body", bound=BaseModel)

#: What a direct operation does: the request, the authorised caller and the valid body in,
#: the answer out.
Handler = Callable[[Request, Principal, Body], Awaitable[BaseModel]]


def parse_body(model: type[Body], raw: bytes) -> Body:
    """The request body as `model`, or the error FastAPI raises for the same body."""
    if not raw:
        missing = {"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}
        raise RequestValidationError([missing])
    if too_deep(raw):
        # Python's parser recurses: nesting 50,000 deep ran it out of stack (a 500).
        deep = {"type": "value_error", "loc": ("body",), "msg": DEPTH_REASON, "input": None}
        raise RequestValidationError([deep])
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        malformed = {
            "type": "json_invalid",
            "loc": ("body", error.pos),
            "msg": "JSON decode error",
            "input": {},
            "ctx": {"error": error.msg},
        }
        raise RequestValidationError([malformed]) from error
    except ValueError as error:  # not UTF-8, or a number longer than Python parses
        raise HTTPException(400, "There was an error parsing the body") from error
    try:
        return model.model_validate(data, from_attributes=True)
    except ValidationError as error:
        issues = [{**issue, "loc": ("body", *issue["loc"])} for issue in error.errors()]
        raise RequestValidationError(issues) from error


class DirectRoute(Route, Generic[Body]):
    """`POST path`: authorise, validate the body, run `handler`, answer its model as JSON."""

    def __init__(
        self,
        path: str,
        handler: Handler[Body],
        *,
        body: type[Body],
        answer: type[BaseModel],
        scopes: Sequence[str],
        tags: Sequence[str],
        responses: dict[int | str, dict[str, Any]] | None = None,
        status_code: int = 200,
    ) -> None:
        self.handler = handler
        self.body = body
        self.answer = answer
        self.scopes = tuple(scopes)
        self.tags = list(tags)
        self.responses = responses
        self.status_code = status_code
        super().__init__(
            path, self._serve, methods=["POST"], name=handler.__name__, include_in_schema=False
        )

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child_scope = super().matches(scope)
        if match is not Match.NONE:
            child_scope["route"] = self  # the route template of the request metrics
        return match, child_scope

    async def _serve(self, request: Request) -> Response:
        if request.query_params:  # a direct operation takes none
            refuse_query(list(request.query_params.keys()), frozenset())
        caller = await authorize(request, request.headers.get("authorization"), self.scopes)
        body = parse_body(self.body, await request.body())
        answer = await self.handler(request, caller, body)
        return Response(
            answer.model_dump_json(), status_code=self.status_code, media_type="application/json"
        )

    def documentation(self, generate_unique_id: Callable[[APIRoute], str]) -> APIRoute:
        """The same operation as a FastAPI route, for the OpenAPI document only."""
        handler = self.handler
        caller_type = Annotated[Principal, Security(require_scopes, scopes=list(self.scopes))]

        async def operation(request: Request, body: Any, caller: Any) -> Any:
            return await handler(request, caller, body)

        parameter = inspect.Parameter.POSITIONAL_OR_KEYWORD
        operation.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [
                inspect.Parameter("request", parameter, annotation=Request),
                inspect.Parameter("body", parameter, annotation=self.body),
                inspect.Parameter("caller", parameter, annotation=caller_type),
            ],
            return_annotation=self.answer,
        )
        operation.__name__ = handler.__name__
        operation.__doc__ = handler.__doc__
        return APIRoute(
            self.path,
            operation,
            methods=["POST"],
            name=handler.__name__,
            response_model=self.answer,
            status_code=self.status_code,
            tags=list(self.tags),
            responses=self.responses,
            generate_unique_id_function=generate_unique_id,
        )
