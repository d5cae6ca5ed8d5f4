"""Checks on supplier fields, and copying a draft onto ORM rows."""

from __future__ import annotations

import re

from wedsync_desktop.categories import CATEGORIES, PRICE_RANGES
from wedsync_desktop.store.errors import DraftInvalidError
from wedsync_desktop.store.models import Feature359Data, LocalSupplierSearch, Supplier
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.store.search import fold, search_text

MAX_NAME_LENGTH = 200
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_draft(draft: SupplierDraft) -> None:
    """Raise DraftInvalidError naming the first field the server would reject."""
    name = draft.business_name.strip()
    if not name:
        raise DraftInvalidError(
            "business_name", "Business name is missing. Enter the supplier's name."
        )
    if len(name) > MAX_NAME_LENGTH:
        raise DraftInvalidError(
            "business_name",
            f"Business name is {len(name)} characters long; the maximum is "
            f"{MAX_NAME_LENGTH}. Shorten it.",
        )
    if draft.primary_category not in CATEGORIES:
        raise DraftInvalidError(
            "primary_category",
            f"Category {draft.primary_category!r} is not one of: "
            f"{', '.join(CATEGORIES)}. Pick one from the list.",
        )
    if draft.price_range and draft.price_range not in PRICE_RANGES:
        raise DraftInvalidError(
            "price_range",
            f"Price range {draft.price_range!r} is invalid. Use £, ££, £££ or ££££, "
            f"or leave it empty.",
        )
    if draft.email and not _EMAIL.match(draft.email.strip()):
        raise DraftInvalidError(
            "email",
            f"Email {draft.email!r} is not a valid address. Correct it or leave it "
            f"empty.",
        )


def apply_details(supplier: Supplier, draft: SupplierDraft) -> None:
    """Copy the business details of ``draft`` onto ``supplier``."""
    supplier.business_name = draft.business_name.strip()
    supplier.primary_category = draft.primary_category
    supplier.email = _clean(draft.email)
    supplier.phone = _clean(draft.phone)
    supplier.city = _clean(draft.city)
    supplier.postcode = _clean(draft.postcode)
    supplier.price_range = _clean(draft.price_range)


def search_row(supplier: Supplier, record: Feature359Data) -> LocalSupplierSearch:
    """Return the list row of ``supplier`` with its current ``record``."""
    return LocalSupplierSearch(
        supplier_id=supplier.id,
        search_text=search_text(
            supplier.business_name,
            supplier.primary_category,
            supplier.city,
            supplier.email,
            supplier.postcode,
        ),
        sort_name=fold(supplier.business_name),
        primary_category=supplier.primary_category,
        city_sort=fold(supplier.city or ""),
        is_active=record.is_active,
        updated_at=record.updated_at,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None
