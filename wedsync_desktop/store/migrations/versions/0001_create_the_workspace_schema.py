"""Create the workspace schema

Revision ID: 0001
Revises:
Create Date: 2026-12-04 15:44:07.822846
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "local_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("email", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "role IN ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')", name="role"
        ),
        sa.CheckConstraint("id = 1", name="single_row"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "local_outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("idempotency_key", sa.String(length=36), nullable=False),
        sa.Column("operation", sa.String(length=16), nullable=False),
        sa.Column("supplier_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "operation IN ('upsert', 'set_active', 'delete')", name="operation"
        ),
        sa.CheckConstraint("state IN ('pending', 'failed')", name="state"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idempotency_key"),
    )
    op.create_table(
        "user_profiles",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("organization_id", sa.String(length=36), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("first_name", sa.Text(), nullable=True),
        sa.Column("last_name", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "role IN ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')", name="role"
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "feature_359_data",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("supplier_id", sa.String(length=36), nullable=False),
        sa.Column("feature_config", sa.Text(), nullable=False),
        sa.Column("data_payload", sa.Text(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["user_profiles.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("feature_359_data", schema=None) as batch_op:
        batch_op.create_index(
            "ix_feature_359_data_supplier_id", ["supplier_id"], unique=False
        )
        batch_op.create_index(
            "uq_feature_359_data_active_supplier",
            ["supplier_id"],
            unique=True,
            sqlite_where=sa.text("is_active = 1"),
        )

    op.create_table(
        "suppliers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=True),
        sa.Column("business_name", sa.Text(), nullable=False),
        sa.Column("primary_category", sa.String(length=32), nullable=False),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("postcode", sa.Text(), nullable=True),
        sa.Column("price_range", sa.String(length=8), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "price_range IS NULL OR price_range IN ('£', '££', '£££', '££££')",
            name="price_range",
        ),
        sa.CheckConstraint(
            "primary_category IN ('photographer', 'videographer', 'venue', 'caterer', 'florist', 'dj', 'band', 'planner', 'coordinator', 'hair_makeup', 'cake', 'stationery', 'transport', 'other')",
            name="primary_category",
        ),
        sa.CheckConstraint("length(trim(business_name)) > 0", name="business_name"),
        sa.ForeignKeyConstraint(
            ["id"],
            ["user_profiles.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("suppliers", schema=None) as batch_op:
        batch_op.create_index(
            "ix_suppliers_primary_category", ["primary_category"], unique=False
        )

    op.create_table(
        "local_import_keys",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("local_import_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_local_import_keys_supplier_id"),
            ["supplier_id"],
            unique=False,
        )

    op.create_table(
        "local_supplier_search",
        sa.Column("supplier_id", sa.String(length=36), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("sort_name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("supplier_id"),
    )
    with op.batch_alter_table("local_supplier_search", schema=None) as batch_op:
        batch_op.create_index(
            "ix_local_supplier_search_sort_name", ["sort_name"], unique=False
        )

    op.create_table(
        "local_sync_state",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("base_feature_config", sa.Text(), nullable=True),
        sa.Column("base_data_payload", sa.Text(), nullable=True),
        sa.Column("last_synced_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["record_id"], ["feature_359_data.id"], ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("record_id"),
    )


def downgrade() -> None:
    op.drop_table("local_sync_state")
    with op.batch_alter_table("local_supplier_search", schema=None) as batch_op:
        batch_op.drop_index("ix_local_supplier_search_sort_name")

    op.drop_table("local_supplier_search")
    with op.batch_alter_table("local_import_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_local_import_keys_supplier_id"))

    op.drop_table("local_import_keys")
    with op.batch_alter_table("suppliers", schema=None) as batch_op:
        batch_op.drop_index("ix_suppliers_primary_category")

    op.drop_table("suppliers")
    with op.batch_alter_table("feature_359_data", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_feature_359_data_active_supplier", sqlite_where=sa.text("is_active = 1")
        )
        batch_op.drop_index("ix_feature_359_data_supplier_id")

    op.drop_table("feature_359_data")
    op.drop_table("user_profiles")
    op.drop_table("local_outbox")
    op.drop_table("local_account")
