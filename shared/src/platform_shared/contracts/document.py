"""docs/events.md, written from the contracts: `python -m platform_shared.contracts.document`.

The prose is kept here as text; the tables (the status facts block, each service's event
types and their fields) and the JSON Schema of each event are read from the models, so the
document cannot drift from the code (`shared/tests/test_events_document.py` fails when the
file and this output differ). Regenerate with `make docs`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, Field, create_model

from platform_shared.contracts.events import (
    EVENT_DATA,
    EVENT_SOURCE,
    CloudEvent,
    EventSource,
    EventType,
    IncidentEvent,
)
from platform_shared.contracts.facts import StatusFacts
from platform_shared.contracts.vocabularies import BASIS_CATEGORY

COMMAND = "python -m platform_shared.contracts.document > docs/events.md"

INTRODUCTION = """\
# Events between the services (contract)

<!-- Generated from platform_shared.contracts by `make docs`
     (`{command}`): edit the code or
     shared/src/platform_shared/contracts/document.py, not this file. -->

Every event is a CloudEvents 1.0 JSON envelope posted by a service's outbox relay to
notify-api `POST /v1/events` (scope `events:publish`, content type
`application/cloudevents+json` or `application/json`):

```json
{{"specversion": "1.0", "id": "<uuid>", "source": "care-status-api" | "incident-api",
 "type": "placement.started", "subject": "<person_ref>", "time": "<instant with offset>",
 "datacontenttype": "application/json", "data": {{...}}}}
```

`id` is stable across retries; notify-api stores each id once. The relays post their
events in batches (`RELAY_POST_BATCH_SIZE`, 50): the CloudEvents batched content mode,
content type `application/cloudevents-batch+json`, a JSON array of such envelopes, each
taken in as if posted alone and answered by its own receipt (notify-api README). With
tracing on, each event of a batch carries the `traceparent` extension attribute (the
CloudEvents distributed tracing extension). The JSON Schema of each event (its envelope
and its `data`) is at the end of this document.
"""

FACTS_INTRODUCTION = """\
## The status facts block (in `data` of every event about a person)

Read by care-status-api **as of the event's effective date** (rules.md, "Statuses the
rules read"): a placement's start date, an incident's `occurred_at`, otherwise the
event's time. notify-api never asks again: the rules read only these fields. Every field
is present in every event; a field that may be empty is null.
"""

FACTS_SERVED = """\
care-status-api serves this block to the platform's own services at
`GET /v1/status-facts/{person_ref}?as_of=YYYY-MM-DD` (scope `care-status:facts`, held only by
the `platform-services` client), audited like a lookup. 404 when the person_ref is unknown.
"""

VOCABULARY = """\
## What a caller writes and what the events carry (the vocabulary mapping)

The write API takes the detailed legal basis, by statute (`basis` of
`POST /v1/children/{child_id}/legal-statuses`, e.g. `care_order_s31`); the facts block
carries its category (`legal_basis`, e.g. `care_order`), which is what the rules and the
protocols read. `care.started` and `care.ended` carry the detailed `basis` as written.
Each detailed basis and the category it is carried as:
"""

KIND_NAMES = """\
Incident kinds are named for what happened (`custody_detention`); event types for the
change to the person's record, `<subject>.<past participle>` (`custody.detained`). The
table below is the whole mapping; a kind not in it sends no event of its own.
"""

CARE_STATUS_EVENTS = """\
## care-status-api events (source `care-status-api`)

Each carries the facts block plus the fields of its type. `placement.started` is emitted
when the placement is recorded, whatever its start date, with the facts read as of
`start_date` (so its `placement_type` and `area_authority` are those of the facts block).
"""

INCIDENT_EVENTS = """\
## incident-api events (source `incident-api`)

Each carries the facts block (facts as of `occurred_at`'s London date) plus the fields
common to every incident event:
"""

#: incident-api's vocabulary, not a contract of the platform: which incident kind (or
#: change to an incident) sends which event type. Kept here as the prose of the document.
INCIDENT_KIND_EVENTS: tuple[tuple[str, EventType], ...] = (
    ("`behaviour`, `missing_episode`", EventType.INCIDENT_RECORDED),
    ("`police_contact`", EventType.POLICE_CONTACT_RECORDED),
    ("`voluntary_interview`", EventType.VOLUNTARY_INTERVIEW_RECORDED),
    ("`arrest`", EventType.ARREST_RECORDED),
    ("`custody_detention`", EventType.CUSTODY_DETAINED),
    ("`charge`", EventType.CHARGED),
    ("`out_of_court_disposal`, `no_further_action`, `court_outcome`", EventType.OUTCOME_RECORDED),
    ("`remand`", EventType.REMANDED),
    ("`custodial_sentence`", EventType.SENTENCED_CUSTODIAL),
    ("`release`", EventType.CUSTODY_RELEASED),
    ("`court_hearing` (with its `hearing_date`)", EventType.COURT_HEARING_LISTED),
    ("PATCH sets an outcome", EventType.OUTCOME_RECORDED),
    ("PATCH (or create) sets a release date", EventType.RELEASE_DATE_SET),
    ("PATCH lists a court hearing for another day", EventType.COURT_HEARING_LISTED),
    (
        "PATCH raises `exploitation_concern` (false to true; a record created with it "
        "true carries it in its own event)",
        EventType.EXPLOITATION_CONCERN_RAISED,
    ),
    (
        "PATCH involves the police or moves the instant they became involved "
        "(`police_involved_at`)",
        EventType.POLICE_INVOLVEMENT_RECORDED,
    ),
)

INCIDENT_KINDS = """\
The event type follows the incident's kind (incident-api's vocabulary), or the change made
to it:
"""

INCIDENT_ENRICHMENT = """\
An incident recorded while care-status-api is unreachable is stored, and its event is
enriched with the facts by the relay when care-status-api answers again; it is never sent
without them.
"""

SCHEMAS = """\
## JSON Schema of each event

