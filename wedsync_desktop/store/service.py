"""The service layer: the only code that opens sessions and writes the store."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, delete, func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from wedsync_desktop.store import validation
from wedsync_desktop.store.documents import resolve_text
from wedsync_desktop.store.errors import (
    PermissionDeniedError,
    StaleRecordError,
    StoreError,
    SupplierNotFoundError,
)
from wedsync_desktop.store.models import (
    Feature359Data,
    LocalAccount,
    LocalOutbox,
    LocalSupplierSearch,
    Supplier,
    UserProfile,
    utc_now_iso,
)
from wedsync_desktop.store.outbox import queue_delete, queue_set_active, queue_upsert
from wedsync_desktop.store.permissions import (
    Account,
    Permission,
    can_create_suppliers,
    permission_for,
)
from wedsync_desktop.store.records import (
    ImportOutcome,
    SupplierDetail,
    SupplierDraft,
    SupplierRow,
)
from wedsync_desktop.store.search import like_pattern

log = logging.getLogger(__name__)

SORT_COLUMNS = {
    "business_name": LocalSupplierSearch.sort_name,
    "primary_category": LocalSupplierSearch.primary_category,
    "city": LocalSupplierSearch.city_sort,
    "is_active": LocalSupplierSearch.is_active,
    "updated_at": LocalSupplierSearch.updated_at,
}
ProgressCallback = Callable[[int], None]
CancelCheck = Callable[[], bool]


class WorkspaceService:
    """Reads and writes suppliers; every write is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._watch: sqlite3.Connection | None = None
        self._data_version: int | None = None

    def has_new_commits(self) -> bool:
        """Return whether anything was committed since the previous call.

        SQLite's ``data_version`` on one dedicated connection changes when any
        other connection commits: another process, or this service's own
        pooled connections. The first call only records the version.
        """
        if self._watch is None:
            database = self.engine.url.database or ""
            self._watch = sqlite3.connect(
                f"file:{database}?mode=ro", uri=True, check_same_thread=False
            )
        (version,) = self._watch.execute("PRAGMA data_version").fetchone()
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        return changed

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self.engine.dispose()

    # Account and permissions

    def account(self) -> Account | None:
        with self._sessions() as session:
            row = session.get(LocalAccount, 1)
            if row is None:
                return None
            return Account(row.profile_id, row.organization_id, row.role, row.email)

    def set_account(self, account: Account | None) -> None:
        """Store the signed-in account, or None for a purely local workspace."""
        with self._transaction() as session:
            session.execute(delete(LocalAccount))
            if account is not None:
                session.add(
                    LocalAccount(
                        id=1,
                        profile_id=account.profile_id,
                        organization_id=account.organization_id,
                        role=account.role,
                        email=account.email,
                    )
                )

    def permission(self, supplier_id: str) -> Permission:
        with self._sessions() as session:
            supplier = self._supplier(session, supplier_id)
            return permission_for(self.account(), supplier_id, supplier.organization_id)

    def can_create_suppliers(self) -> bool:
        return can_create_suppliers(self.account())

    # Reading the list

    def count_suppliers(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(Supplier)) or 0

    def query_supplier_ids(
        self,
        search: str = "",
        category: str | None = None,
        sort: str = "business_name",
        descending: bool = False,
    ) -> list[str]:
        """Return the ids of matching suppliers in list order, filtered in SQL."""
        query = self._list_query(search, category)
        order = SORT_COLUMNS.get(sort, LocalSupplierSearch.sort_name)
        name = LocalSupplierSearch.sort_name
        supplier_id = LocalSupplierSearch.supplier_id
        if descending:
            query = query.order_by(order.desc(), name.desc(), supplier_id.desc())
        else:
            query = query.order_by(order, name, supplier_id)
        with self.engine.connect() as connection:
            return [str(value) for value in connection.execute(query).scalars()]

    def load_rows(self, ids: Sequence[str]) -> dict[str, SupplierRow]:
        """Return the list rows of ``ids``; ids no longer stored are left out."""
        query = (
            select(
                Supplier.id,
                Supplier.business_name,
                Supplier.primary_category,
                Supplier.city,
                Supplier.email,
                LocalSupplierSearch.is_active,
                LocalSupplierSearch.updated_at,
            )
            .join(LocalSupplierSearch, LocalSupplierSearch.supplier_id == Supplier.id)
            .where(Supplier.id.in_(list(ids)))
        )
        with self._sessions() as session:
            return {row[0]: SupplierRow(*row) for row in session.execute(query)}

    def get_supplier(self, supplier_id: str) -> SupplierDetail:
        with self._sessions() as session:
            supplier = self._supplier(session, supplier_id)
            record = self._record(session, supplier_id)
            return _detail(supplier, record)

    def iter_suppliers(self, batch_size: int = 500) -> Iterator[SupplierDetail]:
        """Yield every supplier with its record, in name order, batch by batch."""
        ids = self.query_supplier_ids()
        for start in range(0, len(ids), batch_size):
            batch = ids[start : start + batch_size]
            with self._sessions() as session:
                pairs = session.execute(
                    select(Supplier, Feature359Data)
                    .join(Feature359Data, _active_record_join())
                    .where(Supplier.id.in_(batch))
                ).all()
            by_id = {
                supplier.id: _detail(supplier, record) for supplier, record in pairs
            }
            yield from (by_id[i] for i in batch if i in by_id)

    def pending_outbox_count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(LocalOutbox)) or 0

    # Edits

    def create_supplier(self, draft: SupplierDraft) -> str:
        if not self.can_create_suppliers():
            raise PermissionDeniedError("Only owners and admins can add suppliers.")
        validation.check_draft(draft)
        outcome = self.upsert_drafts([(0, draft)])[0]
        if outcome.supplier_id is None:
            raise StoreError(outcome.reason or "The supplier was not added.")
        return outcome.supplier_id

    def update_details(
        self,
        supplier_id: str,
        draft: SupplierDraft,
        expected_updated_at: str | None = None,
    ) -> None:
        """Replace the business details of a supplier; its documents stay.

        ``expected_updated_at`` is the supplier's ``details_updated_at`` when
        the caller read it; a different stored value raises StaleRecordError.
        """
        self._require("can_edit", supplier_id)
        validation.check_draft(draft)
        with self._transaction() as session:
            supplier = self._supplier(session, supplier_id)
            if expected_updated_at and supplier.updated_at != expected_updated_at:
                raise StaleRecordError(supplier_id, supplier.business_name)
            validation.apply_details(supplier, draft)
            supplier.updated_at = utc_now_iso()
            _refresh_search(session, supplier, self._record(session, supplier_id))
        log.info("Updated details of supplier %s", supplier_id)

    def save_documents(
        self,
        supplier_id: str,
        feature_config: str | None = None,
        data_payload: str | None = None,
        expected_updated_at: str | None = None,
    ) -> SupplierDetail:
        """Store edited documents and queue them for sync, in one transaction.

        ``expected_updated_at`` is the record's ``updated_at`` when the editor
        loaded it; a different stored value raises StaleRecordError.
        """
        self._require("can_edit", supplier_id)
        with self._transaction() as session:
            supplier = self._supplier(session, supplier_id)
            record = self._record(session, supplier_id)
            if expected_updated_at and record.updated_at != expected_updated_at:
                raise StaleRecordError(supplier_id, supplier.business_name)
            record.feature_config = resolve_text(
                "feature_config", record.feature_config, feature_config, False
            )
            record.data_payload = resolve_text(
                "data_payload", record.data_payload, data_payload, False
            )
            record.updated_at = utc_now_iso()
            queue_upsert(session, record)
            _refresh_search(session, supplier, record)
            detail = _detail(supplier, record)
        log.info("Saved documents of supplier %s (record %s)", supplier_id, record.id)
        return detail

    def set_active(self, supplier_id: str, active: bool) -> None:
        self._require("can_activate", supplier_id)
        with self._transaction() as session:
            supplier = self._supplier(session, supplier_id)
            record = self._record(session, supplier_id)
            record.is_active = active
            record.updated_at = utc_now_iso()
            queue_set_active(session, record)
            _refresh_search(session, supplier, record)
        log.info("Set supplier %s active=%s", supplier_id, active)

    def delete_supplier(self, supplier_id: str) -> None:
        """Delete a supplier, its records and its local state."""
        self._require("can_delete", supplier_id)
        with self._transaction() as session:
            self._supplier(session, supplier_id)
            record_ids = list(
                session.scalars(
                    select(Feature359Data.id).where(
                        Feature359Data.supplier_id == supplier_id
                    )
                )
            )
            for record_id in record_ids:
                queue_delete(session, supplier_id, record_id)
            session.execute(
                delete(Feature359Data).where(Feature359Data.supplier_id == supplier_id)
            )
            session.execute(delete(Supplier).where(Supplier.id == supplier_id))
            session.execute(delete(UserProfile).where(UserProfile.id == supplier_id))
        log.info("Deleted supplier %s", supplier_id)

    def upsert_drafts(
        self,
        drafts: Iterable[tuple[int, SupplierDraft]],
        should_cancel: CancelCheck | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> list[ImportOutcome]:
        """Create or update suppliers from ``(line, draft)`` pairs in one transaction.

        A draft matches an existing supplier by ``supplier_id``, then by
        ``import_key``. An invalid draft is skipped with its reason and the
        rest go on. ``should_cancel`` returning True rolls everything back and
        raises ImportCancelledError.
        """
        from wedsync_desktop.store.bulk import write_drafts

        with self._transaction() as session:
            return write_drafts(session, drafts, should_cancel, on_progress)

    # Helpers

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def _require(self, action: str, supplier_id: str) -> None:
        permission = self.permission(supplier_id)
        if not getattr(permission, action):
            raise PermissionDeniedError(
                permission.reason or "Your role does not allow this change."
            )

    @staticmethod
    def _list_query(search: str, category: str | None) -> Select[Any]:
        query = select(LocalSupplierSearch.supplier_id)
        if search.strip():
            query = query.where(
                LocalSupplierSearch.search_text.like(like_pattern(search), escape="\\")
            )
        if category:
            query = query.where(LocalSupplierSearch.primary_category == category)
        return query

    @staticmethod
    def _supplier(session: Session, supplier_id: str) -> Supplier:
        supplier = session.get(Supplier, supplier_id)
        if supplier is None:
            raise SupplierNotFoundError(supplier_id)
        return supplier

    @staticmethod
    def _record(session: Session, supplier_id: str) -> Feature359Data:
        record = session.scalars(
            select(Feature359Data)
            .where(Feature359Data.supplier_id == supplier_id)
            .order_by(Feature359Data.is_active.desc(), Feature359Data.updated_at.desc())
            .limit(1)
        ).first()
        if record is None:
            raise SupplierNotFoundError(supplier_id)
        return record


def _active_record_join() -> ColumnElement[bool]:
    """Join condition picking each supplier's newest record, active first."""
    inner = aliased(Feature359Data)
    newest = (
        select(inner.id)
        .where(inner.supplier_id == Supplier.id)
        .order_by(inner.is_active.desc(), inner.updated_at.desc())
        .limit(1)
        .correlate(Supplier)
        .scalar_subquery()
    )
    return Feature359Data.id == newest


def _detail(supplier: Supplier, record: Feature359Data) -> SupplierDetail:
    return SupplierDetail(
        id=supplier.id,
        business_name=supplier.business_name,
        primary_category=supplier.primary_category,
        email=supplier.email,
        phone=supplier.phone,
        city=supplier.city,
        postcode=supplier.postcode,
        price_range=supplier.price_range,
        organization_id=supplier.organization_id,
        record_id=record.id,
        feature_config=record.feature_config,
        data_payload=record.data_payload,
        is_active=record.is_active,
        created_at=supplier.created_at,
        updated_at=record.updated_at,
        details_updated_at=supplier.updated_at,
    )


def _refresh_search(
    session: Session, supplier: Supplier, record: Feature359Data
) -> None:
    session.merge(validation.search_row(supplier, record))
