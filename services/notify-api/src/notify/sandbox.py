"""The sandbox in notify-api (docs/sandbox.md): sandbox events, their notifications and
deliveries kept apart from live data, and simulated outcomes for sandbox endpoints.

A sandbox client's organisation is its sandbox twin (`sandbox:E09000007`, made by the
shared auth from the token's `sandbox` claim), so every query bounded to the caller's
organisation (inbox, endpoints, deliveries, figures) sees only sandbox rows. A sandbox
event (posted by a sandbox client, or carrying the CloudEvent extension `sandbox: true`)
is kept apart the same way, here, in one place: its id, the person it concerns, its
supersede and watch keys are prefixed `sandbox:`, and every organisation its rules
address is the twin. So a sandbox event never ends, supersedes, breaches or numbers a
live notification, a live event id is never taken by a sandbox one, and nothing of it
reaches a live organisation's inbox or endpoints.

Sandbox endpoints never reach the network unless their URL is real: a webhook URL on
the host `sandbox.invalid` simulates what its path names (`/delivered`: 204, `/5xx`:
503 to every scheduled attempt, a retry's or recover's manual attempt accepted, as a
receiver back from an outage; `/timeout`: no answer; `/410`: Gone, which disables the
endpoint), and a sandbox email endpoint records its mail without sending it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from notify.delivery.webhook import AttemptResult
from notify.events.schemas import CloudEvent
from notify.rules.evaluation import Evaluation, PlannedNotification
from platform_shared.auth import SANDBOX_PREFIX, Principal, sandbox_org

#: The host of simulated sandbox webhook URLs (RFC 2606: never resolves).
SIMULATED_HOST = "sandbox.invalid"
#: What each path of a simulated URL answers: (status code, error).
SIMULATED_OUTCOMES: dict[str, tuple[int | None, str | None]] = {
    "delivered": (204, None),
    "5xx": (503, None),
    "timeout": (None, "timeout (simulated)"),
    "410": (410, None),
}
#: The CloudEvent extension attribute that makes an event a sandbox one.
EXTENSION = "sandbox"


def is_sandbox_org(org: str | None) -> bool:
    return org is not None and org.startswith(SANDBOX_PREFIX)


def sandbox_key(value: str) -> str:
    """`value` in the sandbox's namespace (itself when it is there already)."""
    return value if value.startswith(SANDBOX_PREFIX) else f"{SANDBOX_PREFIX}{value}"


def event_id_for(caller: Principal, event_id: str) -> str:
    """The stored id of event `event_id` as `caller` names it: a sandbox client reads only
    sandbox events (a live id is not one of them)."""
    return sandbox_key(event_id) if caller.sandbox else event_id


def is_sandbox_event(event: CloudEvent, caller: Principal) -> bool:
    return caller.sandbox or is_marked_sandbox(event)


def is_marked_sandbox(event: CloudEvent) -> bool:
    """Whether the event is a sandbox one as taken in (`sandboxed_event` marks it)."""
    return (event.model_extra or {}).get(EXTENSION) is True


def sandboxed_event(event: CloudEvent) -> CloudEvent:
    """The event as stored: its id in the sandbox's namespace, marked by the extension."""
    return event.model_copy(update={"id": sandbox_key(event.id), EXTENSION: True})


def _planned(planned: PlannedNotification) -> PlannedNotification:
    subject = dict(planned.subject)
    if isinstance(subject.get("responsible_authority"), str):
        # The escalation ladder reaches the responsible authority: its twin's.
        subject["responsible_authority"] = sandbox_org(subject["responsible_authority"])
    return replace(
        planned,
        org=sandbox_org(planned.org),
        duty_holder=sandbox_org(planned.duty_holder) if planned.duty_holder else None,
        person_ref=sandbox_key(planned.person_ref) if planned.person_ref else None,
        watch_key=sandbox_key(planned.watch_key) if planned.watch_key else None,
        subject=subject,
    )


def sandboxed_evaluation(evaluation: Evaluation) -> Evaluation:
    """What a sandbox event requires, addressed to sandbox twins only."""
    return replace(
        evaluation,
        notifications=[_planned(planned) for planned in evaluation.notifications],
        person_ref=sandbox_key(evaluation.person_ref) if evaluation.person_ref else None,
        supersede_key=sandbox_key(evaluation.supersede_key) if evaluation.supersede_key else None,
        breach_keys=[sandbox_key(key) for key in evaluation.breach_keys],
    )


def simulated_url(url: str) -> str | None:
    """The outcome a simulated sandbox webhook URL names, or None for a real URL."""
    parts = urlsplit(url)
    if parts.hostname != SIMULATED_HOST:
        return None
    outcome = parts.path.strip("/").split("/")[0]
    return outcome if outcome in SIMULATED_OUTCOMES else None


def is_simulated_url(url: str) -> bool:
    return urlsplit(url).hostname == SIMULATED_HOST


def simulated_attempt(
    channel: str, target: str, payload: dict[str, Any], *, manual: bool = False
) -> AttemptResult | None:
    """The result of a sandbox delivery that never reaches the network, or None when the
    push is real (a live endpoint, or a sandbox one at a real URL). A simulated `/5xx`
    receiver is back when someone asks for a `manual` attempt (a retry or a recover)."""
    recipient = payload.get("recipient") or {}
    if not is_sandbox_org(recipient.get("org")):
        return None
    if channel != "webhook":
        return AttemptResult(250, None, 0)  # recorded, never sent: no real mail
    if not is_simulated_url(target):
        return None
    outcome = simulated_url(target) or ""
    if outcome == "5xx" and manual:
        outcome = "delivered"
    status, error = SIMULATED_OUTCOMES.get(outcome, (404, None))
    return AttemptResult(status, error, 0)
