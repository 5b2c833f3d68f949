"""A batch of CloudEvents taken in at once: one transaction, one receipt per event.

Each event of a batch is what it would be posted alone: validated the same, idempotent
on its id (a repeat, in this batch or a later one, is a duplicate with the first
receipt), refused alone when it lacks what the rules need (the others are still taken
in, and its organisation is told as for a single refusal). The accepted events commit
together with their notifications and deliveries.

The point of a batch is fewer round trips. Most events only insert rows (an event
whose rules read nothing stored): those are written together, a few statements for
the run of them (`_take_in_together`). An event whose intake reads what earlier events
wrote (a supersede key, the end of recurring duties, a `before_event` breach, an import)
is taken in on its own, after the run before it is written, so that it finds what a
batch's earlier events made, as if each had been posted in turn. A traced event
(its `traceparent` extension attribute, CloudEvents distributed tracing) is taken in on
its own too (when this service traces), inside a span of its own trace, so its
deliveries continue that trace.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from opentelemetry.trace import SpanKind, Tracer
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from notify.events import refusals, repository, service
from notify.events.imported import is_imported
from notify.events.schemas import (
    BatchReceipt,
    BatchReceipts,
    BatchStatus,
    CloudEvent,
    EventReceipt,
)
from notify.notifications.creation import create_notifications
from notify.rules.catalogue import Catalogue
from notify.rules.deadlines import WindowUnit
from notify.rules.evaluation import Evaluation
from notify.sandbox import is_marked_sandbox, is_sandbox_event, sandboxed_event
from platform_shared.auth import Principal
from platform_shared.organisations import OrganisationDirectory
from platform_shared.problems import PROBLEM_BASE, DomainError, FieldError, FieldIssue, Problem
from platform_shared.tracing import span_from
from platform_shared.web.input_guard import DEPTH_REASON, too_deep


class MalformedBatch(DomainError):
    """The body is not a batch: not a JSON array, or an empty one. Nothing is taken in."""

    status, slug, title = 400, "malformed-batch", "Malformed batch"


class BatchTooLarge(DomainError):
    """More events than a batch may hold (`NOTIFY_EVENTS_BATCH_LIMIT`, the document's
    `maxItems`): a 422 as every request the schema forbids. Nothing is taken in."""

    status, slug, title = 422, "batch-too-large", "Batch too large"


def batch_of(raw: bytes, *, limit: int) -> list[Any]:
    """The elements of a batch body, or why it is not one (the batch is refused whole)."""
    if too_deep(raw):
        raise MalformedBatch(errors=[FieldIssue("body", DEPTH_REASON)])
    try:
        elements = json.loads(raw)
    except ValueError as error:  # not JSON, not UTF-8
        raise MalformedBatch(errors=[FieldIssue("body", "not JSON")]) from error
    if not isinstance(elements, list):
        raise MalformedBatch(errors=[FieldIssue("body", "a batch is a JSON array of events")])
    if not elements:
        raise MalformedBatch(errors=[FieldIssue("body", "a batch holds at least one event")])
    if len(elements) > limit:
        raise BatchTooLarge(errors=[FieldIssue("body", f"a batch holds at most {limit} events")])
    return elements


@dataclass
class _Item:
    """One event of the batch as it goes through the intake."""

    index: int
    event: CloudEvent | None
    issues: list[FieldIssue] = field(default_factory=list)
    evaluation: Evaluation | None = None
    status: BatchStatus | None = None
    receipt: EventReceipt | None = None
    #: The id an event that does not validate gives, if it gives a string one.
    raw_id: str | None = None


def parse_items(raw: list[Any]) -> list[_Item]:
    """Each element of the batch validated as a single event is; a bad one names its fields."""
    items = []
    for index, element in enumerate(raw):
        try:
            items.append(_Item(index, CloudEvent.model_validate(element)))
        except ValidationError as invalid:
            issues = [
                FieldIssue(".".join(str(part) for part in error["loc"]) or "event", error["msg"])
                for error in invalid.errors(include_url=False)
            ]
            given = element.get("id") if isinstance(element, dict) else None
            items.append(
                _Item(
                    index,
                    None,
                    issues=issues,
                    status=BatchStatus.REFUSED,
                    raw_id=given[:200] if isinstance(given, str) else None,
                )
            )
    return items


def _reads_stored(event: CloudEvent, evaluation: Evaluation) -> bool:
    """Whether the event's intake reads rows earlier events wrote (it goes on its own)."""
    return bool(
        evaluation.supersede_key
        or evaluation.ends_recurring_duties
        or evaluation.breach_keys
        or is_imported(event.data)
    )


def _traceparent(event: CloudEvent) -> str | None:
    extra = event.model_extra or {}
    value = extra.get("traceparent")
    return value if isinstance(value, str) else None


