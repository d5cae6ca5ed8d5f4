"""Writing many drafts at once, for import and demo workspaces.

Drafts are written in chunks. The suppliers a chunk refers to are loaded with
one query per table, and the chunk is flushed once. A draft then costs a few
INSERT statements rather than a query and a flush each.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from sqlalchemy import select
from sqlalchemy.orm import Session

from wedsync_desktop.store import validation
from wedsync_desktop.store.documents import resolve_text
from wedsync_desktop.store.errors import ImportCancelledError, StoreError
from wedsync_desktop.store.models import (
    Feature359Data,
    LocalImportKey,
    LocalSupplierSearch,
    LocalSyncState,
    Supplier,
    UserProfile,
    new_uuid,
    utc_now_iso,
)
from wedsync_desktop.store.outbox import queue_upsert
from wedsync_desktop.store.records import ImportOutcome, SupplierDraft

log = logging.getLogger(__name__)

CHUNK_SIZE = 250
LIST_COLUMNS = (
    "search_text",
    "sort_name",
    "primary_category",
    "city_sort",
    "is_active",
    "updated_at",
)
Draft = tuple[int, SupplierDraft]


def write_drafts(
    session: Session,
    drafts: Iterable[Draft],
    should_cancel: Callable[[], bool] | None,
    on_progress: Callable[[int], None] | None,
) -> list[ImportOutcome]:
    """Create or update one supplier per draft inside the caller's transaction."""
    outcomes: list[ImportOutcome] = []
    known = _KnownSuppliers()
    for chunk in _chunks(drafts, CHUNK_SIZE):
        if should_cancel is not None and should_cancel():
            raise ImportCancelledError(f"Cancelled after {len(outcomes)} rows.")
        with session.no_autoflush:
            known.load(session, chunk)
            for line, draft in chunk:
                outcomes.append(_write_one(session, line, draft, known))
        session.flush()
        if on_progress is not None:
            on_progress(len(outcomes))
    return outcomes


class _KnownSuppliers:
    """Suppliers, records and import keys seen in this transaction."""

    def __init__(self) -> None:
        self.suppliers: dict[str, Supplier] = {}
        self.records: dict[str, Feature359Data] = {}
        self.keys: dict[str, str] = {}
        self.stated_records: set[str] = set()
        self.search_rows: dict[str, LocalSupplierSearch] = {}

    def load(self, session: Session, chunk: list[Draft]) -> None:
        """Fetch the stored suppliers that the drafts of ``chunk`` refer to."""
        requested_keys = {d.import_key for _, d in chunk if d.import_key} - set(
            self.keys
        )
        if requested_keys:
            rows = session.execute(
                select(LocalImportKey.key, LocalImportKey.supplier_id).where(
                    LocalImportKey.key.in_(requested_keys)
                )
            )
            self.keys.update({key: supplier_id for key, supplier_id in rows})
        requested_ids = {d.supplier_id for _, d in chunk if d.supplier_id}
        requested_ids |= {self.keys[k] for k in requested_keys if k in self.keys}
        requested_ids -= set(self.suppliers)
        if not requested_ids:
            return
        for supplier in session.scalars(
            select(Supplier).where(Supplier.id.in_(requested_ids))
        ):
            self.suppliers[supplier.id] = supplier
        records = session.scalars(
            select(Feature359Data)
            .where(Feature359Data.supplier_id.in_(requested_ids))
            .order_by(Feature359Data.is_active, Feature359Data.updated_at)
        )
        # Ordered so that the active, most recently updated record comes last
        # and wins, as in WorkspaceService._record.
        for record in records:
            self.records[record.supplier_id] = record

    def find(self, draft: SupplierDraft) -> Supplier | None:
        if draft.supplier_id and draft.supplier_id in self.suppliers:
            return self.suppliers[draft.supplier_id]
        if draft.import_key and draft.import_key in self.keys:
            return self.suppliers.get(self.keys[draft.import_key])
        return None


