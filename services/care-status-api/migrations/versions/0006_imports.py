"""SSDA903 imports: the uploads (the worker's queue), their files, report and children."""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime

revision = "0006_imports"
down_revision = "0006_outbox_traceparent"


def _fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["import_id"],
        ["imports.id"],
        name=op.f(f"fk_{table}_import_id_imports"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "imports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("authority", sa.String(16), nullable=False),
        sa.Column("collection_year", sa.String(7), nullable=False),
        sa.Column("requested_by", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("total_rows", sa.Integer(), nullable=False),
        sa.Column("done_rows", sa.Integer(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("failure", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("lease_token", sa.Uuid(), nullable=True),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imports")),
    )
    op.create_index("ix_imports_status_next_attempt_at", "imports", ["status", "next_attempt_at"])
    op.create_index("ix_imports_authority", "imports", ["authority", "created_at"])
    op.create_table(
        "import_files",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        _fk("import_files"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_files")),
    )
    op.create_index("ix_import_files_import_id", "import_files", ["import_id"])
    op.create_table(
        "import_issues",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("child", sa.String(64), nullable=True),
        sa.Column("file", sa.String(200), nullable=True),
        sa.Column("row", sa.Integer(), nullable=True),
        sa.Column("severity", sa.String(8), nullable=False),
        _fk("import_issues"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_issues")),
    )
    op.create_index("ix_import_issues_import_id", "import_issues", ["import_id"])
    op.create_table(
        "imported_children",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("import_id", sa.Uuid(), nullable=False),
        sa.Column("child", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("episodes", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        _fk("imported_children"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_children")),
        sa.UniqueConstraint("import_id", "child", name=op.f("uq_imported_children_import_id")),
    )
    # A child's next import finds it by its local reference (the return's CHILD).
    op.create_index(
        "ix_children_local_reference", "children", ["responsible_authority", "local_reference"]
    )


def downgrade() -> None:
    op.drop_index("ix_children_local_reference", table_name="children")
    op.drop_table("imported_children")
    op.drop_index("ix_import_issues_import_id", table_name="import_issues")
    op.drop_table("import_issues")
    op.drop_index("ix_import_files_import_id", table_name="import_files")
    op.drop_table("import_files")
    op.drop_index("ix_imports_authority", table_name="imports")
    op.drop_index("ix_imports_status_next_attempt_at", table_name="imports")
    op.drop_table("imports")
