"""The log's work in the delivery worker: checkpoints, the monitor, the purge.

Each runs at most at its own interval; `run_due` is called from the worker's sweep. The
monitor re-hashes the whole stored log against every checkpoint (not only what is new:
an edit of an old row is what it is there to catch); on a failure it records it on the
head row (the API's `/metrics` reports it) and tells the platform's inbox once.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notify.delivery.webhook import WebhookClient
from notify.notifications.creation import NewNotification, create_notification
from notify.notifications.models import NotificationKind
from notify.proofs import repository
from notify.proofs.keys import published_keys, signer_of
from notify.proofs.models import ProofCheckpoint
from notify.proofs.purge import purge_expired
from notify.proofs.sequencer import make_checkpoint
from notify.proofs.verify import LogMonitor, LogVerification
from notify.proofs.witness import push_checkpoint, witnesses
from notify.rules.catalogue import Catalogue
from notify.settings import Settings
from platform_shared.contracts.vocabularies import Role

logger = logging.getLogger("notify.proofs")

#: The platform's own organisation (other-organisations.csv): told of a mismatch.
PLATFORM_ORG = "platform"
NOTICE_RULE = "notification-log-mismatch"
NOTICE_CITATION = "docs/proofs.md, Tamper detection: the monitor found the stored log changed"


class ProofJobs:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        settings: Settings,
        catalogue: Catalogue,
        *,
        cutoff: timedelta,
        webhooks: WebhookClient,
    ) -> None:
        self._sessions = sessions
        self.settings = settings
        self.catalogue = catalogue
        self.cutoff = cutoff
        self._webhooks = webhooks
        self._keyring = settings.webhook_keyring()
        self.signer = signer_of(settings)
        self.keys = published_keys(settings)
        self._next_monitor = 0.0
        self._next_whole_pass = 0.0
        self._monitor = LogMonitor()
        self._next_purge = 0.0

    async def run_due(self, now: datetime) -> None:
        """Whatever is due: a checkpoint, the monitor, the purge. Errors are logged."""
        for name, job in (
            ("checkpoint", self.checkpoint),
            ("monitor", self._monitor_if_due),
            ("purge", self._purge_if_due),
        ):
            try:
                await job(now)
            except Exception:
                logger.exception("notification log job failed", extra={"job": name})

    async def checkpoint(self, now: datetime, *, force: bool = False) -> ProofCheckpoint | None:
        interval = timedelta(seconds=0 if force else self.settings.proof_checkpoint_seconds)
        async with self._sessions() as session, session.begin():
            made = await make_checkpoint(
                session,
                self.signer,
                origin=self.settings.proof_log_origin,
                now=now,
                interval=interval,
            )
            found = await witnesses(session, self._keyring, now) if made is not None else []
        if made is not None and found:
            await push_checkpoint(
                self._webhooks,
                found,
                made,
                now=now,
                time_limit=self.settings.delivery_timeout_seconds,
                development=self.settings.is_development,
            )
        return made

    async def _monitor_if_due(self, now: datetime) -> None:
        if time.monotonic() >= self._next_monitor:
            await self.monitor(now)
            self._next_monitor = time.monotonic() + self.settings.proof_monitor_seconds

    async def _purge_if_due(self, now: datetime) -> None:
        if time.monotonic() >= self._next_purge:
            await self.purge(now)
            self._next_purge = time.monotonic() + self.settings.purge_interval_seconds

    async def monitor(self, now: datetime, *, whole: bool = False) -> LogVerification:
        """Verify what was sequenced since the last run, or the whole stored log when
        `whole` or when a whole pass is due; a new failure is recorded and told to the
        platform."""
        whole = whole or time.monotonic() >= self._next_whole_pass
        origin = self.settings.proof_log_origin
        async with self._sessions() as session, session.begin():
            if whole:
                found = await self._monitor.verify_all(session, self.keys, origin=origin)
                self._next_whole_pass = time.monotonic() + self.settings.proof_monitor_whole_seconds
            else:
                found = await self._monitor.verify_new(session, self.keys, origin=origin)
            head = await repository.lock_head(session)
            failure = "; ".join(found.failures[:5]) if found.failures else None
            if failure is not None and failure != head.monitor_failure:
                logger.error("the notification log does not verify", extra={"failure": failure})
                await create_notification(
                    session,
                    NewNotification(
                        key=f"notice|{NOTICE_RULE}|{now.isoformat()}",
                        kind=NotificationKind.NOTICE,
                        rule_id=NOTICE_RULE,
                        rules_version=self.catalogue.version,
                        org=PLATFORM_ORG,
                        role=Role.PLATFORM,
                        subject={"failure": failure, "checkpoints": found.checkpoints},
                        due_at=None,
                        basis="platform",
                        citation=NOTICE_CITATION,
                    ),
                    now=now,
                    cutoff=self.cutoff,
                )
            head.monitor_failure = failure
            head.monitored_size = found.size
            head.monitored_at = now
        return found

    async def purge(self, now: datetime) -> int:
        total = 0
        while True:
            async with self._sessions() as session, session.begin():
                purged = await purge_expired(session, self.settings, now=now)
            total += purged
            if purged == 0:
                return total
