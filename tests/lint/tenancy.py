"""The tenancy lint's engine: every query of a tenant-owned model is bounded to an organisation.

The convention (`platform_shared.tenancy`): a tenant-owned model declares
`__tenant_columns__ = ("col", ...)`; every query of it lives in a `repository.py` module,
inside a function that is `@tenant_scope` (and mentions `Model.<one of its tenant columns>`),
or that calls a `@tenant_scope` function which does, or that is `@cross_tenant("why")`.

What counts as a query of a tenant-owned model `M` (by the AST, in the whole `src/`):

- `select(...)`, `update(...)`, `delete(...)` (SQLAlchemy's, by import) whose statement
  chain mentions `M` (`select(M)`, `select(M.id)`, `.select_from(M)`, `.join(M)`, ...);
- an upsert (`.on_conflict_do_update(...)` whose statement mentions `M` or its table), which
  changes rows that already exist. A plain INSERT neither reads nor changes another organisation's rows;
  which organisation a new row belongs to is a value (`M(col=principal.organisation)`) that
  an AST cannot judge, so plain inserts are not counted;
- `session.get(M, ...)` / `session.get_one(M, ...)`;
- `M.__table__` (or a name bound to it, e.g. `_rows = cast(Table, M.__table__)`) in a Core
  statement, including `table.select()` / `.update()` / `.delete()`;
- an SQL string (`"SELECT ... FROM <M's table>"`), for statements written as plain SQL.

A statement built at module (or class) level is a query too, and it cannot be marked there:
build it in a decorated function instead. `session.add` / `session.delete(obj)` act on a row
already loaded (by a query checked here) and are not counted.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

STATEMENT_FUNCTIONS = {"select", "update", "delete", "insert"}
TABLE_METHODS = {"select", "update", "delete"}
GET_METHODS = {"get", "get_one"}
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True)
class TenantModel:
    name: str
    columns: tuple[str, ...]
    table: str | None
    path: str


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    model: str
    missing: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.model}: {self.missing}"


# --- discovering the tenant-owned models ------------------------------------------------


def _is_models_module(path: str) -> bool:
    parts = Path(path).parts
    return parts[-1] == "models.py" or "models" in parts[:-1]


def _string_tuple(node: ast.AST) -> tuple[str, ...] | None:
    if isinstance(node, ast.Tuple | ast.List):
        values = [
            e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
        ]
        if len(values) == len(node.elts):
            return tuple(values)
    return None


def _class_attribute(body: list[ast.stmt], name: str) -> ast.AST | None:
    for statement in body:
        if isinstance(statement, ast.Assign):
            if any(isinstance(t, ast.Name) and t.id == name for t in statement.targets):
                return statement.value
        elif (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and statement.target.id == name
            and statement.value is not None
        ):
            return statement.value
    return None


def tenant_models(sources: Mapping[str, str]) -> dict[str, TenantModel]:
    """The classes of the models modules that declare (or inherit) `__tenant_columns__`."""
    classes: dict[str, tuple[ast.ClassDef, str]] = {}
    for path, source in sources.items():
        if _is_models_module(path):
            for node in ast.walk(ast.parse(source, filename=path)):
                if isinstance(node, ast.ClassDef):
                    classes[node.name] = (node, path)

    def columns_of(name: str, seen: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
        if name not in classes or name in seen:
            return None
        node, _ = classes[name]
        declared = _class_attribute(node.body, "__tenant_columns__")
        if declared is not None:
            return _string_tuple(declared) or ()
        for base in node.bases:
            base_name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", None)
            if base_name and (inherited := columns_of(base_name, seen | {name})) is not None:
                return inherited
        return None

    models = {}
    for name, (node, path) in classes.items():
        columns = columns_of(name)
        if columns is None:
            continue
        table = _class_attribute(node.body, "__tablename__")
        table_name = (
            table.value
            if isinstance(table, ast.Constant) and isinstance(table.value, str)
            else None
        )
        models[name] = TenantModel(name, columns, table_name, path)
    return models


# --- one module --------------------------------------------------------------------------


@dataclass
class _Query:
    node: ast.AST
    models: set[str]
    function: FunctionNode | None
    chain: ast.AST


@dataclass
class _Module:
    path: str
    tree: ast.Module
    models: Mapping[str, TenantModel]
    parents: dict[ast.AST, ast.AST] = field(default_factory=dict)
    statement_names: set[str] = field(default_factory=set)
    sqlalchemy_modules: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)
    docstrings: set[ast.AST] = field(default_factory=set)

    def __post_init__(self) -> None:
        for parent in ast.walk(self.tree):
            for child in ast.iter_child_nodes(parent):
                self.parents[child] = parent
            body = getattr(parent, "body", None)
            if (
                isinstance(body, list)
                and body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
            ):
                self.docstrings.add(body[0].value)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                for alias in node.names:
                    if alias.name in STATEMENT_FUNCTIONS:
                        self.statement_names.add(alias.asname or alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("sqlalchemy"):
                        self.sqlalchemy_modules.add(alias.asname or alias.name.split(".")[0])
        # Names bound to a model's table (`_rows = cast(Table, M.__table__)`, `aliased(M)`).
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Assign) and not self._statement_calls(node.value):
                model = self._table_reference(node.value)
                if model:
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            self.aliases[target.id] = model

    # references

    def model_of(self, node: ast.AST) -> str | None:
        """The tenant model a name refers to: `M`, `models.M`, or an alias of its table."""
        if isinstance(node, ast.Name):
            if node.id in self.models:
                return node.id
            return self.aliases.get(node.id)
        if isinstance(node, ast.Attribute) and node.attr in self.models:
            return node.attr
        return None

    def _table_reference(self, value: ast.AST) -> str | None:
        for node in ast.walk(value):
            if isinstance(node, ast.Attribute) and node.attr == "__table__":
                referred = self.model_of(node.value)
            elif isinstance(node, ast.Call) and _name_of(node.func) == "aliased" and node.args:
                referred = self.model_of(node.args[0])
            else:
                continue
            if referred:
                return referred
        return None

    def mentioned_models(self, node: ast.AST) -> set[str]:
        return {m for child in ast.walk(node) if (m := self.model_of(child))}

    def mentions_tenant_column(self, function: ast.AST, model: str) -> bool:
        columns = set(self.models[model].columns)
        for node in ast.walk(function):
            if isinstance(node, ast.Attribute) and node.attr in columns:
                owner = node.value
                if isinstance(owner, ast.Attribute) and owner.attr == "c":
                    owner = owner.value  # table.c.col, M.__table__.c.col
                if isinstance(owner, ast.Attribute) and owner.attr == "__table__":
                    owner = owner.value
                if self.model_of(owner) == model:
                    return True
        return False

    # statements

    def _is_statement_function(self, func: ast.AST) -> str | None:
        if isinstance(func, ast.Name) and func.id in self.statement_names:
            return func.id
        if (
            isinstance(func, ast.Attribute)
            and func.attr in STATEMENT_FUNCTIONS
            and isinstance(func.value, ast.Name)
            and func.value.id in self.sqlalchemy_modules
        ):
            return func.attr
        return None

    def _statement_calls(self, value: ast.AST) -> bool:
        return any(
            isinstance(n, ast.Call) and self._is_statement_function(n.func) for n in ast.walk(value)
        )

    def chain_of(self, node: ast.AST) -> ast.AST:
        """The whole method chain a statement call starts: `select(...).where(...).limit(...)`."""
        while True:
            parent = self.parents.get(node)
            if isinstance(parent, ast.Attribute) and parent.value is node:
                grand = self.parents.get(parent)
                if isinstance(grand, ast.Call) and grand.func is parent:
                    node = grand
                    continue
            return node

    def enclosing_function(self, node: ast.AST) -> FunctionNode | None:
        while (node := self.parents.get(node)) is not None:  # type: ignore[assignment]
            if isinstance(node, FunctionNode):
                return node
        return None

    def queries(self) -> Iterator[_Query]:
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                yield from self._call_query(node)
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node not in self.docstrings
            ):
                models = self._sql_models(node.value)
                if models:
                    yield _Query(node, models, self.enclosing_function(node), node)

    def _call_query(self, node: ast.Call) -> Iterator[_Query]:
        function = self.enclosing_function(node)
        kind = self._is_statement_function(node.func)
        if kind == "insert":
            return  # a plain insert; an upsert is found by its `on_conflict_do_update` below
        if kind:
            chain = self.chain_of(node)
            models = self.mentioned_models(chain)
            if models:
                yield _Query(node, models, function, chain)
            return
        if isinstance(node.func, ast.Attribute):
            method = node.func.attr
            if method == "on_conflict_do_update":
                chain = self.chain_of(node)
                if models := self.mentioned_models(chain):
                    yield _Query(node, models, function, chain)
            elif method in GET_METHODS and node.args and (model := self.model_of(node.args[0])):
                yield _Query(node, {model}, function, node)
            elif method in TABLE_METHODS and (model := self._table_reference(node.func.value)):
                yield _Query(node, {model}, function, self.chain_of(node))
            elif (
                method in TABLE_METHODS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in self.aliases
            ):
                yield _Query(node, {self.aliases[node.func.value.id]}, function, node)

    def _sql_models(self, text: str) -> set[str]:
        if not re.match(r"\s*(with|select|insert|update|delete)\b", text, re.IGNORECASE):
            return set()
        found = set()
        for name, model in self.models.items():
            if model.table and re.search(
                rf"\b(from|join|update|into)\s+\"?{re.escape(model.table)}\"?\b",
                text,
                re.IGNORECASE,
            ):
                found.add(name)
        return found


def _name_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _decorator(function: FunctionNode, name: str) -> ast.expr | None:
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if _name_of(target) == name:
            return decorator
    return None


def _cross_tenant_reason(function: FunctionNode) -> str | None:
    """The reason of `@cross_tenant("why")`; "" when it is missing or not a plain string."""
    decorator = _decorator(function, "cross_tenant")
    if decorator is None:
        return None
    if (
        isinstance(decorator, ast.Call)
        and decorator.args
        and isinstance(decorator.args[0], ast.Constant)
        and isinstance(decorator.args[0].value, str)
    ):
        return decorator.args[0].value.strip()
    return ""


def _called_names(function: FunctionNode) -> set[str]:
    return {
        name
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and (name := _name_of(node.func))
    }


# --- the service -------------------------------------------------------------------------


def _scopes(modules: Iterable[_Module]) -> dict[str, set[str]]:
    """Each `@tenant_scope` function's name -> the models whose tenant column it mentions."""
    scopes: dict[str, set[str]] = {}
    for module in modules:
        for node in ast.walk(module.tree):
            if isinstance(node, FunctionNode) and _decorator(node, "tenant_scope"):
                scoped = {m for m in module.models if module.mentions_tenant_column(node, m)}
                scopes.setdefault(node.name, set()).update(scoped)
    return scopes


