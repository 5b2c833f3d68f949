"""Request parameters of this service's own: `as_of`, the date a status is computed for.

The clock, pages and ETags are the platform's (`platform_shared.web`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from platform_shared.fields import IsoDate

AsOf = Annotated[
    IsoDate | None,
    Query(description="The date the status is computed for (default: today, Europe/London)"),
]
