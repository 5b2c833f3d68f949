"""What no request may carry, refused before any route sees it (docs/decisions.md D22).

Every service stores text in PostgreSQL or SQLite and numbers in 64-bit columns, and
parses JSON with Python's recursive parser. So, in every string of a JSON body (values
and member names), of the query string and of the path:

- C0 control characters other than TAB, LF and CR, DEL and C1 controls (U+0080-U+009F)
  are refused: PostgreSQL refuses U+0000 (a 500 whose log line held the row's values),
  SQLite stores it, and none of them is text a person typed. TAB, LF and CR are kept:
  free text (an account of an incident) has line breaks.
- Lone surrogates (`"\\ud800"`) are refused: they are not Unicode text, and neither
  database's UTF-8 encoding takes them.

In a JSON body, also: nesting deeper than `MAX_JSON_DEPTH` (Python's parser recursed
out of its stack at 50,000), integers outside 64 bits, and numbers that are not finite
(`NaN`, `Infinity`, `1e999`).

Each is a 422 problem naming the field (`body.given_name`, `query.person_ref`). A body
needs checking only if it holds an escape, a DEL or C1 byte, a long run of digits or a
non-finite number, which one scan finds; the others pass with that scan and a count of
brackets, so the hot path (lookups) pays microseconds.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from platform_shared.fields import LARGEST_STORED_INTEGER
from platform_shared.problems import FieldIssue, problem_response

#: The deepest nesting of arrays and objects a body may have (the platform's bodies nest 4).
MAX_JSON_DEPTH = 32

#: Characters no string may hold (see the module docstring).
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

#: What in a raw body means it must be parsed and walked: an escape that can write a
#: control character (`\u`, `\b`, `\f`), DEL or a C1 control in UTF-8, 19 digits or
#: more, a non-finite literal, a three-digit exponent.
_NEEDS_WALK = re.compile(rb"\\[ubf]|\x7f|\xc2[\x80-\x9f]|\d{19}|NaN|Infinity|[eE][-+]?\d{3}")
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")

_CONTROL_REASON = "must not contain control characters (U+{code:04X}) or lone surrogates"
DEPTH_REASON = f"JSON nested deeper than {MAX_JSON_DEPTH} levels"
_INTEGER_REASON = (
    f"must be an integer from {-LARGEST_STORED_INTEGER - 1} to {LARGEST_STORED_INTEGER}"
)
_NUMBER_REASON = "must be a finite number"


def forbidden_character(text: str) -> str | None:
    """Why `text` is refused (its first forbidden character), or None if it is not."""
    found = FORBIDDEN_CHARACTERS.search(text)
    return None if found is None else _CONTROL_REASON.format(code=ord(found.group()))


def too_deep(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text `raw` nests arrays and objects deeper than `limit`."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    depth = 0
    for bracket in _BRACKETS.findall(_STRING.sub(b'""', raw)):
        if bracket in b"[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def body_issues(raw: bytes) -> list[FieldIssue]:
    """Why the JSON body `raw` is refused, naming each field; empty if it is not.

    A body that is not JSON at all is left to the route (its own 400 or 422).
    """
    if too_deep(raw):
        return [FieldIssue("body", DEPTH_REASON)]
    if _NEEDS_WALK.search(raw) is None:
        return []
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or a 5,000-digit number
        return []
    return list(_value_issues(document, "body"))


def _value_issues(value: Any, path: str) -> Iterator[FieldIssue]:
    if isinstance(value, str):
        reason = forbidden_character(value)
        if reason:
            yield FieldIssue(path, reason)
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        if not -LARGEST_STORED_INTEGER - 1 <= value <= LARGEST_STORED_INTEGER:
            yield FieldIssue(path, _INTEGER_REASON)
    elif isinstance(value, float):
        if not math.isfinite(value):
            yield FieldIssue(path, _NUMBER_REASON)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _value_issues(item, f"{path}.{index}")
    elif isinstance(value, dict):
        for name, item in value.items():
            reason = forbidden_character(name)
            if reason:
                yield FieldIssue(path, f"a member name {reason}")
                continue
            yield from _value_issues(item, f"{path}.{name}")


def query_issues(query_string: bytes) -> list[FieldIssue]:
    """Why the query string is refused, naming each parameter; empty if it is not."""
    if not query_string:
        return []
    issues = []
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    for name, value in pairs:
        reason = forbidden_character(name) or forbidden_character(value)
        if reason:
            field = "query" if forbidden_character(name) else f"query.{name}"
            issues.append(FieldIssue(field, reason))
    return issues


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            media_type: str = value.decode("latin-1").split(";")[0].strip().lower()
            return media_type == "application/json" or media_type.endswith("+json")
    return False


class InputGuardMiddleware:
    """Refuse, with a 422 naming the field, what `body_issues` and `query_issues` find.

    It sits inside the body guard: the body it collects is already bounded in size.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path_reason = forbidden_character(scope.get("path", ""))
        issues = [FieldIssue("path", path_reason)] if path_reason else []
        issues += query_issues(scope.get("query_string", b""))
        replay = receive
        if scope["method"] in {"POST", "PUT", "PATCH"} and _is_json(scope):
            raw, replay = await _collected(receive)
            issues += body_issues(raw)
        if issues:
            response = problem_response(
                422,
                "Invalid request",
                slug="invalid",
                detail="The request holds values no field accepts",
                instance=scope.get("path"),
                errors=issues,
            )
            await response(scope, replay, send)
            return
        await self.app(scope, replay, send)


async def _collected(receive: Receive) -> tuple[bytes, Receive]:
    """The whole body, and a `receive` that hands it on as one message, then the rest."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away
            return b"", _replaying([message], receive)
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    raw = b"".join(chunks)
    return raw, _replaying([{"type": "http.request", "body": raw, "more_body": False}], receive)


def _replaying(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