def _missing(
    module: _Module, query: _Query, model: str, scopes: Mapping[str, set[str]]
) -> list[str]:
    missing = []
    if Path(module.path).name != "repository.py":
        missing.append("query outside a repository.py module")
    function = query.function
    if function is None:
        missing.append(
            "statement built at module level: build it in a @tenant_scope or "
            '@cross_tenant("why") function'
        )
        return missing
    outer: list[FunctionNode] = [function]
    while (up := module.enclosing_function(outer[-1])) is not None:
        outer.append(up)
    columns = " or ".join(f"{model}.{c}" for c in module.models[model].columns)
    for candidate in outer:
        reason = _cross_tenant_reason(candidate)
        if reason:
            return missing
        if reason == "":
            missing.append(f"@cross_tenant on {candidate.name}() needs a non-empty reason string")
            return missing
        if _decorator(candidate, "tenant_scope") and module.mentions_tenant_column(
            candidate, model
        ):
            return missing
        if any(model in scopes.get(name, set()) for name in _called_names(candidate)):
            return missing
    if _decorator(function, "tenant_scope"):
        missing.append(f"@tenant_scope function {function.name}() never mentions {columns}")
    else:
        missing.append(
            f"{function.name}() is not scoped: make it @tenant_scope (mentioning {columns}), "
            f'call a @tenant_scope function of {model}, or mark it @cross_tenant("why")'
        )
    return missing


def check_sources(sources: Mapping[str, str]) -> tuple[dict[str, TenantModel], list[Finding]]:
    """The tenant-owned models of a service's sources (path -> text) and every finding."""
    models = tenant_models(sources)
    modules = [
        _Module(path, ast.parse(text, filename=path), models) for path, text in sources.items()
    ]
    scopes = _scopes(modules)
    findings = set()
    for module in modules:
        for query in module.queries():
            for model in sorted(query.models):
                missing = _missing(module, query, model, scopes)
                if missing:
                    line = getattr(query.node, "lineno", 0)
                    findings.add(Finding(module.path, line, model, "; ".join(missing)))
    return models, sorted(findings)


def check_service(src: Path) -> tuple[dict[str, TenantModel], list[Finding]]:
    """`check_sources` on every module under a service's `src/` (paths relative to it)."""
    sources = {
        str(path.relative_to(src)): path.read_text(encoding="utf-8")
        for path in sorted(src.rglob("*.py"))
    }
    return check_sources(sources)
