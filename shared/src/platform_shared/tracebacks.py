"""Tracebacks without values, for logs that must hold ids and never personal data.

An exception's message is where values end up: a driver error quotes the argument it
could not encode, pydantic quotes the input it refused, SQLAlchemy appends the statement's
parameters (the child's name, date of birth and NHS number: issue 15). So a logged
exception is written as its frames (file, line, function, the source line) and the type
of each exception in its chain, with the SQLSTATE of a database error, never the message.
"""

from __future__ import annotations

import traceback
from types import TracebackType

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _name(error: BaseException) -> str:
    kind = type(error)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    # The SQLSTATE says what the database refused without saying what it was given.
    original = getattr(error, "orig", None)
    code = getattr(error, "sqlstate", None) or getattr(original, "sqlstate", None)
    return f"{name} (SQLSTATE {code})" if isinstance(code, str) else name


def _chain(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return list(reversed(chain))


def without_values(error: BaseException) -> str:
    """`error`'s traceback, oldest exception of its chain first, with no message."""
    parts = []
    for link in _chain(error):
        frames = "".join(traceback.format_tb(link.__traceback__))
        parts.append(f"Traceback (most recent call last):\n{frames}{_name(link)}")
    return "\n\nThe above led to:\n\n".join(parts)
