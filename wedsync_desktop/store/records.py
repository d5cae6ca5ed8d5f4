"""Plain values passed between the service layer and its callers.

Widgets, importers and the CLI see only these, never ORM objects or sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class SupplierDraft:
    """Business details and documents of a supplier to create or update.

    ``feature_config`` and ``data_payload`` are JSON text when given as ``str``
    (kept as written) or a parsed object (serialised with exact numbers).
    ``None`` keeps the stored document of an existing supplier (``{}`` for a
    new one). With ``merge_documents`` the top-level keys of the given
    documents replace those keys in the stored ones and leave the rest.
    ``supplier_id`` or ``import_key`` identify an existing supplier to update.
    ``is_active`` None keeps the stored state (active for a new supplier).
    """

    business_name: str
    primary_category: str = "other"
    email: str | None = None
    phone: str | None = None
    city: str | None = None
    postcode: str | None = None
    price_range: str | None = None
    feature_config: dict[str, Any] | str | None = None
    data_payload: dict[str, Any] | str | None = None
    is_active: bool | None = None
    supplier_id: str | None = None
    import_key: str | None = None
    merge_documents: bool = False


@dataclass(frozen=True)
class SupplierRow:
    """One line of the supplier list."""

    id: str
    business_name: str
    primary_category: str
    city: str | None
    email: str | None
    is_active: bool
    updated_at: str


@dataclass(frozen=True)
class SupplierDetail:
    """A supplier with its active feature record, as the editor shows it."""

    id: str
    business_name: str
    primary_category: str
    email: str | None
    phone: str | None
    city: str | None
    postcode: str | None
    price_range: str | None
    organization_id: str | None
    record_id: str
    feature_config: str
    data_payload: str
    is_active: bool
    created_at: str
    updated_at: str
    details_updated_at: str = ""


@dataclass(frozen=True)
class ImportOutcome:
    """The result for one source row: ``created``, ``updated`` or ``skipped``."""

    action: str
    supplier_id: str | None
    line: int
    reason: str | None = None
