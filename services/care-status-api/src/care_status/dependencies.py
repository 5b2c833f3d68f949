"""Request parameters shared by the routers: the clock, If-Match, pagination, `as_of`.

"Today" and "now" come from the app's clock (`create_app(clock=...)`), never from the OS
directly, so that tests can fix the date and keep boundary dates literal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Header, Query, Request

from care_status.pagination import MAX_LIMIT
from platform_shared.fields import IsoDate

Clock = Callable[[], datetime]


async def current_instant(request: Request) -> datetime:
    """The instant of the request, from the app's clock (aware, UTC).

    `async` so that FastAPI calls it on the event loop: a plain `def` dependency is run in
    the thread pool, a thread hand-off on every request for a clock read.
    """
    clock: Clock = request.app.state.clock
    return clock()


Now = Annotated[datetime, Depends(current_instant)]

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=100,
        description='The ETag of the version being changed, e.g. `"3"` (required)',
    ),
]

AsOf = Annotated[
    IsoDate | None,
    Query(description="The date the status is computed for (default: today, Europe/London)"),
]

Cursor = Annotated[
    str | None, Query(max_length=200, description="`next_cursor` of the previous page")
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (at most 200)")]
