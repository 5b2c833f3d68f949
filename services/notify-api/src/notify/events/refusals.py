"""An event refused for good: the emitting organisation is told in its inbox, once.

A refused event stores nothing of itself (design.md: bad input changes nothing); what is
stored is an operational notice to the organisation the event belongs to (the recorder
of an incident, else the responsible authority), so that a statutory notification that
cannot be made is seen by the people who can put it right, not only in a log line. The
emitting service dead-letters the event (`platform_shared.dead_letters`) and lists it;
its retries under the same id make no second notice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from notify.events.schemas import CloudEvent
from notify.notifications import repository
from notify.notifications.creation import NewNotification, create_notification
from notify.notifications.models import NotificationKind
from notify.rules.catalogue import Catalogue
from platform_shared.contracts.vocabularies import Role
from platform_shared.organisations import OrganisationDirectory
from platform_shared.problems import FieldIssue

NOTICE_RULE = "event-refused"
NOTICE_CITATION = (
    "design.md, Outbox: an event notify-api refuses is dead-lettered and its organisation "
    "told; docs/decisions.md D19"
)
#: The data fields naming the organisation an event belongs to, in order of preference.
OWNER_FIELDS = ("recorded_by", "responsible_authority")


def owner_of(event: CloudEvent, directory: OrganisationDirectory) -> str | None:
    data = event.data or {}
    for name in OWNER_FIELDS:
        code = data.get(name)
        if isinstance(code, str) and code in directory:
            return code
    return None


async def tell_owner(
    session: AsyncSession,
    event: CloudEvent,
    issues: list[FieldIssue],
    *,
    catalogue: Catalogue,
    directory: OrganisationDirectory,
    now: datetime,
    cutoff: timedelta,
) -> bool:
    """Make the refusal notice for the event's organisation; False when there is none to
    tell or it was told already."""
    owner = owner_of(event, directory)
    key = f"notice|{NOTICE_RULE}|{event.id}"[:400]
    if owner is None or await repository.notice_exists(session, key):
        return False
    await create_notification(
        session,
        NewNotification(
            key=key,
            kind=NotificationKind.NOTICE,
            rule_id=NOTICE_RULE,
            rules_version=catalogue.version,
            org=owner,
            role=Role.PLATFORM,
            subject={
                "event_id": event.id,
                "event_type": event.type,
                "person_ref": event.subject,
                "reasons": [f"{issue.field}: {issue.reason}" for issue in issues][:20],
            },
            due_at=None,
            basis="platform",
            citation=NOTICE_CITATION,
        ),
        now=now,
        cutoff=cutoff,
    )
    return True
