"""docs/events.md is the contracts written out: it changes when the code does."""

from __future__ import annotations

from pathlib import Path

from platform_shared.contracts.document import COMMAND, event_schema, render
from platform_shared.contracts.events import EVENT_SOURCE, EventType

EVENTS_DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "events.md"


def test_docs_events_md_is_the_document_the_contracts_make() -> None:
    written = EVENTS_DOCUMENT.read_text(encoding="utf-8")

    assert written == render(), (
        "docs/events.md differs from platform_shared.contracts: regenerate it with "
        f"`make docs` ({COMMAND})"
    )


def test_every_event_type_has_its_schema_in_the_document() -> None:
    document = render()

    missing = [t for t in EventType if f"<summary><code>{t}</code></summary>" not in document]

    assert missing == []


def test_an_event_schema_fixes_its_type_and_source_and_describes_its_data() -> None:
    schema = event_schema(EventType.CUSTODY_DETAINED)

    assert schema["properties"]["type"]["const"] == "custody.detained"
    assert schema["properties"]["source"]["const"] == EVENT_SOURCE[EventType.CUSTODY_DETAINED]
    data = schema["$defs"][schema["properties"]["data"]["$ref"].rsplit("/", 1)[-1]]
    assert {"custody_suite", "detained_at", "incident_id", "person_ref"} <= set(data["properties"])
    assert {"data", "type", "id", "time"} <= set(schema["required"])
