"""HTTP of the duties board: `GET /v1/duties`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from notify.auth import InboxRead
from notify.dependencies import Rules
from notify.duties import service
from notify.duties.schemas import DutyPage, DutyState
from notify.duties.views import duty_view
from platform_shared.dependencies import Session
from platform_shared.problems import problem_responses
from platform_shared.web.clock import Now
from platform_shared.web.pagination import DEFAULT_LIMIT, Cursor, Limit

router = APIRouter(prefix="/v1/duties", tags=["duties"])


@router.get("", response_model=DutyPage, responses=problem_responses())
async def list_duties(
    caller: InboxRead,
    session: Session,
    catalogue: Rules,
    now: Now,
    state: Annotated[
        DutyState,
        Query(
            description="`open` (default: not acknowledged, ended or withheld), `met` "
            "(acknowledged) or `all`"
        ),
    ] = DutyState.OPEN,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> DutyPage:
    """Deadlines the caller's organisation receives or holds the duty of, soonest first.

    As recipient it must acknowledge them; as duty holder the platform notified on its
    behalf and sees when the recipient's acknowledgement met its duty (`met_at`,
    `met_on_time`). Includes recurring visit duties (one entry per occurrence) and
    escalations. Open ones past their deadline are flagged `overdue`.
    """
    rows, next_cursor = await service.list_duties(
        session, caller, state=state, cursor=cursor, limit=limit
    )
    return DutyPage(
        items=[duty_view(row, catalogue, caller_org=caller.org, now=now) for row in rows],
        next_cursor=next_cursor,
    )
