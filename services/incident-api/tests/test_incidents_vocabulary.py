"""Sex and ethnicity are the platform's one vocabulary; legacy spellings are read as the
new words on input, and revision 0002 rewrites the ones stored before."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import command

from incidents.incidents.models import Incident
from incidents.main import MIGRATIONS
from platform_shared.db import UTCDateTime, create_engine
from platform_shared.migrations import alembic_config
from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]


async def _stored(service: InProcessService, incident_id: str) -> tuple[str | None, str | None]:
    async with service.session_factory() as session:
        incident = await session.get(Incident, uuid.UUID(incident_id))
        assert incident is not None
        return incident.sex, incident.ethnicity


async def test_legacy_spellings_posted_are_answered_and_stored_in_the_new_words(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    created = await home.post(
        "/v1/incidents", json=body(sex="not_known", ethnicity="not_yet_obtained")
    )

    assert created.status_code == 201, created.text
    incident = created.json()
    assert (incident["sex"], incident["ethnicity"]) == (
        "not_stated",
        "information_not_yet_obtained",
    )
    assert await _stored(service, incident["id"]) == ("not_stated", "information_not_yet_obtained")


async def test_a_legacy_spelling_in_a_change_is_stored_in_the_new_word(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")
    created = await home.post("/v1/incidents", json=body(sex="female"))

    changed = await home.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"sex": "not_known", "ethnicity": "arab"},
        headers={"If-Match": created.headers["etag"]},
    )

    assert changed.status_code == 200, changed.text
    assert (changed.json()["sex"], changed.json()["ethnicity"]) == ("not_stated", "arab")
    assert await _stored(service, created.json()["id"]) == ("not_stated", "arab")


async def test_a_spelling_of_neither_vocabulary_is_refused(
    service: InProcessService, body: Body
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await home.post("/v1/incidents", json=body(sex="unknown"))

    assert refused.status_code == 422
    assert [error["field"] for error in refused.json()["errors"]] == ["body.sex"]


OLD_INCIDENT = sa.table(
    "incidents",
    *(
        sa.column(name, kind)
        for name, kind in [
            ("id", sa.Uuid()),
            ("created_at", UTCDateTime()),
            ("updated_at", UTCDateTime()),
            ("version", sa.Integer()),
            ("person_ref", sa.String()),
            ("occurred_at", UTCDateTime()),
            ("kind", sa.String()),
            ("setting", sa.String()),
            ("recorded_by", sa.String()),
            ("recorded_by_kind", sa.String()),
            ("cooling_off_applies", sa.Boolean()),
            ("exploitation_concern", sa.Boolean()),
            ("staff_involved", sa.Boolean()),
            ("police_involved", sa.Boolean()),
            ("facts_status", sa.String()),
            ("sex", sa.String()),
            ("ethnicity", sa.String()),
        ]
    ),
)


def _old_row(sex: str | None, ethnicity: str | None) -> dict[str, Any]:
    made = datetime(2026, 6, 10, 13, 0, tzinfo=UTC)
    return {
        "id": uuid.uuid4(),
        "created_at": made,
        "updated_at": made,
        "version": 1,
        "person_ref": "child-camden-1",
        "occurred_at": made,
        "kind": "behaviour",
        "setting": "placement",
        "recorded_by": "provider-demo-home",
        "recorded_by_kind": "provider",
        "cooling_off_applies": False,
        "exploitation_concern": False,
        "staff_involved": False,
        "police_involved": False,
        "facts_status": "pending",
        "sex": sex,
        "ethnicity": ethnicity,
    }


async def _execute(database_url: str, statement: Any) -> list[Any]:
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            result = await connection.execute(statement)
            return list(result) if result.returns_rows else []
    finally:
        await engine.dispose()


async def _words(database_url: str) -> list[tuple[str | None, str | None, int]]:
    rows = await _execute(
        database_url,
        sa.select(OLD_INCIDENT.c.sex, OLD_INCIDENT.c.ethnicity, OLD_INCIDENT.c.version).order_by(
            OLD_INCIDENT.c.occurred_at, OLD_INCIDENT.c.sex
        ),
    )
    return [tuple(row) for row in rows]


async def test_revision_0002_rewrites_stored_legacy_spellings_and_back(
    database_url: str,
) -> None:
    config = alembic_config(MIGRATIONS, database_url)
    await asyncio.to_thread(command.downgrade, config, "0001")
    rows = [_old_row("not_known", "not_yet_obtained"), _old_row("female", "white_british")]
    await _execute(database_url, sa.insert(OLD_INCIDENT).values(rows))

    await asyncio.to_thread(command.upgrade, config, "0002")
    upgraded = await _words(database_url)
    await _execute(
        database_url,
        sa.update(OLD_INCIDENT)
        .where(OLD_INCIDENT.c.sex == "female")
        .values(ethnicity="arab", version=1),
    )
    await asyncio.to_thread(command.downgrade, config, "0001")
    downgraded = await _words(database_url)

    assert upgraded == [
        ("female", "white_british", 1),
        ("not_stated", "information_not_yet_obtained", 3),
    ]
    assert downgraded == [
        ("female", "any_other_ethnic_group", 2),
        ("not_known", "not_yet_obtained", 5),
    ]
