"""A minimal service built with the shared app factory, to test the library as services use it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Response, Security
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func, select

from platform_shared.app import create_service_app
from platform_shared.audit import record_audit
from platform_shared.auth import Principal, require_scopes
from platform_shared.dead_letters import dead_letter_router
from platform_shared.dependencies import Session
from platform_shared.idempotency import Idempotency
from platform_shared.outbox import OutboxEvent, add_event
from platform_shared.settings import ServiceSettings
from platform_shared.testing import DatabaseFactories, InProcessService, serve_in_process
from platform_shared.web.etags import set_created

MIGRATIONS = Path(__file__).parent / "migrations"

Reader = Annotated[Principal, Security(require_scopes, scopes=["rules:read"])]
Writer = Annotated[Principal, Security(require_scopes, scopes=["care-status:write"])]


class NoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    text: str = Field(max_length=200)
    count: int = 1


class NoteCreated(BaseModel):
    event_id: str
    org: str


def build_router() -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["notes"])

    @router.get("/whoami")
    async def whoami(caller: Reader) -> dict[str, Any]:
        return {"org": caller.org, "client_id": caller.client_id}

    @router.post("/notes", status_code=201)
    async def create_note(
        body: NoteCreate,
        caller: Writer,
        session: Session,
        idempotency: Idempotency,
        response: Response,
    ) -> NoteCreated:
        event = add_event(
            session, type="note.created", source="shared-tests", data={"count": body.count}
        )
        record_audit(session, caller, "note.create", subject_id=event.id)
        created = NoteCreated(event_id=str(event.id), org=caller.org)
        set_created(response, f"/v1/notes/{event.id}", 1)
        idempotency.remember(201, created, response.headers)
        return created

    @router.get("/notes")
    async def list_notes(caller: Reader) -> dict[str, str]:
        return {"org": caller.org}

    @router.get("/notes/count")
    async def count_notes(caller: Reader, session: Session) -> dict[str, int]:
        total = await session.scalar(select(func.count()).select_from(OutboxEvent))
        return {"events": int(total or 0)}

    return router


def make_settings(database_url: str, **overrides: Any) -> ServiceSettings:
    values: dict[str, Any] = {
        "migrate_on_start": False,
        "relay_in_process": False,
        "max_body_bytes": 10_000,
        **overrides,
    }
    return ServiceSettings(database_url=database_url, **values)


@pytest.fixture
async def database_url(database_factories: DatabaseFactories, backend: str) -> str:
    return await database_factories.get(MIGRATIONS, backend).acreate()


@pytest.fixture
async def service(database_url: str, auth: Any) -> AsyncIterator[InProcessService]:
    app = create_service_app(
        title="shared-tests",
        description="test app",
        settings=make_settings(database_url),
        migrations=MIGRATIONS,
        routers=[build_router(), dead_letter_router("rules:read", "care-status:write")],
    )
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running
