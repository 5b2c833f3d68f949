"""The outbox relay's prepare hook: no incident event leaves without its status facts.

An event written while care-status-api was unreachable carries `facts_pending: true`.
Before the relay posts it, `FactsEnricher.prepare` reads the facts (as of the
incident's London date, on behalf of the incident's recorder, whose org and client are
stored with it), stores them on the incident (its authorities decide who may
read it and whose figures count it) and returns the event's complete data. While
care-status-api cannot answer it raises `EventNotReady`: the event stays pending and
the relay tries again with backoff. Nothing is lost and nothing is sent without facts.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from incidents.care_status_client import CareStatusClient, CareStatusUnavailable, PersonNotFound
from incidents.incidents import repository
from incidents.incidents.events import FACTS_PENDING, SOURCE, complete_with_facts
from incidents.incidents.facts import read_facts, recorder_reader, store_facts
from incidents.incidents.vocabulary import FactsStatus
from platform_shared.outbox import EventNotReady, OutboxEvent

logger = logging.getLogger("incidents.enrichment")

SessionSource = Callable[[], async_sessionmaker[AsyncSession]]


class FactsEnricher:
    """Completes pending incident events with the status facts from care-status-api."""

    def __init__(self, client: CareStatusClient, sessions: SessionSource) -> None:
        self._client = client
        self._sessions = sessions

    async def prepare(self, event: OutboxEvent) -> dict[str, Any]:
        """The data to send; raises EventNotReady while the facts cannot be read."""
        data = dict(event.data)
        if event.source != SOURCE or not data.get(FACTS_PENDING):
            return data
        incident_id = uuid.UUID(str(data["incident_id"]))
        # Short transactions only: nothing holds the database while care-status-api is asked.
        async with self._sessions()() as session, session.begin():
            incident = await repository.get_for_relay(session, incident_id)
            if incident is None:
                raise EventNotReady("the incident of this event is not stored")
            stored, person_ref, occurred_at, reader = (
                incident.status_facts,
                incident.person_ref,
                incident.occurred_at,
                recorder_reader(incident),
            )
        if stored is not None:
            return complete_with_facts(data, stored)
        try:
            facts = await read_facts(self._client, person_ref, occurred_at, reader)
        except CareStatusUnavailable as error:
            raise EventNotReady(f"care-status-api unavailable: {error}") from error
        except PersonNotFound as error:
            await self._mark_unknown(incident_id)
            raise EventNotReady("care-status-api does not know the person_ref") from error
        async with self._sessions()() as session, session.begin():
            incident = await repository.get_for_relay(session, incident_id, for_update=True)
            if incident is not None and incident.status_facts is None:
                store_facts(incident, facts)
                incident.version += 1
                logger.info("status facts stored", extra={"incident_id": str(incident_id)})
            stored = incident.status_facts if incident is not None else None
        return complete_with_facts(data, stored or facts.model_dump(mode="json"))

    async def _mark_unknown(self, incident_id: uuid.UUID) -> None:
        async with self._sessions()() as session, session.begin():
            incident = await repository.get_for_relay(session, incident_id, for_update=True)
            if incident is not None and incident.facts_status != FactsStatus.PERSON_UNKNOWN:
                incident.facts_status = FactsStatus.PERSON_UNKNOWN.value
        logger.warning(
            "person_ref unknown to care-status-api", extra={"incident_id": str(incident_id)}
        )
