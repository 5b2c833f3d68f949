"""Dead-lettered events: what notify-api refused, shown to the organisation that caused it.

An event notify-api refuses for good (`platform_shared.outbox.REFUSALS`) is never retried
blind: the relay marks it `dead_letter` with the refusal's reasons. The organisation the
event belongs to (`OutboxEvent.org`: the recorder of an incident, the responsible
authority of a record) lists its dead letters, newest first, with the record that
caused each (the subject person_ref and the record's id in the data), and, once the
cause is put right (a corrected record, a notify-api release that accepts it), sends one
again with `POST /v1/dead-letters/{id}/retry`: the same event id, so notify-api still
takes it in once. Both are audited. The count is `outbox_dead_letters` in `/metrics`.
"""

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Security
from pydantic import BaseModel, Field
from sqlalchemy import Select, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from platform_shared.audit import record_audit
from platform_shared.auth import Principal, require_scopes
from platform_shared.calendar import utc_now
from platform_shared.dependencies import Session
from platform_shared.outbox import DEAD_LETTER, PENDING, OutboxEvent
from platform_shared.problems import NotFound, problem_responses
from platform_shared.tenancy import tenant_scope
from platform_shared.web.pagination import (
    Cursor,
    Limit,
    Page,
    decode_instant_cursor,
    next_cursor_of,
)

#: The data fields that name the record an event announces.
RECORD_FIELDS = ("incident_id", "placement_id", "legal_status_id")


class DeadLetter(BaseModel):
    """An event notify-api refused, and why."""

    id: uuid.UUID = Field(description="The event id (CloudEvents `id`)")
    type: str
    subject: str | None = Field(description="The person_ref the event is about")
    record_id: str | None = Field(
        description="The record the event announces (incident, placement or legal status id)"
    )
    reason: str | None = Field(description="notify-api's refusal: status, detail and fields")
    attempts: int
    created_at: datetime
    dead_lettered_at: datetime | None


class DeadLetterPage(Page[DeadLetter]):
    """The caller's dead-lettered events, most recently refused first."""


class RetryAccepted(BaseModel):
    id: uuid.UUID
    status: str = Field(description="`pending`: the relay sends it again at once")


def _record_id(data: dict[str, Any]) -> str | None:
    for name in RECORD_FIELDS:
        value = data.get(name)
        if isinstance(value, str):
            return value
    return None


def _as_dead_letter(event: OutboxEvent) -> DeadLetter:
    return DeadLetter(
        id=event.id,
        type=event.type,
        subject=event.subject,
        record_id=_record_id(event.data or {}),
        reason=event.last_error,
        attempts=event.attempts,
        created_at=event.created_at,
        dead_lettered_at=event.dead_lettered_at,
    )


@tenant_scope
def _dead_letters_of(principal: Principal) -> Select[OutboxEvent]:
    return select(OutboxEvent).where(
        OutboxEvent.org == principal.org, OutboxEvent.status == DEAD_LETTER
    )


async def list_dead_letters(
    session: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> tuple[list[OutboxEvent], str | None]:
    statement = _dead_letters_of(principal)
    if cursor is not None:
        at, event_id = decode_instant_cursor(cursor)
        statement = statement.where(
            or_(
                OutboxEvent.dead_lettered_at < at,
                tuple_(OutboxEvent.dead_lettered_at, OutboxEvent.id) < (at, event_id),
            )
        )
    statement = statement.order_by(
        OutboxEvent.dead_lettered_at.desc(), OutboxEvent.id.desc()
    ).limit(limit + 1)
    rows = list(await session.scalars(statement))
    return next_cursor_of(rows, limit, lambda row: [row.dead_lettered_at.isoformat(), str(row.id)])


async def retry_dead_letter(
    session: AsyncSession, principal: Principal, event_id: uuid.UUID
) -> OutboxEvent:
    """Make one of the caller's dead letters pending again (idempotent: a pending one
    stays pending); 404 for another organisation's event or one not dead-lettered."""
    event = await session.scalar(_dead_letters_of(principal).where(OutboxEvent.id == event_id))
    if event is None:
        pending = await session.scalar(
            _owned(principal).where(OutboxEvent.id == event_id, OutboxEvent.status == PENDING)
        )
        if pending is None:
            raise NotFound("No dead-lettered event of your organisation with this id")
        return pending
    await session.execute(
        update(OutboxEvent)
        .where(OutboxEvent.id == event.id, OutboxEvent.status == DEAD_LETTER)
        .values(status=PENDING, next_attempt_at=utc_now(), dead_lettered_at=None)
        .execution_options(synchronize_session=False)
    )
    record_audit(session, principal, "dead_letter.retry", subject_type="event", subject_id=event.id)
    event.status = PENDING
    return event


@tenant_scope
def _owned(principal: Principal) -> Select[OutboxEvent]:
    return select(OutboxEvent).where(OutboxEvent.org == principal.org)


def dead_letter_router(read_scope: str, write_scope: str) -> APIRouter:
    """`GET /v1/dead-letters` (`read_scope`) and its retry (`write_scope`) for a service."""
    reader = Annotated[Principal, Security(require_scopes, scopes=[read_scope])]
    writer = Annotated[Principal, Security(require_scopes, scopes=[write_scope])]
    router = APIRouter(prefix="/v1/dead-letters", tags=["dead_letters"])

    @router.get(
        "",
        response_model=DeadLetterPage,
        summary="Events of your organisation that notify-api refused",
        description=f"Scope `{read_scope}`. Newest refusal first. Each names the record "
        "that caused it and notify-api's reasons; nothing is retried until you ask.",
        responses=problem_responses(),
    )
    async def list_refused_events(
        session: Session, principal: reader, cursor: Cursor = None, limit: Limit = 50
    ) -> DeadLetterPage:
        rows, next_cursor = await list_dead_letters(session, principal, cursor=cursor, limit=limit)
        record_audit(session, principal, "dead_letter.list", subject_type="event")
        return DeadLetterPage(items=[_as_dead_letter(row) for row in rows], next_cursor=next_cursor)

    @router.post(
        "/{event_id}/retry",
        response_model=RetryAccepted,
        status_code=202,
        summary="Send a dead-lettered event again, under the same id",
        description=f"Scope `{write_scope}`. Idempotent: a repeat finds it pending.",
        responses=problem_responses(NotFound),
    )
    async def send_refused_event_again(
        session: Session, principal: writer, event_id: uuid.UUID
    ) -> RetryAccepted:
        event = await retry_dead_letter(session, principal, event_id)
        return RetryAccepted(id=event.id, status=PENDING)

    return router
