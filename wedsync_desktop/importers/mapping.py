"""Mapping source columns onto supplier fields, and turning rows into drafts.

A mapping is a dict from column name to a field name, ``KEEP`` (None: keep the
value in the data payload) or ``IGNORE`` (leave it out). Columns missing from
the mapping are kept. Kept values go to ``data_payload["import"]["fields"]``
exactly as the file has them, so an import loses nothing.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wedsync_desktop import jsondoc
from wedsync_desktop.importers.category_map import OTHER, map_category, map_price_range
from wedsync_desktop.importers.errors import ImportMappingError
from wedsync_desktop.importers.json_stream import SourceRow, SourceSkip
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.store.search import fold

KEEP: str | None = None
IGNORE = "ignore"
IMPORT_KEY = "import"

ColumnMapping = dict[str, str | None]

FIELD_LABELS: dict[str, str] = {
    "business_name": "Business name",
    "primary_category": "Category",
    "email": "Email",
    "phone": "Phone",
    "city": "Town / city",
    "postcode": "Postcode",
    "price_range": "Price range",
    "source_id": "Id in the source file",
    "supplier_id": "WedSync supplier id",
    "feature_config": "Feature config (JSON)",
    "data_payload": "Data payload (JSON)",
    "is_active": "Active (true / false)",
}
KEEP_LABEL = "Keep in data payload"
IGNORE_LABEL = "Leave out"
# The choices a mapping combo box offers, in order: (field, label).
FIELD_CHOICES: tuple[tuple[str | None, str], ...] = (
    (KEEP, KEEP_LABEL),
    *FIELD_LABELS.items(),
    (IGNORE, IGNORE_LABEL),
)

# Header names after normalise_header, by field.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "business_name": (
        "businessname",
        "name",
        "company",
        "companyname",
        "business",
        "supplier",
        "suppliername",
        "tradingname",
        "vendor",
        "vendorname",
    ),
    "primary_category": (
        "category",
        "categories",
        "primarycategory",
        "type",
        "businesstype",
        "service",
        "services",
    ),
    "email": ("email", "contactemail", "emailaddress", "mail", "contactemailaddress"),
    "phone": (
        "phone",
        "telephone",
        "tel",
        "phonenumber",
        "telephonenumber",
        "contactphone",
        "contactnumber",
        "mobile",
    ),
    "city": ("city", "town", "towncity", "citytown", "location", "locality"),
    "postcode": ("postcode", "postalcode", "zip", "zipcode", "postcodezip"),
    "price_range": ("pricerange", "price", "prices", "pricelevel", "budget"),
    "source_id": (
        "businessid",
        "id",
        "sourceid",
        "externalid",
        "supplierid",
        "reference",
        "ref",
    ),
    "feature_config": ("featureconfig",),
    "data_payload": ("datapayload",),
    "is_active": ("isactive", "active"),
    IGNORE: ("createdat", "updatedat"),
}
_FIELD_BY_SYNONYM = {
    synonym: field for field, synonyms in _SYNONYMS.items() for synonym in synonyms
}
_DOCUMENT_FIELDS = ("feature_config", "data_payload")
_TRUE_TEXTS = frozenset({"true", "yes", "y", "1", "active"})
_FALSE_TEXTS = frozenset({"false", "no", "n", "0", "inactive"})
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def normalise_header(name: str) -> str:
    """Return a header folded to letters and digits: "Town/City" → "towncity"."""
    return _NOT_ALPHANUMERIC.sub("", fold(name))


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """Guess the field of each column from its name; unknown columns are kept.

    Each field goes to the first column that names it. A WedSync export has
    feature_config and data_payload columns, and its ``id`` is the supplier
    id. In any other file an ``id`` column identifies the row in its source.
    """
    normalised = [normalise_header(header) for header in headers]
    exported = all(field.replace("_", "") in normalised for field in _DOCUMENT_FIELDS)
    mapping: ColumnMapping = {}
    taken: set[str] = set()
    for header, name in zip(headers, normalised, strict=True):
        field = _FIELD_BY_SYNONYM.get(name)
        if exported and name == "id":
            field = "supplier_id"
        if field in taken:
            field = KEEP
        if field is not None and field != IGNORE:
            taken.add(field)
        mapping[header] = field
    return mapping


def check_mapping(path: Path, mapping: Mapping[str, str | None]) -> None:
    """Raise ImportMappingError unless the mapping can import rows of ``path``."""
    columns_by_field: dict[str, str] = {}
    for column, field in mapping.items():
        if field is None or field == IGNORE:
            continue
        if field not in FIELD_LABELS:
            raise ImportMappingError(
                path,
                f"column {column!r} is mapped to the unknown field {field!r}.",
                f"Map it to one of: {', '.join(FIELD_LABELS)}.",
            )
        if field in columns_by_field:
            raise ImportMappingError(
                path,
                f"columns {columns_by_field[field]!r} and {column!r} are both mapped "
                f"to {FIELD_LABELS[field]}.",
                "Map each field from one column only.",
            )
        columns_by_field[field] = column
    if "business_name" not in columns_by_field:
        raise ImportMappingError(
            path,
            "no column is mapped to the business name.",
            "Choose the column that holds each supplier's name.",
        )


@dataclass(frozen=True)
class PreparedRow:
    """A source row as a draft, with the category text it was mapped from."""

    line: int
    draft: SupplierDraft
    category_text: str | None


class _RowProblem(Exception):
    """A value that cannot be imported, so its row is skipped."""


def prepare_row(
    row: SourceRow, mapping: Mapping[str, str | None], source_name: str
) -> PreparedRow | SourceSkip:
    """Build the draft for one row, or a skip naming the value that failed.

    ``mapping`` must have passed check_mapping.
    """
    try:
        return _prepare(row, mapping, source_name)
    except _RowProblem as problem:
        return SourceSkip(row.line, str(problem))


def cell_text(value: Any) -> str:
    """Return a value of a CSV cell or JSON member as plain text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, jsondoc.JsonNumber):
        return value.text
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value)
    return jsondoc.dumps(value)


