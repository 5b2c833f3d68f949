"""HTTP of the inbox: list, read and acknowledge the caller organisation's notifications."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from notify.dependencies import AppSettings, Rules
from notify.notifications import service
from notify.notifications.auth import InboxAcknowledger, InboxReader
from notify.notifications.models import NotificationStatus
from notify.notifications.schemas import (
    Notification,
    NotificationDetail,
    NotificationPage,
    RecipientRole,
)
from notify.notifications.views import delivery_view, notification_detail, notification_view
from notify.pagination import DEFAULT_LIMIT, MAX_LIMIT
from platform_shared.audit import record_audit
from platform_shared.calendar import utc_now
from platform_shared.dependencies import Session
from platform_shared.fields import IsoInstant
from platform_shared.problems import Conflict, NotFound, problem_responses

router = APIRouter(prefix="/v1/notifications", tags=["notifications"])


@router.get("", response_model=NotificationPage, responses=problem_responses())
async def list_notifications(
    caller: InboxReader,
    session: Session,
    catalogue: Rules,
    status: NotificationStatus | None = None,
    due_before: Annotated[
        IsoInstant | None,
        Query(description="Due strictly before this instant (ISO 8601 with an offset)"),
    ] = None,
    rule: Annotated[str | None, Query(max_length=100)] = None,
    role: RecipientRole | None = None,
    after_sequence: Annotated[
        int | None, Query(ge=0, description="Only sequence numbers above this (gap recovery)")
    ] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> NotificationPage:
    """The caller organisation's notifications in `sequence` order, filtered and paged."""
    rows, next_cursor = await service.list_notifications(
        session,
        caller,
        service.InboxFilter(
            status=status,
            due_before=due_before,
            rule=rule,
            role=role,
            after_sequence=after_sequence,
        ),
        cursor=cursor,
        limit=limit,
    )
    return NotificationPage(
        items=[notification_view(row, catalogue) for row in rows], next_cursor=next_cursor
    )


@router.get(
    "/{notification_id}",
    response_model=NotificationDetail,
    responses=problem_responses(NotFound),
)
async def get_notification(
    notification_id: uuid.UUID, caller: InboxReader, session: Session, catalogue: Rules
) -> NotificationDetail:
    """One notification of the caller's organisation, with its deliveries and their attempts."""
    row = await service.get_readable_notification(session, caller, notification_id)
    record_audit(
        session,
        caller,
        "notification.read",
        subject_type="notification",
        subject_id=row.id,
        subject_owner=row.responsible_authority,
    )
    deliveries = [
        delivery_view(delivery, attempts)
        for delivery, attempts in await service.deliveries_of(session, row)
    ]
    return notification_detail(row, catalogue, deliveries)


@router.post(
    "/{notification_id}/acknowledge",
    response_model=Notification,
    responses=problem_responses(NotFound, Conflict),
)
async def acknowledge_notification(
    notification_id: uuid.UUID,
    caller: InboxAcknowledger,
    session: Session,
    catalogue: Rules,
    settings: AppSettings,
) -> Notification:
    """Acknowledge a notification addressed to the caller's organisation.

    Idempotent: acknowledging again answers the same notification and changes nothing.
    The deadline is met by acknowledgement, not by delivery; pushes still pending stop.
    """
    row, changed = await service.acknowledge(
        session,
        caller,
        notification_id,
        catalogue=catalogue,
        now=utc_now(),
        cutoff=timedelta(hours=settings.delivery_cutoff_hours),
    )
    if changed:
        record_audit(
            session,
            caller,
            "notification.acknowledge",
            subject_type="notification",
            subject_id=row.id,
            subject_owner=row.responsible_authority,
            outcome="late"
            if row.overdue_at or (row.due_at and row.due_at < utc_now())
            else "on_time",
        )
    return notification_view(row, catalogue)
