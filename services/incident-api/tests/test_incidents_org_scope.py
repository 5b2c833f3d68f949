"""No query of incidents escapes the tenancy rule: only the repository selects them.

A query that forgets the caller's organisation is a bug class (Polar's org-scope lint);
this test keeps every `select(Incident ...)` and `session.get(Incident, ...)` inside
`incidents/incidents/repository.py`, where `readable_by` (`@tenant_scope`) scopes them;
the checklist and monitoring repositories build on `readable_by` / `readable_incidents`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import incidents

PACKAGE = Path(incidents.__file__).parent
REPOSITORY = PACKAGE / "incidents" / "repository.py"


def _incident_queries(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if name not in {"select", "get", "execute", "scalar", "scalars"}:
            continue
        if any(isinstance(arg, ast.Name) and arg.id == "Incident" for arg in node.args):
            lines.append(node.lineno)
    return lines


def test_only_the_repository_queries_incidents() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if path != REPOSITORY and (lines := _incident_queries(path))
    }

    assert offenders == {}


def test_the_repository_scopes_caller_queries_with_readable_by() -> None:
    source = REPOSITORY.read_text(encoding="utf-8")

    assert source.count("select(Incident)") == 2  # readable_incidents and get_for_relay
    assert "def readable_by(" in source
