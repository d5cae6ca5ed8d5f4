"""ORM tables: the server's columns mirrored, plus local-only tables.

Mirrored tables (``user_profiles``, ``suppliers``, ``feature_359_data``) use
the server's column names. UUIDs are text, JSON documents are text, and
timestamps are ISO-8601 UTC text such as ``2026-12-04T15:39:46.123456Z``, which
sorts in time order. Tables whose name starts with ``local_`` never leave this
machine: sync state, the outbox, the search index and import keys.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from wedsync_desktop.categories import CATEGORIES, PRICE_RANGES, ROLES


def new_uuid() -> str:
    return str(uuid.uuid4())


def utc_now_iso() -> str:
    """Return the current UTC time in the store's timestamp format."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


class Base(DeclarativeBase):
    pass


class UserProfile(Base):
    __tablename__ = "user_profiles"
    __table_args__ = (CheckConstraint(f"role IN ({_quoted(ROLES)})", name="role"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    user_id: Mapped[str | None] = mapped_column(String(36))
    organization_id: Mapped[str | None] = mapped_column(String(36))
    role: Mapped[str] = mapped_column(String(16), default="OWNER")
    first_name: Mapped[str | None] = mapped_column(Text)
    last_name: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now_iso)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now_iso)


class Supplier(Base):
    """Business details; ``id`` is also the supplier's ``user_profiles.id``."""

    __tablename__ = "suppliers"
    __table_args__ = (
        CheckConstraint(
            f"primary_category IN ({_quoted(CATEGORIES)})", name="primary_category"
        ),
        CheckConstraint(
            f"price_range IS NULL OR price_range IN ({_quoted(PRICE_RANGES)})",
            name="price_range",
        ),
        CheckConstraint("length(trim(business_name)) > 0", name="business_name"),
        Index("ix_suppliers_primary_category", "primary_category"),
    )

    id: Mapped[str] = mapped_column(
        String(36), ForeignKey("user_profiles.id"), primary_key=True
    )
    organization_id: Mapped[str | None] = mapped_column(String(36))
    business_name: Mapped[str] = mapped_column(Text)
    primary_category: Mapped[str] = mapped_column(String(32), default="other")
    email: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(Text)
    price_range: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now_iso)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now_iso)

    # The relationships below are never loaded ("raise"); they tell the unit
    # of work to insert parents before children.
    profile: Mapped[UserProfile] = relationship(lazy="raise")


class Feature359Data(Base):
    """The server's ``feature_359_data`` row: one active record per supplier."""

    __tablename__ = "feature_359_data"
    __table_args__ = (
        Index(
            "uq_feature_359_data_active_supplier",
            "supplier_id",
            unique=True,
            sqlite_where=text("is_active = 1"),
        ),
        Index("ix_feature_359_data_supplier_id", "supplier_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    supplier_id: Mapped[str] = mapped_column(String(36), ForeignKey("user_profiles.id"))
    feature_config: Mapped[str] = mapped_column(Text, default="{}")
    data_payload: Mapped[str] = mapped_column(Text, default="{}")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now_iso)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now_iso)

    profile: Mapped[UserProfile] = relationship(lazy="raise")


class LocalSyncState(Base):
    """Sync bookkeeping of one record, kept apart from the mirrored columns."""

    __tablename__ = "local_sync_state"

    record_id: Mapped[str] = mapped_column(
        String(36),
        ForeignKey("feature_359_data.id", ondelete="CASCADE"),
        primary_key=True,
    )
    server_version: Mapped[int | None] = mapped_column(Integer)
    dirty: Mapped[bool] = mapped_column(Boolean, default=True)
    base_feature_config: Mapped[str | None] = mapped_column(Text)
    base_data_payload: Mapped[str | None] = mapped_column(Text)
    last_synced_at: Mapped[str | None] = mapped_column(String(32))

    record: Mapped[Feature359Data] = relationship(lazy="raise")


class LocalOutbox(Base):
    """A change waiting to be sent, written in the same transaction as the edit.

    ``body`` is the request as JSON text; for ``upsert`` it has the
    ``{"supplier_id", "config", "data"}`` shape of the WedSync API.
    """

    __tablename__ = "local_outbox"
    __table_args__ = (
        CheckConstraint(
            "operation IN ('upsert', 'set_active', 'delete')", name="operation"
        ),
        CheckConstraint("state IN ('pending', 'failed')", name="state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(
        String(36), unique=True, default=new_uuid
    )
    operation: Mapped[str] = mapped_column(String(16))
    supplier_id: Mapped[str] = mapped_column(String(36))
    record_id: Mapped[str] = mapped_column(String(36))
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now_iso)


class LocalSupplierSearch(Base):
    """Everything the supplier list filters and sorts on, one row per supplier.

    Search text and sort keys are accent- and case-folded. ``is_active`` and
    ``updated_at`` copy the supplier's current ``feature_359_data`` record, so
    the list query reads this one indexed table. Every write that changes a
    supplier or its record rewrites its row in the same transaction.
    """

    __tablename__ = "local_supplier_search"
    __table_args__ = (
        Index("ix_local_supplier_search_sort_name", "sort_name"),
        Index("ix_local_supplier_search_primary_category", "primary_category"),
        Index("ix_local_supplier_search_updated_at", "updated_at"),
    )

    supplier_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("suppliers.id", ondelete="CASCADE"), primary_key=True
    )
    search_text: Mapped[str] = mapped_column(Text)
    sort_name: Mapped[str] = mapped_column(Text)
    primary_category: Mapped[str] = mapped_column(String(32))
    city_sort: Mapped[str] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[str] = mapped_column(String(32))

    supplier: Mapped[Supplier] = relationship(lazy="raise")


class LocalImportKey(Base):
    """Identity of a supplier in an imported file, so a re-import updates it."""

    __tablename__ = "local_import_keys"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    supplier_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )

    supplier: Mapped[Supplier] = relationship(lazy="raise")


class LocalAccount(Base):
    """The signed-in WedSync account; no row means a local workspace."""

    __tablename__ = "local_account"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(f"role IN ({_quoted(ROLES)})", name="role"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    profile_id: Mapped[str] = mapped_column(String(36))
    organization_id: Mapped[str | None] = mapped_column(String(36))
    role: Mapped[str] = mapped_column(String(16))
    email: Mapped[str | None] = mapped_column(Text)
