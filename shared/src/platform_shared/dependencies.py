"""FastAPI dependencies every service uses: the request's database session.

The session commits when the operation returns and rolls back when it raises, before
the response is sent (`scope="function"`), so a failed commit is an error response,
never a success that did not happen.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from platform_shared.db import session_scope


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async for session in session_scope(request.app.state.session_factory):
        yield session


Session = Annotated[AsyncSession, Depends(get_session, scope="function")]
