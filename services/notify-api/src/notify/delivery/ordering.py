"""Ordered, gap-detectable push (issue 17): each endpoint's deliveries are a numbered stream.

Numbering: every delivery is given, when it is made, its endpoint's next
`endpoint_sequence` (1, 2, 3, ... gap-free) and the inbox `sequence` of the endpoint's
previous delivery (`previous_sequence`). Deliveries are made only while the recipient
organisation's sequence counter is held (the intake, the follow-ups, a registration's
backfill), so the stream follows the inbox order and no two transactions number the
same endpoint at once.

What a push says (`stream`, in every webhook body): its endpoint sequence and inbox
sequence; the inbox sequences between the previous delivery's and its own, which the
endpoint will never receive, each with why (`skipped`: withheld, filtered, closed
before the endpoint was registered, closed when made); and the deliveries before it in
the stream that were not delivered (`undelivered`: cancelled because the notification
closed, failed, or still pending because it was overtaken after the order wait). A
receiver can thus tell every hole: what is neither received nor accounted for is lost,
and `GET /v1/notifications?after_sequence=` brings it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery import repository
from notify.delivery.filters import Filters, endpoint_accepts
from notify.delivery.models import DeliveryStatus
from notify.endpoints.models import Endpoint
from notify.notifications.models import NotificationStatus
from notify.notifications.repository import hold_sequence

#: At most this many skipped inbox sequences are listed in one push (the range, from
#: `previous_sequence` to `sequence`, is what counts; the inbox has the rest).
SKIPPED_LISTED = 100
#: How far back in the stream a push looks for deliveries before it not delivered.
UNDELIVERED_LOOKBACK = 50


async def start_stream(
    session: AsyncSession, endpoint: Endpoint, *, since: datetime | None
) -> None:
    """Start a new endpoint's stream: where the organisation's inbox is now, or (with a
    backfill `since`) just before its first notification made since then, so that what
    the backfill does not bring is announced as skipped.

    Holds the organisation's sequence counter until the registration commits: a
    notification numbered meanwhile waits, and then sees the new endpoint.
    """
    last = await hold_sequence(session, endpoint.org)
    start = last
    if since is not None:
        first = await repository.first_sequence_since(session, endpoint.org, since)
        if first is not None:
            start = first - 1
    await repository.insert_streams(
        session,
        [
            {
                "endpoint_id": endpoint.id,
                "last_endpoint_sequence": 0,
                "last_inbox_sequence": start,
                "last_heartbeat_at": None,
            }
        ],
    )


async def number_deliveries(
    session: AsyncSession, rows: list[dict[str, Any]], sequences: dict[uuid.UUID, int]
) -> None:
    """Give each new delivery row (`endpoint_id`, `notification_id`) its endpoint sequence
    and previous inbox sequence, in inbox order; advance the endpoints' streams.

    `sequences`: the inbox sequence of each row's notification. Runs while the
    recipients' sequence counters are held, so the stream rows are locked after them.
    """
    if not rows:
        return
    streams = await repository.lock_streams(session, {row["endpoint_id"] for row in rows})
    where: dict[uuid.UUID, tuple[int, int]] = {}
    missing: list[dict[str, Any]] = []
    for row in sorted(rows, key=lambda r: (sequences[r["notification_id"]], str(r["id"]))):
        endpoint_id = row["endpoint_id"]
        sequence = sequences[row["notification_id"]]
        if endpoint_id not in where:
            stream = streams.get(endpoint_id)
            if stream is None:
                # An endpoint registered before ordered push whose row the migration
                # missed: its stream starts here.
                where[endpoint_id] = (0, sequence - 1)
                missing.append({"endpoint_id": endpoint_id, "last_heartbeat_at": None})
            else:
                where[endpoint_id] = (
                    int(stream.last_endpoint_sequence),
                    int(stream.last_inbox_sequence),
                )
        endpoint_sequence, previous = where[endpoint_id]
        row["endpoint_sequence"] = endpoint_sequence + 1
        row["previous_sequence"] = previous
        where[endpoint_id] = (endpoint_sequence + 1, sequence)
    for stream_row in missing:
        endpoint_sequence, last = where[stream_row["endpoint_id"]]
        stream_row["last_endpoint_sequence"] = endpoint_sequence
        stream_row["last_inbox_sequence"] = last
    await repository.insert_streams(session, missing)
    inserted = {row["endpoint_id"] for row in missing}
    await repository.advance_streams(
        session,
        [
            {"b_id": endpoint_id, "b_endpoint_sequence": number, "b_inbox_sequence": last}
            for endpoint_id, (number, last) in sorted(where.items())
            if endpoint_id not in inserted
        ],
    )


def skip_reason(notification: Any, endpoint: Filters, endpoint_created_at: datetime) -> str:
    """Why a notification of the organisation is not in the endpoint's stream."""
    if notification.withheld_reason is not None:
        return "withheld"
    if not endpoint_accepts(endpoint, notification):
        return "filtered"
    if notification.created_at <= endpoint_created_at:
        return "closed_before_registration"
    if notification.status == NotificationStatus.ENDED:
        return "closed_when_made"
    return "not_pushed"


