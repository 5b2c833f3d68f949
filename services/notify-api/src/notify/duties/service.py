"""The duties board: deadlines of one organisation, as recipient or duty holder, soonest first.

An organisation sees a notification on its board when it is the recipient (it must
acknowledge) or the duty holder (the platform notified on its behalf and the
recipient's acknowledgement meets its duty). Any other organisation never sees it.
Acknowledging stays the recipient's alone (`notify.notifications.service`).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from notify.duties import repository
from notify.duties.schemas import DutyState
from notify.notifications.models import OPEN_STATUSES, Notification, NotificationStatus
from platform_shared.auth import Principal
from platform_shared.web.pagination import decode_instant_cursor, next_cursor_of

_STATES = {
    DutyState.OPEN: list(OPEN_STATUSES),
    DutyState.MET: [NotificationStatus.ACKNOWLEDGED],
}


def _due_and_id(row: Notification) -> list[str]:
    assert row.due_at is not None
    return [row.due_at.isoformat(), str(row.id)]


async def list_duties(
    session: AsyncSession,
    principal: Principal,
    *,
    state: DutyState,
    cursor: str | None,
    limit: int,
) -> tuple[list[Notification], str | None]:
    """Notifications of the caller's board with a deadline, in `state`, by due instant."""
    rows = await repository.board_rows(
        session,
        principal,
        statuses=_STATES.get(state),
        after=decode_instant_cursor(cursor) if cursor is not None else None,
        limit=limit + 1,
    )
    return next_cursor_of(rows, limit, _due_and_id)
