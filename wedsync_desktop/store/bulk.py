"""Writing many drafts at once, for import and demo workspaces."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from wedsync_desktop.store import validation
from wedsync_desktop.store.documents import resolve_text
from wedsync_desktop.store.errors import ImportCancelledError, StoreError
from wedsync_desktop.store.models import (
    Feature359Data,
    LocalImportKey,
    Supplier,
    UserProfile,
    new_uuid,
    utc_now_iso,
)
from wedsync_desktop.store.outbox import queue_upsert
from wedsync_desktop.store.records import ImportOutcome, SupplierDraft

log = logging.getLogger(__name__)

CHECK_EVERY = 50


def write_drafts(
    session: Session,
    drafts: Iterable[tuple[int, SupplierDraft]],
    should_cancel: Callable[[], bool] | None,
    on_progress: Callable[[int], None] | None,
) -> list[ImportOutcome]:
    """Create or update one supplier per draft inside the caller's transaction."""
    outcomes: list[ImportOutcome] = []
    keys_in_batch: dict[str, str] = {}
    for count, (line, draft) in enumerate(drafts, start=1):
        if count % CHECK_EVERY == 0:
            if should_cancel is not None and should_cancel():
                raise ImportCancelledError(f"Cancelled after {count - 1} rows.")
            if on_progress is not None:
                on_progress(count)
        outcomes.append(_write_one(session, line, draft, keys_in_batch))
    session.flush()
    return outcomes


def _write_one(
    session: Session, line: int, draft: SupplierDraft, keys_in_batch: dict[str, str]
) -> ImportOutcome:
    try:
        validation.check_draft(draft)
        existing = _find_existing(session, draft, keys_in_batch)
        if existing is None:
            supplier_id = _create(session, draft)
            action = "created"
        else:
            _update(session, existing, draft)
            supplier_id = existing.id
            action = "updated"
    except StoreError as error:
        log.info("Skipped line %s (%s): %s", line, draft.business_name, error)
        return ImportOutcome("skipped", None, line, str(error))
    if draft.import_key:
        keys_in_batch[draft.import_key] = supplier_id
    return ImportOutcome(action, supplier_id, line)


def _find_existing(
    session: Session, draft: SupplierDraft, keys_in_batch: dict[str, str]
) -> Supplier | None:
    if draft.supplier_id:
        found = session.get(Supplier, draft.supplier_id)
        if found is not None:
            return found
    if draft.import_key:
        supplier_id = keys_in_batch.get(draft.import_key) or session.scalar(
            select(LocalImportKey.supplier_id).where(
                LocalImportKey.key == draft.import_key
            )
        )
        if supplier_id:
            return session.get(Supplier, supplier_id)
    return None


def _create(session: Session, draft: SupplierDraft) -> str:
    feature_config = resolve_text("feature_config", None, draft.feature_config, False)
    data_payload = resolve_text("data_payload", None, draft.data_payload, False)
    supplier_id = draft.supplier_id or new_uuid()
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
    session.add(validation.search_row(supplier))
    queue_upsert(session, record)
    if draft.import_key:
        session.add(LocalImportKey(key=draft.import_key, supplier_id=supplier_id))
    return supplier_id


def _update(session: Session, supplier: Supplier, draft: SupplierDraft) -> None:
    record = session.scalars(
        select(Feature359Data)
        .where(Feature359Data.supplier_id == supplier.id)
        .order_by(Feature359Data.is_active.desc(), Feature359Data.updated_at.desc())
        .limit(1)
    ).one()
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
    session.merge(validation.search_row(supplier))
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
        queue_upsert(session, record)
    if draft.import_key and session.get(LocalImportKey, draft.import_key) is None:
        session.add(LocalImportKey(key=draft.import_key, supplier_id=supplier.id))