The envelope with its `type` and its `data` (the facts block and the type's fields).
notify-api takes an event whose `data` has more fields than these (they are ignored) and
stores an event of a type it does not know yet.
"""


# --- reading the models ------------------------------------------------------------------


def _type_of(schema: dict[str, Any], definitions: dict[str, Any]) -> str:
    """A property's JSON Schema written as the tables write types."""
    if "$ref" in schema:
        return _type_of(definitions[schema["$ref"].rsplit("/", 1)[-1]], definitions)
    if "anyOf" in schema:
        return " \\| ".join(_type_of(part, definitions) for part in schema["anyOf"])
    if "enum" in schema:
        return " \\| ".join(f"`{value}`" for value in schema["enum"])
    if "const" in schema:
        return f"`{schema['const']}`"
    kind = schema.get("type")
    if kind == "string":
        return {"date": "date", "date-time": "instant"}.get(schema.get("format", ""), "string")
    return {"integer": "int", "boolean": "bool", "null": "null"}.get(str(kind), str(kind))


def _fields_table(model: type[BaseModel], names: Iterable[str]) -> list[str]:
    schema = model.model_json_schema()
    definitions = schema.get("$defs", {})
    rows = ["| field | type | meaning |", "|---|---|---|"]
    for name in names:
        field = model.model_fields[name]
        kind = _type_of(schema["properties"][name], definitions)
        rows.append(f"| `{name}` | {kind} | {field.description or ''} |")
    return rows


def _own_fields(model: type[BaseModel], base: type[BaseModel]) -> list[str]:
    return [name for name in model.model_fields if name not in base.model_fields]


def _field_list(model: type[BaseModel], names: Iterable[str]) -> str:
    schema = model.model_json_schema()
    definitions = schema.get("$defs", {})
    written = [f"`{name}` ({_type_of(schema['properties'][name], definitions)})" for name in names]
    return ", ".join(written) if written else ""


def _types_of(source: EventSource) -> list[EventType]:
    return [event_type for event_type in EventType if EVENT_SOURCE[event_type] is source]


def _event_table(source: EventSource, base: type[BaseModel]) -> list[str]:
    rows = ["| type | extra data |", "|---|---|"]
    for event_type in _types_of(source):
        model = EVENT_DATA[event_type]
        rows.append(f"| `{event_type}` | {_field_list(model, _own_fields(model, base))} |")
    return rows


def _basis_table() -> list[str]:
    rows = ["| `basis` written (care-status-api) | `legal_basis` carried (facts block) |"]
    rows.append("|---|---|")
    rows.extend(f"| `{basis}` | `{category}` |" for basis, category in BASIS_CATEGORY.items())
    return rows


def _kind_table() -> list[str]:
    rows = ["| incident kind (or change) | event type | extra data |", "|---|---|---|"]
    for kinds, event_type in INCIDENT_KIND_EVENTS:
        model = EVENT_DATA[event_type]
        extra = _field_list(model, _own_fields(model, IncidentEvent))
        rows.append(f"| {kinds} | `{event_type}` | {extra} |")
    return rows


def event_schema(event_type: EventType) -> dict[str, Any]:
    """The JSON Schema of one event: the envelope, its `type`, its `data`."""
    data_model = EVENT_DATA[event_type]
    fields: dict[str, Any] = {
        "type": (Literal[event_type.value], Field()),
        "source": (Literal[EVENT_SOURCE[event_type].value], Field()),
        "data": (data_model, Field()),
    }
    envelope = create_model(
        data_model.__name__ + "Event",
        __base__=CloudEvent,
        __doc__=f"A `{event_type}` event from {EVENT_SOURCE[event_type]}.",
        **fields,
    )
    return envelope.model_json_schema()


def _schema_section(event_type: EventType) -> list[str]:
    text = json.dumps(event_schema(event_type), indent=2, ensure_ascii=False)
    return [
        "<details>",
        f"<summary><code>{event_type}</code></summary>",
        "",
        "```json",
        text,
        "```",
        "",
        "</details>",
        "",
    ]


# --- the document ------------------------------------------------------------------------


def render() -> str:
    """The whole of docs/events.md."""
    incident_common = _own_fields(IncidentEvent, StatusFacts)
    lines = [
        INTRODUCTION.format(command=COMMAND),
        FACTS_INTRODUCTION,
        *_fields_table(StatusFacts, StatusFacts.model_fields),
        "",
        FACTS_SERVED,
        VOCABULARY,
        *_basis_table(),
        "",
        CARE_STATUS_EVENTS,
        *_event_table(EventSource.CARE_STATUS_API, StatusFacts),
        "",
        INCIDENT_EVENTS,
        *_fields_table(IncidentEvent, incident_common),
        "",
        INCIDENT_KINDS,
        KIND_NAMES,
        *_kind_table(),
        "",
        INCIDENT_ENRICHMENT,
        SCHEMAS,
    ]
    for event_type in EventType:
        lines.extend(_schema_section(event_type))
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> None:
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
