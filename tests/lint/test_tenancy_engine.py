"""The tenancy lint's engine on small services written in the tests."""

from __future__ import annotations

from textwrap import dedent

from lint.tenancy import Finding, check_sources

MODELS = dedent(
    """
    from typing import ClassVar

    class Child(Base):
        __tablename__ = "children"
        __tenant_columns__: ClassVar[tuple[str, ...]] = ("responsible_authority",)

    class Placement(Base):
        __tablename__ = "placements"
    """
)
IMPORTS = dedent(
    """
    from sqlalchemy import delete, insert, select, update
    from platform_shared.tenancy import cross_tenant, tenant_scope
    from app.children.models import Child, Placement
    """
)


def findings_of(code: str, path: str = "app/children/repository.py") -> list[Finding]:
    _, findings = check_sources({"app/children/models.py": MODELS, path: IMPORTS + dedent(code)})
    return findings


def test_a_tenant_scoped_query_passes() -> None:
    findings = findings_of(
        """
        @tenant_scope
        def readable_children(organisation):
            return select(Child).where(Child.responsible_authority == organisation)
        """
    )

    assert findings == []


def test_a_query_that_starts_from_a_tenant_scope_passes() -> None:
    findings = findings_of(
        """
        @tenant_scope
        def readable_children(organisation):
            return select(Child).where(Child.responsible_authority == organisation)

        async def child_by_nhs_number(session, organisation, nhs_number):
            statement = readable_children(organisation).where(Child.nhs_number == nhs_number)
            return await session.scalar(statement)

        async def remove(session, organisation, child_id):
            await session.execute(
                delete(Child).where(Child.id == child_id, readable_children(organisation).exists())
            )
        """
    )

    assert findings == []


def test_an_unscoped_select_fails_naming_the_place_the_model_and_what_is_missing() -> None:
    findings = findings_of(
        """
        async def child(session, child_id):
            return await session.scalar(select(Child).where(Child.id == child_id))
        """
    )

    assert [(f.path, f.line, f.model) for f in findings] == [
        ("app/children/repository.py", 7, "Child")
    ]
    assert "child() is not scoped" in findings[0].missing
    assert "Child.responsible_authority" in findings[0].missing


def test_an_unscoped_update_session_get_and_table_statement_each_fail() -> None:
    findings = findings_of(
        """
        _children = Child.__table__

        async def rename(session, child_id):
            await session.execute(update(Child).where(Child.id == child_id).values(name="x"))

        async def child(session, child_id):
            return await session.get(Child, child_id)

        async def every_name(session):
            return await session.execute(select(_children.c.name))

        async def wipe(session):
            await session.execute(Child.__table__.delete())
        """
    )

    assert [f.line for f in findings] == [9, 12, 15, 18]
    assert {f.model for f in findings} == {"Child"}


def test_a_query_of_a_model_without_tenant_columns_is_not_checked() -> None:
    findings = findings_of(
        """
        async def placements(session):
            return await session.scalars(select(Placement))
        """
    )

    assert findings == []


def test_a_scoped_query_outside_a_repository_fails() -> None:
    findings = findings_of(
        """
        @tenant_scope
        def readable_children(organisation):
            return select(Child).where(Child.responsible_authority == organisation)
        """,
        path="app/children/service.py",
    )

    assert [(f.path, f.model, f.missing) for f in findings] == [
        ("app/children/service.py", "Child", "query outside a repository.py module")
    ]


def test_cross_tenant_with_a_reason_passes() -> None:
    findings = findings_of(
        """
        @cross_tenant("police lookups search every authority's children")
        async def matching(session, nhs_number):
            return await session.scalars(select(Child).where(Child.nhs_number == nhs_number))
        """
    )

    assert findings == []


def test_cross_tenant_without_a_reason_fails() -> None:
    findings = findings_of(
        """
        @cross_tenant("  ")
        async def matching(session, nhs_number):
            return await session.scalars(select(Child).where(Child.nhs_number == nhs_number))

        @cross_tenant(REASON)
        async def everyone(session):
            return await session.scalars(select(Child))
        """
    )

    assert [f.missing for f in findings] == [
        "@cross_tenant on matching() needs a non-empty reason string",
        "@cross_tenant on everyone() needs a non-empty reason string",
    ]


def test_a_tenant_scope_that_never_mentions_the_tenant_column_fails() -> None:
    findings = findings_of(
        """
        @tenant_scope
        def readable_children(organisation):
            return select(Child).where(Child.name == organisation)
        """
    )

    assert [f.missing for f in findings] == [
        "@tenant_scope function readable_children() never mentions Child.responsible_authority"
    ]


def test_calling_a_tenant_scope_that_never_mentions_the_tenant_column_does_not_scope() -> None:
    findings = findings_of(
        """
        @tenant_scope
        def named(name):
            return Child.name == name

        async def children(session, name):
            return await session.scalars(select(Child).where(named(name)))
        """
    )

    assert [f.line for f in findings] == [11]
    assert "children() is not scoped" in findings[0].missing


def test_a_statement_built_at_module_level_fails() -> None:
    findings = findings_of(
        """
        _MARK_SEEN = update(Child).where(Child.id == bindparam("child_id")).values(seen=True)
        """
    )

    assert [(f.line, f.model) for f in findings] == [(6, "Child")]
    assert "statement built at module level" in findings[0].missing


def test_a_module_level_statement_built_by_a_marked_function_passes() -> None:
    findings = findings_of(
        """
        @cross_tenant("the sweeper marks overdue rows of every authority")
        def _mark_seen():
            return update(Child).where(Child.id == bindparam("child_id")).values(seen=True)

        _MARK_SEEN = _mark_seen()
        """
    )

    assert findings == []


def test_a_plain_insert_is_not_a_query_but_an_upsert_is() -> None:
    findings = findings_of(
        """
        async def add(session, rows):
            await session.execute(insert(Child), rows)

        async def add_or_rename(session, rows):
            await session.execute(insert(Child).values(rows).on_conflict_do_update(
                index_elements=["nhs_number"], set_={"name": "x"}
            ))
        """
    )

    assert [(f.line, f.model) for f in findings] == [(10, "Child")]


def test_a_plain_sql_statement_of_a_tenant_table_is_a_query() -> None:
    findings = findings_of(
        '''
        LOOKUP = """
            SELECT id FROM children WHERE nhs_number = $1
        """
        '''
    )

    assert [(f.line, f.model) for f in findings] == [(6, "Child")]


def test_a_tenant_model_found_through_a_base_class_and_a_qualified_name() -> None:
    models = MODELS + dedent(
        """
        class OwnedByChild(Base):
            __tenant_columns__ = ("child_id",)

        class Consent(OwnedByChild):
            __tablename__ = "consents"
        """
    )
    models_found, findings = check_sources(
        {
            "app/children/models.py": models,
            "app/consents/repository.py": dedent(
                """
                import sqlalchemy as sa
                from app.children import models

                async def consents(session):
                    return await session.scalars(sa.select(models.Consent))
                """
            ),
        }
    )

    assert models_found["Consent"].columns == ("child_id",)
    assert [(f.path, f.line, f.model) for f in findings] == [
        ("app/consents/repository.py", 6, "Consent")
    ]
