"""Manual retries and recovery of an organisation's failed deliveries (issue 17).

A retry or a recover makes a failed delivery pending again, due now, with the same id
(so the same `webhook-id`: a receiver that had it after all deduplicates it), and marks
its next attempt `manual` in the attempts log. It asks for one attempt, not a new retry
schedule: if the receiver does not accept it, the delivery is failed again (decisions.md,
"A manual attempt is one attempt").

Only a failed delivery is retried: a delivered one was accepted, a pending one is on its
schedule already, a cancelled one is no longer needed (the notification was acknowledged
or ended, or the endpoint removed). A retry of a delivery already made pending by a
retry answers as the first did, so repeating one changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery import repository
from notify.delivery.models import AttemptTrigger, Delivery, DeliveryStatus
from notify.endpoints import repository as endpoints_repository
from notify.endpoints.models import Endpoint
from notify.notifications.models import OPEN_STATUSES
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.problems import Conflict, Invalid, NotFound

#: The longest window a recover covers (Svix's bound too).
RECOVER_WINDOW = timedelta(days=14)


@dataclass(frozen=True)
class Recovery:
    """What a recover did: how many deliveries it made pending, and what it left."""

    endpoint_id: uuid.UUID
    since: datetime
    until: datetime
    recovered: list[uuid.UUID]
    #: Failed deliveries of notifications no longer open (acknowledged, ended): not needed.
    skipped_closed: int


def _make_pending(delivery: Delivery, now: datetime) -> None:
    delivery.status = DeliveryStatus.PENDING
    delivery.next_attempt_at = now
    delivery.next_trigger = AttemptTrigger.MANUAL
    delivery.lease_token = None
    delivery.ended_reason = None
    delivery.ended_at = None
    delivery.exhaustion_noticed_at = None  # given up again, it is told again
    delivery.recovery_requested_at = now  # delivered again, it is told so


def _refuse_disabled(endpoint: Endpoint, field: str) -> None:
    if endpoint.removed_at is not None:
        raise Conflict("The endpoint was removed; its deliveries are not retried")
    if not endpoint.enabled:
        raise Invalid(
            field,
            "the endpoint is disabled"
            + (f" ({endpoint.disabled_reason})" if endpoint.disabled_reason else "")
            + "; re-enable it first (PATCH /v1/endpoints/{id} with enabled: true)",
        )


async def retry_delivery(
    session: AsyncSession,
    principal: Principal,
    delivery_id: uuid.UUID,
    *,
    now: datetime,
) -> Delivery:
    """Make one failed delivery of the caller's pending again, due now; audited."""
    found = await repository.readable_delivery(session, principal, delivery_id)
    if found is None:
        raise NotFound("No such delivery in this organisation")
    # The endpoint is locked before the delivery: the order every change of an endpoint
    # and its deliveries takes (removing it, a 410), so a disable cannot cross the retry.
    endpoint = await endpoints_repository.locked_endpoint_any(session, principal, found.endpoint_id)
    delivery = await repository.readable_delivery(session, principal, delivery_id, lock=True)
    if delivery is None or endpoint is None:
        raise NotFound("No such delivery in this organisation")
    if delivery.status == DeliveryStatus.PENDING and delivery.next_trigger == AttemptTrigger.MANUAL:
        return delivery  # already retried and not yet attempted: nothing new
    if delivery.status != DeliveryStatus.FAILED:
        raise Conflict(
            f"Only a failed delivery is retried; this one is {delivery.status}"
            + (f" ({delivery.ended_reason})" if delivery.ended_reason else "")
        )
    _refuse_disabled(endpoint, "path.delivery_id")
    status = await repository.notification_status_of(session, principal, delivery.notification_id)
    if status not in OPEN_STATUSES:
        raise Conflict(f"The notification is {status}; it no longer needs pushing")
    _make_pending(delivery, now)
    record_audit(
        session,
        principal,
        "delivery.retry",
        subject_type="delivery",
        subject_id=delivery.id,
        details={"endpoint_id": str(endpoint.id)},
    )
    return delivery


def in_utc(value: datetime, field: str) -> datetime:
    """`value` in UTC, or Invalid naming `field` when it has none (year 1 at +23:59)."""
    try:
        return value.astimezone(UTC)
    except OverflowError as error:
        raise Invalid(field, "is out of range") from error


def check_window(since: datetime, until: datetime | None, now: datetime) -> datetime:
    """The end of a recover window, or Invalid naming the field that breaks it."""
    since = in_utc(since, "body.since")
    end = in_utc(until, "body.until") if until is not None else now
    if since > now:
        raise Invalid("body.since", "is in the future")
    if end <= since:
        raise Invalid("body.until", "must be after since")
    if end - since > RECOVER_WINDOW:
        raise Invalid(
            "body.until" if until is not None else "body.since",
            f"the window is at most {RECOVER_WINDOW.days} days",
        )
    return end


async def recover_endpoint(
    session: AsyncSession,
    principal: Principal,
    endpoint: Endpoint,
    *,
    since: datetime,
    until: datetime | None,
    now: datetime,
) -> Recovery:
    """Make pending again every delivery to `endpoint` that ended failed in the window.

    `endpoint` is the caller's, locked by the caller. Deliveries of notifications no
    longer open are left failed (and counted). Audited, with the window and the count.
    """
    end = check_window(since, until, now)
    _refuse_disabled(endpoint, "path.endpoint_id")
    recovered: list[uuid.UUID] = []
    skipped = 0
    for delivery, status in await repository.failed_deliveries_ended_in(
        session, principal, endpoint.id, since=since, until=end
    ):
        if status not in OPEN_STATUSES:
            skipped += 1
            continue
        _make_pending(delivery, now)
        recovered.append(delivery.id)
    record_audit(
        session,
        principal,
        "endpoint.recover",
        subject_type="endpoint",
        subject_id=endpoint.id,
        details={
            "since": since.isoformat(),
            "until": end.isoformat(),
            "recovered": len(recovered),
            "skipped_closed": skipped,
        },
    )
    return Recovery(endpoint.id, since, end, recovered, skipped)
