"""Keep the supplier list's filter and sort columns in the search index

The list query used to join every supplier to its current feature record
through a correlated subquery, about 95 ms for 10,000 suppliers. With the
columns copied into local_supplier_search it reads one indexed table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 16:45:00
"""

import sqlalchemy as sa
from alembic import op

from wedsync_desktop.store.search import fold

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CURRENT_RECORDS = sa.text(
    """
    SELECT s.id, s.primary_category, s.city, f.is_active, f.updated_at
    FROM suppliers s
    JOIN feature_359_data f ON f.id = (
        SELECT f2.id FROM feature_359_data f2
        WHERE f2.supplier_id = s.id
        ORDER BY f2.is_active DESC, f2.updated_at DESC
        LIMIT 1
    )
    """
)


def upgrade() -> None:
    with op.batch_alter_table("local_supplier_search") as batch_op:
        batch_op.add_column(
            sa.Column(
                "primary_category",
                sa.String(length=32),
                nullable=False,
                server_default="other",
            )
        )
        batch_op.add_column(
            sa.Column("city_sort", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("is_active", sa.Boolean(), nullable=False, server_default="1")
        )
        batch_op.add_column(
            sa.Column(
                "updated_at", sa.String(length=32), nullable=False, server_default=""
            )
        )
        batch_op.create_index(
            "ix_local_supplier_search_primary_category", ["primary_category"]
        )
        batch_op.create_index("ix_local_supplier_search_updated_at", ["updated_at"])

    connection = op.get_bind()
    rows = connection.execute(CURRENT_RECORDS).all()
    if not rows:
        return
    connection.execute(
        sa.text(
            "UPDATE local_supplier_search SET primary_category = :category, "
            "city_sort = :city, is_active = :active, updated_at = :updated "
            "WHERE supplier_id = :id"
        ),
        [
            {
                "id": row[0],
                "category": row[1],
                "city": fold(row[2] or ""),
                "active": row[3],
                "updated": row[4],
            }
            for row in rows
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("local_supplier_search") as batch_op:
        batch_op.drop_index("ix_local_supplier_search_updated_at")
        batch_op.drop_index("ix_local_supplier_search_primary_category")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("is_active")
        batch_op.drop_column("city_sort")
        batch_op.drop_column("primary_category")