def _prepare(
    row: SourceRow, mapping: Mapping[str, str | None], source_name: str
) -> PreparedRow:
    fields, columns, kept = _split(row.values, mapping)
    name = cell_text(fields.get("business_name")).strip()
    if not name:
        raise _RowProblem(_missing_name(columns.get("business_name")))

    category_value = fields.get("primary_category")
    category_text = None if category_value is None else cell_text(category_value)
    category = map_category(category_text) if category_text else OTHER
    price_text = cell_text(fields.get("price_range")).strip()
    price_range = map_price_range(price_text) if price_text else None
    if price_text and price_range is None:
        kept[columns["price_range"]] = fields["price_range"]

    draft = SupplierDraft(
        business_name=name,
        primary_category=category,
        email=_text_or_none(fields.get("email")),
        phone=_text_or_none(fields.get("phone")),
        city=_text_or_none(fields.get("city")),
        postcode=_text_or_none(fields.get("postcode")),
        price_range=price_range,
        is_active=_active(fields.get("is_active")),
        supplier_id=_supplier_id(fields.get("supplier_id")),
    )
    if draft.supplier_id is None:
        draft.import_key = _import_key(draft, fields.get("source_id"))

    block = {
        "source": source_name,
        "line": row.line,
        "category_text": category_text,
        "fields": kept,
    }
    _attach_documents(draft, fields, columns, block, category)
    return PreparedRow(row.line, draft, category_text)


def _split(
    values: dict[str, Any], mapping: Mapping[str, str | None]
) -> tuple[dict[str, Any], dict[str, str], dict[str, Any]]:
    """Return the values by field, the column of each field, and the kept values."""
    fields: dict[str, Any] = {}
    columns: dict[str, str] = {}
    kept: dict[str, Any] = {}
    for column, value in values.items():
        field = mapping.get(column, KEEP)
        if field is None:
            kept[column] = value
        elif field != IGNORE:
            fields[field] = value
            columns[field] = column
    return fields, columns, kept


def _attach_documents(
    draft: SupplierDraft,
    fields: dict[str, Any],
    columns: dict[str, str],
    block: dict[str, Any],
    category: str,
) -> None:
    """Set the draft's documents: from the file when mapped, else the import block.

    Documents from the file replace the stored ones exactly. The import block
    is added to such a payload only when it contains something that would
    otherwise be lost: kept columns or a category text that was mapped.
    """
    if not any(field in columns for field in _DOCUMENT_FIELDS):
        draft.data_payload = {IMPORT_KEY: block}
        draft.merge_documents = True
        return
    draft.feature_config = _document(fields, columns, "feature_config")
    payload = _document(fields, columns, "data_payload")
    category_text = (block["category_text"] or "").strip()
    if not block["fields"] and category_text in ("", category):
        draft.data_payload = payload
        return
    if payload is None:
        # An empty payload cell keeps the stored payload, so the block is merged
        # into it, and a feature config from the file is merged the same way.
        draft.data_payload = {IMPORT_KEY: block}
        draft.merge_documents = True
        return
    draft.data_payload = {**payload, IMPORT_KEY: block}


def _document(
    fields: dict[str, Any], columns: dict[str, str], field: str
) -> dict[str, Any] | None:
    value = fields.get(field)
    if isinstance(value, dict):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    column = columns[field]
    if not isinstance(value, str):
        raise _RowProblem(
            f"column {column!r} must hold a JSON object, not {cell_text(value)!r}."
        )
    try:
        return jsondoc.parse_document(value)
    except jsondoc.JsonDocumentError as error:
        raise _RowProblem(
            f"column {column!r} is not a valid JSON object: {error.problem.describe()}"
        ) from error


def _missing_name(column: str | None) -> str:
    if column is None:
        return "business name is missing: no column is mapped to it."
    return f"business name is missing. Fill in the {column!r} column on that line."


def _import_key(draft: SupplierDraft, source_id: Any) -> str:
    """Return the key that finds this row's supplier again on a re-import."""
    # NOTE: id keys are not tied to the source, so two directories that both
    # use an id such as "1" update the same supplier.
    identity = cell_text(source_id).strip()
    if identity:
        return f"id:{identity}"
    place = draft.postcode or draft.city or ""
    place = fold(place).replace(" ", "") if draft.postcode else fold(place)
    return f"name:{fold(draft.business_name)}|{place}"


def _supplier_id(value: Any) -> str | None:
    text = cell_text(value).strip()
    if not text:
        return None
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise _RowProblem(
            f"supplier id {text!r} is not a WedSync supplier id (a UUID). Map that "
            f"column to {FIELD_LABELS['source_id']!r} instead."
        ) from None


def _active(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = cell_text(value).strip().casefold()
    if not text:
        return None
    if text in _TRUE_TEXTS:
        return True
    if text in _FALSE_TEXTS:
        return False
    raise _RowProblem(f"active value {cell_text(value)!r} is not true or false.")


def _text_or_none(value: Any) -> str | None:
    text = cell_text(value).strip()
    return text or None
