"""The lookup's connection: on PostgreSQL its statements run on asyncpg itself.

Measured (docs/decisions.md D10): SQLAlchemy's execution context and result rows cost a
lookup about 200 us of CPU per statement beyond the driver's own work, more than the
statement's round trip; a lookup is a custody desk's call, the hot path. So the lookup's
two statements (the care-record probe, `care_record.repository`, and its audit row) are
compiled once for PostgreSQL (their SQL text, the order of their parameters and each
parameter's bind processor, so that values are converted exactly as SQLAlchemy would) and
run on the pooled connection's asyncpg connection. The pool, its checks and the
connection's return are SQLAlchemy's. On SQLite the same statements run through
SQLAlchemy. Only care-status-api does this, and only for lookups.

Rows come back as the driver gives them (a JSON column already decoded by the codec
SQLAlchemy sets on each connection), so the statements select only columns whose driver
values are the Python values: text, booleans, dates, UUIDs, aware timestamps, JSON.

On PostgreSQL each statement commits by itself (autocommit): the audit insert is the last
statement, so its success is the commit, and the round trips of BEGIN and COMMIT are
saved. On SQLite the work is one transaction committed at the end. Either way a failure
before the insert leaves nothing behind, and the answer exists only once its audit row is
committed. A connection on which a statement failed in the driver is invalidated, not
given back to the pool.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Unpack

import asyncpg
from sqlalchemy import insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.expression import Executable

from platform_shared.audit import AuditedWhat, AuditEntry, audit_row
from platform_shared.auth import Principal

#: Driver errors that mean the database could not be reached, is going away, or left the
#: connection in an unknown state: raised as SQLAlchemy's `OperationalError` (a 503).
_UNAVAILABLE = (
    OSError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.exceptions.InsufficientResourcesError,
)


class StatementFailed(Exception):
    """A lookup statement the database refused; the SQL and SQLSTATE only, no values."""

    def __init__(self, sql: str, sqlstate: str | None) -> None:
        super().__init__(f"SQLSTATE {sqlstate}: {sql}")
        self.sqlstate = sqlstate


@dataclass(frozen=True)
class _DriverSql:
    """A statement as asyncpg runs it: SQL text, and how to order and convert the values."""

    sql: str
    names: tuple[str, ...]
    defaults: dict[str, Any]
    processors: tuple[Callable[[Any], Any] | None, ...]

    @classmethod
    def of(cls, statement: ClauseElement, dialect: Dialect) -> _DriverSql:
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        names = tuple(compiled.positiontup or ())
        binds = {name: compiled.binds[name] for name in names}
        return cls(
            sql=compiled.string,
            names=names,
            defaults={
                name: bind.effective_value for name, bind in binds.items() if not bind.required
            },
            processors=tuple(
                bind.type.dialect_impl(dialect).bind_processor(dialect) for bind in binds.values()
            ),
        )

    def arguments(self, values: Mapping[str, Any]) -> list[Any]:
        arguments = []
        for name, convert in zip(self.names, self.processors, strict=True):
            value = values[name] if name in values else self.defaults[name]
            arguments.append(value if convert is None or value is None else convert(value))
        return arguments


#: Each statement's driver form, made the first time it runs (statements are built once).
_COMPILED: dict[int, tuple[Executable, _DriverSql]] = {}

_AUDIT_INSERT = insert(AuditEntry)


class LookupConnection:
    """One pooled connection for a lookup: its reads, then its audit row."""

    def __init__(self, connection: AsyncConnection, driver: asyncpg.Connection | None) -> None:
        self.connection = connection
        self._driver = driver
        #: A statement failed in the driver: the connection is not given back to the pool.
        self.failed = False

    async def execute(
        self, statement: Executable, values: Mapping[str, Any]
    ) -> Sequence[Sequence[Any]]:
        """The rows of a statement built once (at import or cached), run with `values`."""
        if self._driver is None:
            result = await self.connection.execute(statement, dict(values))
            return list(result) if result.returns_rows else []
        form = self._driver_sql(statement)
        try:
            rows: list[asyncpg.Record] = await self._driver.fetch(form.sql, *form.arguments(values))
        except _UNAVAILABLE as error:
            self.failed = True
            raise OperationalError(form.sql, None, error) from error
        except asyncpg.PostgresError as error:
            self.failed = True
            # asyncpg's message quotes the argument it could not encode or the row that
            # broke a constraint: the error raised (and logged) names only what failed.
            raise StatementFailed(form.sql, error.sqlstate) from None
        except Exception:
            self.failed = True
            raise
        return rows

    async def insert_audit(
        self, principal: Principal, action: str, **what: Unpack[AuditedWhat]
    ) -> None:
        """The audit row of the lookup: one INSERT, the last statement (the commit)."""
        await self.execute(_AUDIT_INSERT, audit_row(principal, action, **what))

    def _driver_sql(self, statement: Executable) -> _DriverSql:
        known = _COMPILED.get(id(statement))
        if known is None or known[0] is not statement:
            assert isinstance(statement, ClauseElement)
            known = (statement, _DriverSql.of(statement, self.connection.dialect))
            _COMPILED[id(statement)] = known
        return known[1]


@asynccontextmanager
async def lookup_connection(engine: AsyncEngine) -> AsyncIterator[LookupConnection]:
    """A connection for a read followed by its audit row (see the module docstring)."""
    async with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            async with connection.begin():
                yield LookupConnection(connection, None)
            return
        pooled = await connection.get_raw_connection()
        driver: asyncpg.Connection = pooled.driver_connection
        lookup = LookupConnection(connection, driver)
        try:
            yield lookup
        except BaseException:
            if lookup.failed or driver.is_closed():
                await connection.invalidate()
            raise
