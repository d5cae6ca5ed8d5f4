"""Turning draft documents into stored JSON text, and outbox request bodies."""

from __future__ import annotations

from typing import Any

from wedsync_desktop import jsondoc
from wedsync_desktop.store.errors import DocumentInvalidError

DocumentInput = dict[str, Any] | str | None


def validated_text(document: str, value: dict[str, Any] | str) -> str:
    """Return JSON text for ``value`` after checking it against the JSONB rules.

    Text is kept as written, without a leading BOM; an object is serialised
    with two-space indentation and exact numbers.
    """
    if isinstance(value, str):
        text = jsondoc.strip_bom(value)
    else:
        text = jsondoc.dumps(value, indent=2) + "\n"
    problem = jsondoc.validate_document(text)
    if problem is not None:
        raise DocumentInvalidError(document, problem)
    return text


def merged_text(document: str, stored: str, update: dict[str, Any] | str) -> str:
    """Return ``stored`` with the top-level keys of ``update`` replaced."""
    current = jsondoc.parse_document(stored)
    if isinstance(update, str):
        try:
            update = jsondoc.parse_document(update)
        except jsondoc.JsonDocumentError as error:
            raise DocumentInvalidError(document, error.problem) from error
    current.update(update)
    return validated_text(document, current)


def resolve_text(
    document: str, stored: str | None, update: DocumentInput, merge: bool
) -> str:
    """Return the text to store for one document of a draft."""
    if update is None:
        return stored if stored is not None else "{}"
    if merge and stored is not None:
        return merged_text(document, stored, update)
    return validated_text(document, update)


def upsert_body(supplier_id: str, feature_config: str, data_payload: str) -> str:
    """Return the outbox body in the API's ``Feature359Request`` shape.

    Both texts were validated before they were stored, so they are spliced in
    as written: that keeps every number exact and avoids a second parse.
    """
    return (
        f'{{"supplier_id": {jsondoc.dumps(supplier_id)}, '
        f'"config": {feature_config.strip()}, "data": {data_payload.strip()}}}'
    )
