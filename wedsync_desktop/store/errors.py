"""Errors raised by the service layer, each with a message fit for a person."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wedsync_desktop.jsondoc import JsonProblem

DOCUMENT_TITLES = {"feature_config": "Feature config", "data_payload": "Data payload"}


class StoreError(Exception):
    """Base of the errors the service layer raises on purpose."""


class SupplierNotFoundError(StoreError, LookupError):
    def __init__(self, supplier_id: str) -> None:
        self.supplier_id = supplier_id
        super().__init__(
            f"Supplier {supplier_id} was not found; it may have been deleted. "
            f"Refresh the list."
        )


class PermissionDeniedError(StoreError, PermissionError):
    """The current account's role does not allow the change."""


class DraftInvalidError(StoreError, ValueError):
    """A supplier field has a value the server would reject."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


class DocumentInvalidError(StoreError, ValueError):
    """A feature config or data payload is not valid for JSONB storage."""

    def __init__(self, document: str, problem: JsonProblem) -> None:
        self.document = document
        self.problem = problem
        title = DOCUMENT_TITLES.get(document, document)
        super().__init__(f"{title} was not saved. {problem.describe()}")


class StaleRecordError(StoreError):
    """The supplier or its record changed after the caller read it."""

    def __init__(self, supplier_id: str, business_name: str) -> None:
        self.supplier_id = supplier_id
        self.business_name = business_name
        super().__init__(
            f"{business_name} was changed elsewhere after you opened it, for "
            f"example by an import or another WedSync Desktop window. Your "
            f"change was not saved. Use View > Refresh to see the other change, "
            f"then make yours again."
        )


class ImportCancelledError(StoreError):
    """The caller cancelled a batch write; nothing of it was kept."""
