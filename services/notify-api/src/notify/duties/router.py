"""HTTP of the duties board: `GET /v1/duties`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from notify.dependencies import Rules
from notify.duties import service
from notify.duties.schemas import Duty, DutyPage
from notify.notifications.auth import InboxReader
from notify.notifications.views import notification_view
from notify.pagination import DEFAULT_LIMIT, MAX_LIMIT
from platform_shared.db import utc_now
from platform_shared.dependencies import Session
from platform_shared.problems import problem_responses

router = APIRouter(prefix="/v1/duties", tags=["duties"])


@router.get("", response_model=DutyPage, responses=problem_responses())
async def list_duties(
    caller: InboxReader,
    session: Session,
    catalogue: Rules,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> DutyPage:
    """Open deadlines of the caller's organisation, soonest first, overdue ones flagged.

    Includes recurring visit duties (one entry per occurrence due) and escalations.
    """
    rows, next_cursor = await service.open_duties(session, caller, cursor=cursor, limit=limit)
    now = utc_now()
    items = []
    for row in rows:
        view = notification_view(row, catalogue)
        assert view.due_at is not None and view.due_at_local is not None
        items.append(
            Duty(
                notification_id=view.id,
                rule=view.rule,
                title=view.rule_title,
                kind=view.kind,
                recipient=view.recipient,
                subject=view.subject,
                due_at=view.due_at,
                due_at_local=view.due_at_local,
                overdue=view.due_at < now,
                status=view.status,
                occurrence=view.occurrence,
                basis=view.basis,
            )
        )
    return DutyPage(items=items, next_cursor=next_cursor)
