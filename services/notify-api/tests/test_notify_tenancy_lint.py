"""A query of the inbox or of endpoints that forgets the tenant is a bug class, not a bug.

Routers run no queries; in the modules serving callers, a `select(Notification)` or
`select(Endpoint)` is written only inside a `readable_*` function, which scopes it to
the caller's organisation, and every other query starts from one of those.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "notify"
CALLER_FACING = [
    PACKAGE / "notifications" / "service.py",
    PACKAGE / "endpoints" / "service.py",
    PACKAGE / "duties" / "service.py",
]
TENANT_MODELS = {"Notification", "Endpoint"}


def _unscoped_selects(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if function.name.startswith("readable_"):
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "select"
                and node.args
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id in TENANT_MODELS
            ):
                found.append(f"{path.name}:{node.lineno} in {function.name}")
    return found


def test_caller_facing_queries_start_from_a_tenant_scoped_statement() -> None:
    offenders = [hit for path in CALLER_FACING for hit in _unscoped_selects(path)]

    assert offenders == []


def test_routers_run_no_queries() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.glob("*/router.py")
        if "select(" in path.read_text(encoding="utf-8")
    ]

    assert offenders == []