async def receive_batch(
    session: AsyncSession,
    raw: list[Any],
    *,
    catalogue: Catalogue,
    directory: OrganisationDirectory,
    now: datetime,
    cutoff: timedelta,
    escalation_window: tuple[WindowUnit, int],
    caller: Principal,
    tracer: Tracer | None = None,
) -> BatchReceipts:
    """Take in every event of a batch in the session's transaction; one receipt each.

    A sandbox client's events, and any with the extension `sandbox: true`, are sandbox
    events, each kept apart as a single post's is (`notify.sandbox`)."""
    items = parse_items(raw)
    for item in items:
        if item.event is not None and is_sandbox_event(item.event, caller):
            item.event = sandboxed_event(item.event)
    first_of: dict[str, _Item] = {}
    repeats: list[tuple[_Item, _Item]] = []
    evaluated: list[_Item] = []
    for item in items:
        if item.event is None:
            continue
        first = first_of.setdefault(item.event.id, item)
        if first is not item:
            repeats.append((item, first))  # answered as the first occurrence is
            continue
        item.evaluation = service.evaluate(item.event, catalogue, directory)
        if item.evaluation.issues:
            item.issues = list(item.evaluation.issues)
        evaluated.append(item)

    await _answer_refused(session, [i for i in evaluated if i.issues])
    together: list[_Item] = []
    for item in evaluated:
        if item.status is not None:  # the rules refused it: refused, or a stored id's duplicate
            continue
        assert item.event is not None and item.evaluation is not None
        traced = tracer is not None and _traceparent(item.event) is not None
        alone = traced or _reads_stored(item.event, item.evaluation)
        if not alone:
            together.append(item)
            continue
        await _take_in_together(session, together, catalogue=catalogue, now=now, cutoff=cutoff)
        together = []
        with span_from(
            tracer,
            f"intake {item.event.type}",
            _traceparent(item.event),
            kind=SpanKind.CONSUMER,
            attributes={"cloudevents.event_id": item.event.id},
        ):
            item.receipt, is_new = await service.take_in(
                session,
                item.event,
                item.evaluation,
                catalogue=catalogue,
                now=now,
                cutoff=cutoff,
                escalation_window=escalation_window,
            )
        item.status = BatchStatus.ACCEPTED if is_new else BatchStatus.DUPLICATE
    await _take_in_together(session, together, catalogue=catalogue, now=now, cutoff=cutoff)

    for item in evaluated:
        # The live owner is never told of a sandbox event; its receipt says it.
        if (
            item.status == BatchStatus.REFUSED
            and item.event is not None
            and not is_marked_sandbox(item.event)
        ):
            await refusals.tell_owner(
                session,
                item.event,
                item.issues,
                catalogue=catalogue,
                directory=directory,
                now=now,
                cutoff=cutoff,
            )
    for repeat, first in repeats:
        repeat.issues = first.issues
        repeat.receipt = first.receipt
        repeat.status = (
            BatchStatus.REFUSED if first.status == BatchStatus.REFUSED else BatchStatus.DUPLICATE
        )
    return _answer(items)


async def _answer_refused(session: AsyncSession, refused: list[_Item]) -> None:
    """An event the rules refuse is a duplicate if its id is stored (as a single post's
    repeat: its first receipt, whatever the rules say now), else refused."""
    stored = await repository.stored_receipts(
        session, [item.event.id for item in refused if item.event is not None]
    )
    for item in refused:
        assert item.event is not None
        receipt = stored.get(item.event.id)
        if receipt is not None:
            item.status, item.issues = BatchStatus.DUPLICATE, []
            item.receipt = EventReceipt.model_validate(receipt)
        else:
            item.status = BatchStatus.REFUSED


async def _take_in_together(
    session: AsyncSession,
    items: list[_Item],
    *,
    catalogue: Catalogue,
    now: datetime,
    cutoff: timedelta,
) -> None:
    """Take in events whose intake only writes: their rows, notifications, deliveries and
    receipts in a few statements for all (the same rows `service.take_in` writes)."""
    if not items:
        return
    rows = []
    for item in items:
        assert item.event is not None and item.evaluation is not None
        rows.append(service.event_row(item.event, item.evaluation, now))
    inserted = await repository.insert_events(session, rows)
    new = [item for item in items if item.event is not None and item.event.id in inserted]
    stored = await repository.stored_receipts(
        session, [item.event.id for item in items if item.event and item.event.id not in inserted]
    )
    for item in items:
        assert item.event is not None
        if item.event.id not in inserted:
            # Stored by an earlier post, or by a concurrent one that committed first.
            item.status = BatchStatus.DUPLICATE
            item.receipt = EventReceipt.model_validate(stored[item.event.id])
    planned = [
        service.planned_notifications(item.evaluation, item.event, catalogue)
        for item in new
        if item.evaluation is not None and item.event is not None
    ]
    created = await create_notifications(
        session, [notification for each in planned for notification in each], now=now, cutoff=cutoff
    )
    receipts: dict[str, dict[str, Any]] = {}
    start = 0
    for item, its_planned in zip(new, planned, strict=True):
        assert item.event is not None and item.evaluation is not None
        its_created = created[start : start + len(its_planned)]
        start += len(its_planned)
        item.receipt = service.make_receipt(
            item.event,
            item.evaluation,
            catalogue,
            now=now,
            created=its_created,
            ended=[],
            superseded=[],
            breached=[],
        )
        item.status = BatchStatus.ACCEPTED
        receipts[item.event.id] = item.receipt.model_dump(mode="json")
    await repository.write_receipts(session, receipts)


def _problem(item: _Item) -> Problem:
    return Problem(
        type=PROBLEM_BASE + "invalid",
        title="Invalid request",
        status=422,
        detail=service.REFUSED if item.event is not None else "The event does not match the schema",
        errors=[
            FieldError(field=f"{item.index}.{issue.field}", reason=issue.reason)
            for issue in item.issues
        ],
    )


def _answer(items: list[_Item]) -> BatchReceipts:
    receipts = []
    for item in items:
        assert item.status is not None
        receipts.append(
            BatchReceipt(
                index=item.index,
                id=item.event.id if item.event is not None else item.raw_id,
                status=item.status,
                receipt=item.receipt if item.status != BatchStatus.REFUSED else None,
                problem=_problem(item) if item.status == BatchStatus.REFUSED else None,
            )
        )
    counts = {status: 0 for status in BatchStatus}
    for receipt in receipts:
        counts[receipt.status] += 1
    return BatchReceipts(
        accepted=counts[BatchStatus.ACCEPTED],
        duplicates=counts[BatchStatus.DUPLICATE],
        refused=counts[BatchStatus.REFUSED],
        receipts=receipts,
    )
