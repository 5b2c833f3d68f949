"""The injectable clock: "now" and "today" come from the app, never from the OS directly.

Each app holds a `Clock` in `app.state.clock` (`create_service_app(clock=...)`); tests fix
it so that boundary dates stay literal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request

from platform_shared.calendar import utc_now

#: A source of the current instant (aware, UTC).
Clock = Callable[[], datetime]


async def current_instant(request: Request) -> datetime:
    """The instant of the request, from the app's clock.

    `async` so that FastAPI calls it on the event loop: a plain `def` dependency runs in
    the thread pool, a thread hand-off on every request for a clock read.
    """
    clock: Clock = getattr(request.app.state, "clock", utc_now)
    return clock()


Now = Annotated[datetime, Depends(current_instant)]
