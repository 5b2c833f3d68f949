"""Field types for request models: dates and instants as ISO 8601 text, never numbers.

pydantic's lax mode would read `0`, `"0"` or `1.5` as a Unix time (1970-01-01 in UTC); the
design asks for strict types at the edge, so a date or instant not written as one is
refused with 422 like any other invalid field.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AwareDatetime, BeforeValidator

_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")


def _written_as_text(value: object) -> object:
    if isinstance(value, bool | int | float) or (
        isinstance(value, str) and _NUMBER.fullmatch(value)
    ):
        raise ValueError("must be ISO 8601 text (2026-06-10, 2026-06-10T14:00:00+01:00)")
    return value


#: A date in a request: ISO 8601 text only (`2026-12-22`).
IsoDate = Annotated[date, BeforeValidator(_written_as_text)]
#: An instant in a request: ISO 8601 text with an offset only.
IsoInstant = Annotated[AwareDatetime, BeforeValidator(_written_as_text)]
