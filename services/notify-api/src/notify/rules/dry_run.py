"""The dry run: what the platform would do with an event, written nowhere.

The same evaluation as the intake (`evaluate_event`) and the same mapping to the rows the
intake writes (`notify.events.service.planned_notifications`); nothing is stored, pushed
or audited (the answer is the caller's own data back, with no read of a person).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import ValidationError

from notify.events.schemas import CloudEvent
from notify.events.service import REFUSED, planned_notifications
from notify.notifications.creation import NewNotification, initial_status
from notify.notifications.models import NotificationStatus
from notify.rules.catalogue import Catalogue
from notify.rules.evaluation import evaluate_event
from notify.rules.schemas import DryRunAnswer, DryRunNotification, DryRunRequest
from notify.rules.trace import Trace
from platform_shared.calendar import LONDON
from platform_shared.organisations import OrganisationDirectory
from platform_shared.problems import FieldIssue, Invalid


def _event(request: DryRunRequest, now: datetime) -> CloudEvent:
    """The event as the intake would receive it (an id and a source made up if absent)."""
    if request.data is not None and (request.facts is not None or request.dates is not None):
        raise Invalid.of(
            [FieldIssue("body.data", "give the event's `data`, or `facts` and `dates`, not both")],
            REFUSED,
        )
    data = request.data
    if data is None:
        data = {
            **(request.facts or {}),
            **{k: v.isoformat() for k, v in (request.dates or {}).items()},
        }
    try:
        return CloudEvent(
            specversion="1.0",
            id=request.id or f"dry-run-{uuid.uuid4()}",
            source=request.source or "dry-run",
            type=request.type,
            subject=request.subject,
            time=request.time or now,
            datacontenttype="application/json",
            data=data,
        )
    except ValidationError as error:
        # What `POST /v1/events` would refuse of the envelope, named as the body's field.
        raise Invalid.of(
            [
                FieldIssue("body." + ".".join(str(part) for part in item["loc"]), item["msg"])
                for item in error.errors()
            ],
            REFUSED,
        ) from error


def _view(new: NewNotification, duty_holder: str | None) -> DryRunNotification:
    return DryRunNotification(
        rule=new.rule_id,
        recipient={"org": new.org, "role": new.role},
        duty_holder=duty_holder,
        kind=new.kind,
        status=initial_status(new),
        due_at=new.due_at,
        due_at_local=new.due_at.astimezone(LONDON) if new.due_at else None,
        remind_at=new.remind_at,
        withheld_reason=new.withheld_reason,
        occurrence=new.occurrence,
        basis=new.basis,
        citation=new.citation,
        trace=Trace.model_validate(new.trace) if new.trace else None,
    )


def dry_run(
    request: DryRunRequest,
    *,
    catalogue: Catalogue,
    directory: OrganisationDirectory,
    now: datetime,
) -> DryRunAnswer:
    """What the intake would make of the event; 422 naming every field it lacks, as the
    intake answers."""
    event = _event(request, now)
    evaluation = evaluate_event(catalogue, event.type, event.time, event.data or {}, directory)
    if evaluation.issues:
        raise Invalid.of(evaluation.issues, REFUSED)
    news = planned_notifications(
        evaluation, event, catalogue, supersede_key=evaluation.supersede_key
    )
    views = [_view(new, new.duty_holder) for new in news]
    return DryRunAnswer(
        rules_version=catalogue.version,
        event_type=event.type,
        event_time=event.time,
        reacts=catalogue.reacts_to(event.type),
        matched_rules=evaluation.matched_rules,
        considered=evaluation.considered,
        notifications=[view for view in views if view.status != NotificationStatus.WITHHELD],
        withheld=[view for view in views if view.status == NotificationStatus.WITHHELD],
        ends_recurring_duties=evaluation.ends_recurring_duties,
        would_breach_duties_before_event=bool(evaluation.breach_keys),
    )
