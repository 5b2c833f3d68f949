"""Tenancy made visible to the tenancy lint (`tests/lint/test_tenancy.py`).

A tenant-owned model names the columns that tie a row to an organisation
(`__tenant_columns__ = ("responsible_authority",)`). Every query of such a model lives in a
repository module and goes through a function marked `@tenant_scope`, which builds the
statement (or the condition) that bounds it to the caller's organisation; a query that
reads across organisations by design (a police lookup, the delivery worker, the sweeper)
is marked `@cross_tenant("why")` instead, so that the reason is written where it is done.
The decorators change nothing at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Function = TypeVar("Function", bound=Callable[..., object])


def tenant_scope(function: Function) -> Function:
    """Marks the function that bounds a tenant-owned model's statement to an organisation."""
    return function


def cross_tenant(reason: str) -> Callable[[Function], Function]:
    """Marks a query that reads or changes rows of several organisations, and says why."""
    if not reason.strip():
        raise ValueError("say why the query crosses organisations")

    def mark(function: Function) -> Function:
        return function

    return mark