def _write_one(
    session: Session, line: int, draft: SupplierDraft, known: _KnownSuppliers
) -> ImportOutcome:
    try:
        validation.check_draft(draft)
        existing = known.find(draft)
        if existing is None:
            supplier_id = _create(session, draft, known)
            action = "created"
        else:
            _update(session, existing, draft, known)
            supplier_id = existing.id
            action = "updated"
    except StoreError as error:
        log.info("Skipped line %s (%s): %s", line, draft.business_name, error)
        return ImportOutcome("skipped", None, line, str(error))
    return ImportOutcome(action, supplier_id, line)


def _create(session: Session, draft: SupplierDraft, known: _KnownSuppliers) -> str:
    feature_config = resolve_text("feature_config", None, draft.feature_config, False)
    data_payload = resolve_text("data_payload", None, draft.data_payload, False)
    supplier_id = draft.supplier_id or new_uuid()
    if draft.supplier_id and session.get(UserProfile, supplier_id) is not None:
        raise StoreError(
            f"Supplier id {supplier_id} belongs to a profile that is not a "
            f"supplier in this workspace. Remove the id column to import the row "
            f"as a new supplier."
        )
    now = utc_now_iso()
    supplier = Supplier(id=supplier_id, created_at=now, updated_at=now)
    validation.apply_details(supplier, draft)
    record = Feature359Data(
        id=new_uuid(),
        supplier_id=supplier_id,
        feature_config=feature_config,
        data_payload=data_payload,
        is_active=True if draft.is_active is None else draft.is_active,
        created_at=now,
        updated_at=now,
    )
    session.add(
        UserProfile(
            id=supplier_id,
            role="OWNER",
            email=supplier.email,
            phone=supplier.phone,
            created_at=now,
            updated_at=now,
        )
    )
    session.add(supplier)
    session.add(record)
    search_row = validation.search_row(supplier, record)
    session.add(search_row)
    known.search_rows[supplier_id] = search_row
    session.add(LocalSyncState(record_id=record.id, dirty=True))
    queue_upsert(session, record, mark=False)
    known.suppliers[supplier_id] = supplier
    known.records[supplier_id] = record
    known.stated_records.add(record.id)
    if draft.import_key:
        session.add(LocalImportKey(key=draft.import_key, supplier_id=supplier_id))
        known.keys[draft.import_key] = supplier_id
    return supplier_id


def _update(
    session: Session, supplier: Supplier, draft: SupplierDraft, known: _KnownSuppliers
) -> None:
    record = known.records[supplier.id]
    merge = draft.merge_documents
    feature_config = resolve_text(
        "feature_config", record.feature_config, draft.feature_config, merge
    )
    data_payload = resolve_text(
        "data_payload", record.data_payload, draft.data_payload, merge
    )
    now = utc_now_iso()
    validation.apply_details(supplier, draft)
    supplier.updated_at = now
    changed = (
        feature_config != record.feature_config
        or data_payload != record.data_payload
        or (draft.is_active is not None and draft.is_active != record.is_active)
    )
    if changed:
        record.feature_config = feature_config
        record.data_payload = data_payload
        if draft.is_active is not None:
            record.is_active = draft.is_active
        record.updated_at = now
        _mark_dirty_once(session, record.id, known)
        queue_upsert(session, record, mark=False)
    _store_search_row(session, supplier, record, known)
    if draft.import_key and draft.import_key not in known.keys:
        session.add(LocalImportKey(key=draft.import_key, supplier_id=supplier.id))
        known.keys[draft.import_key] = supplier.id


def _store_search_row(
    session: Session,
    supplier: Supplier,
    record: Feature359Data,
    known: _KnownSuppliers,
) -> None:
    row = validation.search_row(supplier, record)
    pending = known.search_rows.get(supplier.id)
    if pending is None:
        known.search_rows[supplier.id] = session.merge(row)
        return
    for column in LIST_COLUMNS:
        setattr(pending, column, getattr(row, column))


def _mark_dirty_once(session: Session, record_id: str, known: _KnownSuppliers) -> None:
    if record_id in known.stated_records:
        return
    state = session.get(LocalSyncState, record_id)
    if state is None:
        session.add(LocalSyncState(record_id=record_id, dirty=True))
    else:
        state.dirty = True
    known.stated_records.add(record_id)


def _chunks(drafts: Iterable[Draft], size: int) -> Iterator[list[Draft]]:
    iterator = iter(drafts)
    while chunk := list(islice(iterator, size)):
        yield chunk
