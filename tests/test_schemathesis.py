"""Property-based contract tests: schemathesis against each service's own OpenAPI document.

Each service runs in-process on SQLite, served on a loopback port; schemathesis's CLI
reads the document the service serves and runs its examples, coverage, fuzzing and
stateful phases with every check (`--checks all`), positive and negative data, with a
bounded number of cases per operation. The documents declare no OpenAPI links: the stateful
phase follows the links schemathesis infers (from `Location` headers and by matching
parameters to response fields), and the test fails if it ran no scenario. Every operation is called with a real token (from the development
authorization server) of a demo client holding the scopes the document says it needs.

Failing checks: a server error, a response that breaks its schema, status code or
content type, data the schema forbids being accepted, data it allows being refused with
a 4xx other than the business ones below, an operation that ignores a missing token.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from inprocess_services import CAMDEN_CHILD, DERBYSHIRE_CHILD

from platform_shared.testing import InProcessService

REPO = Path(__file__).resolve().parents[1]
ST = Path(sys.executable).parent / "st"

#: Clients to call with, in order of preference: the first holding every scope wins.
CALLERS = ("demo-camden", "demo-met-custody", "platform-services")
MAX_EXAMPLES = 25
STATEFUL_SCENARIOS = 100
SEED = 20261222
#: More `st run` options, to look past a known failure while debugging, e.g.
#: SCHEMATHESIS_EXTRA_ARGS="--exclude-checks content_type_conformance".
EXTRA_ARGS = os.environ.get("SCHEMATHESIS_EXTRA_ARGS", "").split()
#: Whole run per service; schemathesis is stopped (and the test fails) past it.
TIMEOUT_SECONDS = 180

#: Statuses valid data may still get: an unknown id (404), a conflict with stored
#: state (409, 412 on a stale If-Match), a rule of the domain the schema cannot express
#: (422: a date of birth in the future, an end before a start, a check digit), a missing
#: precondition header (428), a neighbour down (503).
POSITIVE_STATUSES = ["2xx", "401", "403", "404", "409", "412", "422", "428", "503"]

#: Realistic values schemathesis mixes into generated bodies, so that records get made
#: (names with letters, children under 25, dates after their birth) and the stateful
#: phase can follow the links from them.
DICTIONARIES = {
    "names": ["Amelia", "O'Brien", "Zoë", "Smith-Jones", "Nguyen"],
    "birth_dates": ["2011-05-04", "2008-02-29", "2019-12-31"],
    "event_dates": ["2025-01-10", "2026-06-01", "2026-12-22"],
    "nhs_numbers": ["9434765919"],
    "pnc_ids": ["2011/0012345K"],
    "authorities": ["E09000007", "E10000007"],
    "providers": ["provider-demo-home"],
    "person_refs": [CAMDEN_CHILD, DERBYSHIRE_CHILD],
    "police_forces": ["police-derbyshire", "police-metropolitan"],
}
BODY_FIELDS = {
    "given_name": "names",
    "family_name": "names",
    "date_of_birth": "birth_dates",
    "start_date": "event_dates",
    "end_date": "event_dates",
    "left_care_on": "event_dates",
    "recorded_on": "event_dates",
    "nhs_number": "nhs_numbers",
    "pnc_id": "pnc_ids",
    "area_authority": "authorities",
    "provider": "providers",
    "person_ref": "person_refs",
    "police_force": "police_forces",
}


def _client_scopes() -> dict[str, set[str]]:
    clients = yaml.safe_load((REPO / "deploy" / "dev-auth-clients.yaml").read_text())["clients"]
    return {client["client_id"]: set(client.get("scopes") or ()) for client in clients}


def _caller_for(required: set[str], scopes: dict[str, set[str]]) -> str:
    for client_id in CALLERS:
        if required <= scopes[client_id]:
            return client_id
    raise AssertionError(f"no demo client holds {sorted(required)}")


def _toml_string(value: str) -> str:
    return json.dumps(value)


async def _config(service: InProcessService, tokens: Any, document: dict[str, Any]) -> str:
    """schemathesis.toml: bounds, checks and, per operation, the token to call it with."""
    scopes = _client_scopes()
    lines = [
        f"seed = {SEED}",
        "workers = 1",
        "",
        "[generation]",
        f"max-examples = {MAX_EXAMPLES}",
        'mode = "all"',
        "",
        # Scenarios are chains of calls along the links: more of them, each cheap.
        "[phases.stateful.generation]",
        f"max-examples = {STATEFUL_SCENARIOS}",
        "",
        "[checks.positive_data_acceptance]",
        f"expected-statuses = {json.dumps(POSITIVE_STATUSES)}",
        "",
    ]
    for name, values in DICTIONARIES.items():
        lines += [f"[dictionaries.{name}]", f"values = {json.dumps(values)}", ""]
    lines.append("[parameters]")
    for field, name in BODY_FIELDS.items():
        lines.append(f'"body.{field}" = {{ dictionary = "{name}", probability = 0.9 }}')
    lines.append("")
    for item in document["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            required = {
                scope
                for requirement in operation.get("security", [])
                for scopes_of_scheme in requirement.values()
                for scope in scopes_of_scheme
            }
            if not required:
                continue
            token = await tokens(_caller_for(required, scopes), None)
            lines += [
                "[[operations]]",
                f"include-operation-id = {_toml_string(operation['operationId'])}",
                f"headers = {{ Authorization = {_toml_string('Bearer ' + token)} }}",
                "",
            ]
    return "\n".join(lines)


async def _run_schemathesis(workdir: Path, base_url: str, config: str) -> tuple[int, str]:
    config_file = workdir / "schemathesis.toml"
    config_file.write_text(config)
    process = await asyncio.create_subprocess_exec(
        str(ST),
        "--config-file",
        str(config_file),
        "run",
        f"{base_url}/openapi.json",
        "--checks",
        "all",
        *EXTRA_ARGS,
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--suppress-health-check",
        "all",
        "--no-color",
        "--output-truncate",
        "false",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        cwd=workdir,
    )
    try:
        output, _ = await asyncio.wait_for(process.communicate(), timeout=TIMEOUT_SECONDS)
    except TimeoutError:
        process.kill()
        output, _ = await process.communicate()
        return -1, f"schemathesis ran past {TIMEOUT_SECONDS}s\n" + output.decode()
    assert process.returncode is not None
    return process.returncode, output.decode()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize("name", ["care-status-api", "incident-api", "notify-api"])
async def test_service_keeps_its_openapi_contract_under_generated_requests(
    services: Any, auth: Any, name: str, tmp_path: Path
) -> None:
    service = await services.get(name)
    document = service.app.openapi()
    async with services.serve_http(service) as base_url:
        async with httpx.AsyncClient() as http:
            assert (await http.get(f"{base_url}/openapi.json")).status_code == 200
        config = await _config(service, auth.token, document)
        returncode, output = await _run_schemathesis(tmp_path, base_url, config)

    assert returncode == 0, output[-30000:]
    # The links are inferred (Location headers, dependency analysis): a schema change that
    # left none would skip the stateful phase silently.
    assert re.search(r"Scenarios:\s+[1-9]", output), "the stateful phase ran no scenario"
