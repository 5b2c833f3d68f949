"""A query of the inbox or of endpoints that forgets the tenant is a bug class, not a bug.

Routers run no queries; in the repositories serving callers, a `select(Notification)`,
`select(Endpoint)` or `select(Event...)` is written only inside a function that scopes it
to the caller's organisation (`readable_*` or `@tenant_scope`), or one that says why it
crosses organisations (`@cross_tenant`); every other query starts from one of those.
(The generic tenancy lint of every service replaces this test.)
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "notify"
CALLER_FACING = [
    PACKAGE / "notifications" / "repository.py",
    PACKAGE / "endpoints" / "repository.py",
    PACKAGE / "duties" / "repository.py",
    PACKAGE / "figures" / "repository.py",
]
TENANT_MODELS = {"Notification", "Endpoint", "Event"}


def _marked(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Name) and target.id in {"tenant_scope", "cross_tenant"}:
            return True
    return function.name.startswith("readable_")


def _names_model(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id in TENANT_MODELS


def _unscoped_selects(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = [
        node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    scopes = {function.name for function in functions if _marked(function)}
    found = []
    for function in functions:
        calls_a_scope = any(
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in scopes
            for node in ast.walk(function)
        )
        if _marked(function) or calls_a_scope:
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "select"
                and node.args
                and _names_model(node.args[0])
            ):
                found.append(f"{path.name}:{node.lineno} in {function.name}")
    return found


def test_caller_facing_queries_start_from_a_tenant_scoped_statement() -> None:
    offenders = [hit for path in CALLER_FACING for hit in _unscoped_selects(path)]

    assert offenders == []


def test_an_unscoped_query_is_caught(tmp_path: Path) -> None:
    module = tmp_path / "repository.py"
    module.write_text(
        "async def figures(session):\n"
        "    return await session.execute(select(Event.type).where(Event.matched.is_(False)))\n",
        encoding="utf-8",
    )

    assert _unscoped_selects(module) == ["repository.py:2 in figures"]


def test_routers_run_no_queries() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.glob("*/router.py")
        if "select(" in path.read_text(encoding="utf-8")
    ]

    assert offenders == []
