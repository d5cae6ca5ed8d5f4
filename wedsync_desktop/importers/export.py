"""Exporting every supplier to JSON Lines or CSV, written atomically.

Both formats carry the supplier id and both documents, so importing the file
again (into this or a fresh workspace) restores the same suppliers with the same
documents. Documents are re-serialised compactly with ``jsondoc.dumps``, which
writes each number as its original text.
"""

from __future__ import annotations

import csv
import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from wedsync_desktop import jsondoc
from wedsync_desktop.importers.errors import ExportError
from wedsync_desktop.store.records import SupplierDetail
from wedsync_desktop.store.service import WorkspaceService

log = logging.getLogger(__name__)

EXPORT_COLUMNS: tuple[str, ...] = (
    "id",
    "business_name",
    "primary_category",
    "email",
    "phone",
    "city",
    "postcode",
    "price_range",
    "is_active",
    "created_at",
    "updated_at",
    "feature_config",
    "data_payload",
)
_DOCUMENTS = ("feature_config", "data_payload")


def export_jsonl(service: WorkspaceService, path: Path) -> int:
    """Write one JSON object per supplier to ``path``; return the supplier count."""
    count = 0
    with atomic_text_file(path, encoding="utf-8") as handle:
        for detail in service.iter_suppliers():
            handle.write(jsondoc.dumps(export_object(detail)))
            handle.write("\n")
            count += 1
    log.info("Exported %s suppliers to %s (JSON Lines)", count, path)
    return count


def export_csv(service: WorkspaceService, path: Path) -> int:
    """Write a CSV file with a header row to ``path``; return the supplier count.

    The file is UTF-8 with a byte order mark, which spreadsheet programs need to
    recognise UTF-8, with CRLF line ends. Documents are compact JSON text.
    """
    # NOTE: values are written as stored, so a name that starts with "=" or "@"
    # is shown as a formula by a spreadsheet program that opens the file, and
    # Excel cuts cells over 32,767 characters (large documents) when it saves.
    count = 0
    with atomic_text_file(path, encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(EXPORT_COLUMNS)
        for detail in service.iter_suppliers():
            row = export_object(detail)
            for document in _DOCUMENTS:
                row[document] = jsondoc.dumps(row[document])
            row["is_active"] = "true" if detail.is_active else "false"
            writer.writerow(
                "" if row[name] is None else row[name] for name in EXPORT_COLUMNS
            )
            count += 1
    log.info("Exported %s suppliers to %s (CSV)", count, path)
    return count


def export_object(detail: SupplierDetail) -> dict[str, Any]:
    """Return the exported object of one supplier, documents parsed."""
    exported: dict[str, Any] = {name: getattr(detail, name) for name in EXPORT_COLUMNS}
    for document in _DOCUMENTS:
        try:
            exported[document] = jsondoc.parse_document(getattr(detail, document))
        except jsondoc.JsonDocumentError as error:
            raise ExportError(
                f"Export stopped: the {document} of supplier {detail.id} is not "
                f"valid JSON ({error.problem.describe()}) Open that supplier and "
                f"correct the document, then export again."
            ) from error
    return exported


@contextmanager
def atomic_text_file(path: Path, encoding: str) -> Iterator[IO[str]]:
    """Write a text file in place of ``path`` only if the whole write succeeds.

    The text goes to a temporary file in the same folder, which is flushed to
    disk and then renamed over ``path``. On any error the temporary file is
    removed and ``path`` is left as it was.
    """
    folder = path.parent
    descriptor, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with open(descriptor, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk; folders cannot be opened for this on Windows."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
