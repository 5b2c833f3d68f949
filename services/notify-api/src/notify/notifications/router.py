"""HTTP of the inbox: list, read and acknowledge the caller organisation's notifications."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Body, Query

from notify.auth import InboxAcknowledge, InboxRead
from notify.dependencies import AppSettings, Rules
from notify.notifications import service
from notify.notifications.models import NotificationStatus
from notify.notifications.schemas import (
    AcknowledgeRequest,
    Notification,
    NotificationDetail,
    NotificationPage,
    RecipientRole,
)
from notify.notifications.views import delivery_view, notification_detail, notification_view
from platform_shared.dependencies import Session
from platform_shared.fields import LARGEST_INTEGER_COLUMN, QUERY_INSTANT_DESCRIPTION, QueryInstant
from platform_shared.problems import Conflict, Invalid, NotFound, problem_responses
from platform_shared.web.clock import Now
from platform_shared.web.pagination import DEFAULT_LIMIT, Cursor, Limit

router = APIRouter(prefix="/v1/notifications", tags=["notifications"])


@router.get("", response_model=NotificationPage, responses=problem_responses())
async def list_notifications(
    caller: InboxRead,
    session: Session,
    catalogue: Rules,
    status: NotificationStatus | None = None,
    due_before: Annotated[
        QueryInstant | None,
        Query(description=f"Due strictly before this. {QUERY_INSTANT_DESCRIPTION}"),
    ] = None,
    rule: Annotated[str | None, Query(max_length=100)] = None,
    role: RecipientRole | None = None,
    after_sequence: Annotated[
        int | None,
        Query(
            ge=0,
            le=LARGEST_INTEGER_COLUMN,
            description="Only sequence numbers above this (gap recovery)",
        ),
    ] = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
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
    notification_id: uuid.UUID, caller: InboxRead, session: Session, catalogue: Rules
) -> NotificationDetail:
    """One notification of the caller's organisation, with its deliveries and their attempts."""
    row, deliveries = await service.read_notification(session, caller, notification_id)
    return notification_detail(
        row, catalogue, [delivery_view(delivery, attempts) for delivery, attempts in deliveries]
    )


@router.post(
    "/{notification_id}/acknowledge",
    response_model=Notification,
    responses=problem_responses(NotFound, Conflict, Invalid),
)
async def acknowledge_notification(
    notification_id: uuid.UUID,
    caller: InboxAcknowledge,
    session: Session,
    catalogue: Rules,
    settings: AppSettings,
    now: Now,
    # A default body, not `| None`: the document names the body's schema (no body at
    # all is the empty one, as before visits could be recorded).
    body: Annotated[AcknowledgeRequest, Body()] = AcknowledgeRequest(),
) -> Notification:
    """Acknowledge a notification addressed to the caller's organisation.

    Idempotent: acknowledging again answers the same notification and changes nothing.
    The deadline is met by acknowledgement, not by delivery; pushes still pending stop,
    and every open step of its escalation ladder is closed. The body may say who
    acknowledged, a note and the action taken: kept with the notification, shown to the
    duty holder (`GET /v1/duties`).
    A visit duty may say when the visit was made (`visited_on`); the next visit is due
    the interval after it.
    """
    row = await service.acknowledge(
        session,
        caller,
        notification_id,
        catalogue=catalogue,
        now=now,
        cutoff=timedelta(hours=settings.delivery_cutoff_hours),
        visited_on=body.visited_on,
        said=body,
    )
    return notification_view(row, catalogue)