async def stream_of(
    session: AsyncSession,
    claimed: Sequence[Any],
    endpoints: dict[uuid.UUID, Endpoint],
    sequences: dict[uuid.UUID, int],
) -> dict[uuid.UUID, dict[str, Any]]:
    """The `stream` object of each claimed webhook delivery with a number, by delivery id.

    `claimed`: the deliveries of one claim (an endpoint's are consecutive in its stream
    unless some before them are not pending); `sequences`: each notification's inbox
    sequence. What is in the claim is pushed just before the later ones of it, so it is
    not reported as undelivered.
    """
    numbered = [d for d in claimed if d.endpoint_sequence is not None]
    by_endpoint: dict[uuid.UUID, list[Any]] = {}
    for delivery in numbered:
        by_endpoint.setdefault(delivery.endpoint_id, []).append(delivery)
    streams: dict[uuid.UUID, dict[str, Any]] = {}
    for endpoint_id, deliveries in by_endpoint.items():
        endpoint = endpoints[endpoint_id]
        in_claim = {d.endpoint_sequence for d in deliveries}
        lowest = min(in_claim)
        highest = max(in_claim)
        undelivered = await repository.undelivered_between(
            session, endpoint_id, low=max(1, lowest - UNDELIVERED_LOOKBACK), high=highest
        )
        for delivery in deliveries:
            sequence = sequences[delivery.notification_id]
            before: list[dict[str, Any]] = []
            number = delivery.endpoint_sequence - 1
            while number >= 1 and number not in in_claim and number in undelivered:
                row = undelivered[number]
                before.append(
                    {
                        "endpoint_sequence": number,
                        "sequence": int(row[3]),
                        "status": str(row[1]),
                        "reason": _undelivered_reason(str(row[1]), row[2]),
                    }
                )
                number -= 1
            before.reverse()
            previous = delivery.previous_sequence
            # What the undelivered ones before it skipped is announced here too: they were
            # never pushed (or not yet), so nothing else says it.
            skipped_after = previous
            if before and undelivered[before[0]["endpoint_sequence"]][4] is not None:
                skipped_after = int(undelivered[before[0]["endpoint_sequence"]][4])
            announced = {entry["sequence"] for entry in before}
            skipped: list[dict[str, Any]] = []
            complete = skipped_after is not None
            if skipped_after is not None and sequence - skipped_after > 1:
                between = await repository.notifications_between(
                    session,
                    endpoint.org,
                    after=skipped_after,
                    before=sequence,
                    limit=SKIPPED_LISTED + len(announced),
                )
                for notification in between:
                    if int(notification.sequence) in announced:
                        continue
                    if len(skipped) == SKIPPED_LISTED:
                        complete = False
                        break
                    skipped.append(
                        {
                            "sequence": int(notification.sequence),
                            "reason": skip_reason(notification, endpoint, endpoint.created_at),
                        }
                    )
                if len(between) == SKIPPED_LISTED + len(announced):
                    complete = complete and int(between[-1].sequence) == sequence - 1
            streams[delivery.id] = {
                "endpoint_sequence": delivery.endpoint_sequence,
                "sequence": sequence,
                "previous_sequence": previous,
                "skipped_after": skipped_after,
                "skipped": skipped,
                "skipped_complete": complete,
                "undelivered": before,
            }
    return streams


def _undelivered_reason(status: str, ended_reason: str | None) -> str:
    if status == DeliveryStatus.PENDING:
        return "still being retried: it follows, out of order"
    if status == DeliveryStatus.CANCELLED:
        return f"not needed: {ended_reason or 'cancelled'}"
    return f"failed: {ended_reason or 'not accepted'}; in the inbox, or recover it"
