"""Queueing changes for sync in the transaction that makes them."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from wedsync_desktop.store.documents import upsert_body
from wedsync_desktop.store.models import Feature359Data, LocalOutbox, LocalSyncState


def mark_dirty(session: Session, record_id: str) -> None:
    """Flag a record as changed since the last sync."""
    state = session.get(LocalSyncState, record_id)
    if state is None:
        session.add(LocalSyncState(record_id=record_id, dirty=True))
    else:
        state.dirty = True


def queue_upsert(session: Session, record: Feature359Data, mark: bool = True) -> None:
    """Queue the record's current documents in the API's request shape.

    ``mark=False`` leaves the sync state to the caller, for bulk writes that
    track it themselves without a query per record.
    """
    if mark:
        mark_dirty(session, record.id)
    session.add(
        LocalOutbox(
            operation="upsert",
            supplier_id=record.supplier_id,
            record_id=record.id,
            body=upsert_body(
                record.supplier_id, record.feature_config, record.data_payload
            ),
        )
    )


def queue_set_active(session: Session, record: Feature359Data) -> None:
    mark_dirty(session, record.id)
    body = {"supplier_id": record.supplier_id, "is_active": record.is_active}
    session.add(
        LocalOutbox(
            operation="set_active",
            supplier_id=record.supplier_id,
            record_id=record.id,
            body=json.dumps(body),
        )
    )


def queue_delete(session: Session, supplier_id: str, record_id: str) -> None:
    session.add(
        LocalOutbox(
            operation="delete",
            supplier_id=supplier_id,
            record_id=record_id,
            body=json.dumps({"supplier_id": supplier_id}),
        )
    )
