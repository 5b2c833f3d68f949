"""The life-cycle steps written to the log, each in the transaction of its state change.

One call per step, one line at each call site. An entry holds ids, organisation codes,
rule ids, instants and reason codes: never a subject field (names, dates of birth,
identifiers stay in `notifications.subject`, which the purge empties).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from notification_proofs.leaves import b64, body_digest, canonical
from notify.proofs.models import ProofLeaf

ENTRY_VERSION = 1
#: `proof_log_enabled` of the process's settings (`enable_log`): off only for benchmarks.
_enabled = True


def enable_log(enabled: bool) -> None:
    global _enabled
    _enabled = enabled


Executor = AsyncSession | AsyncConnection


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _leaf(
    notification_id: uuid.UUID | str,
    step: str,
    at: datetime,
    salt: bytes | None = None,
    **facts: Any,
) -> dict[str, Any]:
    entry = {
        "v": ENTRY_VERSION,
        "step": step,
        "notification_id": str(notification_id),
        "at": _iso(at),
    }
    entry.update({key: value for key, value in facts.items() if value is not None})
    return {
        "notification_id": uuid.UUID(str(notification_id)),
        "step": step,
        "entry": canonical(entry).decode(),
        "salt": b64(salt) if salt is not None else None,
        "created_at": at,
    }


async def _write(executor: Executor, rows: list[dict[str, Any]]) -> None:
    if rows and _enabled:
        await executor.execute(insert(ProofLeaf), rows)


def _get(row: Any, name: str) -> Any:
    return row[name] if isinstance(row, Mapping) else getattr(row, name)


async def log_made(executor: Executor, notifications: Iterable[Any], *, now: datetime) -> None:
    """`made` for each new notification (a row dict or a model), `withheld` as well when
    it was made withheld."""
    rows = []
    for row in notifications:
        rows.append(
            _leaf(
                _get(row, "id"),
                "made",
                now,
                kind=_get(row, "kind"),
                rule_id=_get(row, "rule_id"),
                rules_version=_get(row, "rules_version"),
                recipient_org=_get(row, "recipient_org"),
                recipient_role=_get(row, "recipient_role"),
                duty_holder=_get(row, "duty_holder"),
                responsible_authority=_get(row, "responsible_authority"),
                due_at=_iso(_get(row, "due_at")),
                event_id=_get(row, "event_id"),
                escalation_of=str(_get(row, "escalation_of") or "") or None,
            )
        )
        if _get(row, "withheld_reason"):
            rows.append(
                _leaf(_get(row, "id"), "withheld", now, reason=_get(row, "withheld_reason"))
            )
        elif _get(row, "ended_reason"):
            rows.append(_leaf(_get(row, "id"), "ended", now, reason=_get(row, "ended_reason")))
    await _write(executor, rows)


async def log_withheld(
    executor: Executor, notification_id: uuid.UUID, reason: str, *, now: datetime
) -> None:
    await _write(executor, [_leaf(notification_id, "withheld", now, reason=reason)])


def delivered_leaf(
    notification_id: uuid.UUID,
    *,
    delivery_id: uuid.UUID,
    endpoint_id: uuid.UUID,
    channel: str,
    status_code: int | None,
    body: bytes,
    at: datetime,
) -> dict[str, Any]:
    """The `delivered` entry of a push answered 2xx; the body itself is never kept."""
    salt = os.urandom(16)
    return _leaf(
        notification_id,
        "delivered",
        at,
        salt,
        delivery_id=str(delivery_id),
        endpoint_id=str(endpoint_id),
        channel=channel,
        status_code=status_code,
        body_sha256=body_digest(salt, body),
    )


async def log_delivered(executor: Executor, leaves: list[dict[str, Any]]) -> None:
    """The `delivered_leaf`s of the attempts recorded together."""
    await _write(executor, leaves)


async def log_acknowledged(
    executor: Executor,
    notification_id: uuid.UUID,
    *,
    by_client: str,
    by_org: str,
    now: datetime,
    details: Mapping[str, Any] | None = None,
) -> None:
    """`acknowledged`, by whom, with what of the acknowledgement body is not personal."""
    facts = {key: value for key, value in (details or {}).items() if value is not None}
    await _write(
        executor,
        [_leaf(notification_id, "acknowledged", now, by_client=by_client, by_org=by_org, **facts)],
    )


async def log_escalated(
    executor: Executor, notification_id: uuid.UUID, escalation: Any, *, now: datetime
) -> None:
    """`escalated` on the original, naming the escalation made (logged `made` itself)."""
    await _write(
        executor,
        [
            _leaf(
                notification_id,
                "escalated",
                now,
                escalation_id=str(escalation.id),
                to_org=escalation.recipient_org,
            )
        ],
    )


async def log_ended(
    executor: Executor,
    notification_id: uuid.UUID,
    reason: str,
    *,
    now: datetime,
    by_event: str | None = None,
) -> None:
    await _write(executor, [_leaf(notification_id, "ended", now, reason=reason, by_event=by_event)])


async def log_purged(
    executor: Executor, notification_ids: Iterable[uuid.UUID], classes: list[str], *, now: datetime
) -> None:
    """`purged`: which classes of the notification's data were removed, and when."""
    await _write(
        executor, [_leaf(nid, "purged", now, classes=sorted(classes)) for nid in notification_ids]
    )
