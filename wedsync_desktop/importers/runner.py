"""Planning and running the import of one supplier directory file.

``plan_import`` reads the start of a file: how to read it, its columns, a
guessed mapping and preview rows. ``run_import`` then streams the whole file
into the workspace in one transaction. Every source row ends up created,
updated or listed as skipped with its line number and reason.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from wedsync_desktop.importers.encoding import ENCODING_LABELS
from wedsync_desktop.importers.errors import ImportFileError
from wedsync_desktop.importers.mapping import (
    ColumnMapping,
    PreparedRow,
    check_mapping,
    guess_mapping,
    prepare_row,
)
from wedsync_desktop.importers.readers import (
    DELIMITER_LABELS,
    FORMAT_CSV,
    FORMAT_LABELS,
    FileLayout,
    SourceFile,
    SourceItem,
    SourceRow,
    SourceSkip,
    detect_layout,
)
from wedsync_desktop.store.errors import DraftInvalidError, ImportCancelledError
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.store.service import WorkspaceService
from wedsync_desktop.store.validation import check_draft

log = logging.getLogger(__name__)

PREVIEW_ROWS = 20
# JSON rows name their own keys, so the columns offered for mapping are the
# keys seen in this many first rows. Later keys are kept in the data payload.
HEADER_SAMPLE_ROWS = 200
PROGRESS_EVERY = 50


@dataclass(frozen=True)
class ImportPlan:
    """Layout, columns, guessed mapping and preview rows read from a file's start."""

    path: Path
    layout: FileLayout
    headers: tuple[str, ...]
    mapping: ColumnMapping
    preview: tuple[SourceItem, ...]
    size_bytes: int

    @property
    def file_format(self) -> str:
        return self.layout.file_format

    @property
    def encoding(self) -> str:
        return self.layout.encoding

    @property
    def delimiter(self) -> str | None:
        return self.layout.delimiter

    def describe(self) -> str:
        """Return the layout in words, such as "CSV, UTF-8, semicolon-delimited"."""
        parts = [FORMAT_LABELS[self.file_format], ENCODING_LABELS[self.encoding]]
        if self.delimiter is not None:
            parts.append(f"{DELIMITER_LABELS[self.delimiter]}-delimited")
        return ", ".join(parts)


@dataclass(frozen=True)
class PreviewRow:
    """A preview row as it will be imported, or the problem that will skip it."""

    line: int
    business_name: str
    primary_category: str
    category_text: str | None
    email: str | None
    phone: str | None
    city: str | None
    postcode: str | None
    price_range: str | None
    problem: str | None


class SkippedRow(NamedTuple):
    """A source row that was not imported: the line where it starts, and why."""

    line: int
    reason: str

    def describe(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True)
class ImportProgress:
    """How far an import has read its file."""

    rows_read: int
    bytes_read: int
    total_bytes: int

    @property
    def fraction(self) -> float:
        if self.total_bytes <= 0:
            return 1.0
        return min(1.0, self.bytes_read / self.total_bytes)


@dataclass(frozen=True)
class ImportReport:
    """Counts of an import, where created + updated + skipped equals total_rows."""

    path: Path
    total_rows: int
    created: int
    updated: int
    skipped: tuple[SkippedRow, ...]
    duration_seconds: float

    @property
    def imported(self) -> int:
        return self.created + self.updated

    def summary(self) -> str:
        return (
            f"Read {self.total_rows:,} rows from {self.path.name} in "
            f"{self.duration_seconds:.1f} s: {self.created:,} created, "
            f"{self.updated:,} updated, {len(self.skipped):,} skipped."
        )


CancelCheck = Callable[[], bool]
ProgressCallback = Callable[[ImportProgress], None]


def plan_import(path: Path) -> ImportPlan:
    """Read the start of ``path`` and guess how to import it.

    Raises ImportFileError when the file is empty, binary, undecodable, has no
    header, or has no supplier rows.
    """
    layout = detect_layout(path)
    sample_size = (
        PREVIEW_ROWS if layout.file_format == FORMAT_CSV else HEADER_SAMPLE_ROWS
    )
    with SourceFile(path, layout) as source:
        sample = list(islice(source.items(), sample_size))
        headers = source.headers or _json_headers(sample)
    if not sample:
        raise ImportFileError(
            path,
            "the file has no supplier rows.",
            "Add one row per supplier below the header row."
            if layout.file_format == FORMAT_CSV
            else "Add one JSON object per supplier.",
        )
    if not headers:
        first = sample[0]
        reason = first.reason if isinstance(first, SourceSkip) else ""
        raise ImportFileError(
            path,
            f"none of the first {len(sample)} rows could be read. Line "
            f"{first.line}: {reason}",
            "Fix those lines, or check that the file is JSON Lines or a JSON array.",
        )
    plan = ImportPlan(
        path=path,
        layout=layout,
        headers=headers,
        mapping=guess_mapping(headers),
        preview=tuple(sample[:PREVIEW_ROWS]),
        size_bytes=path.stat().st_size,
    )
    log.info(
        "Planned import of %s: %s, %s columns", path, plan.describe(), len(headers)
    )
    return plan


def preview_rows(
    plan: ImportPlan, mapping: Mapping[str, str | None]
) -> list[PreviewRow]:
    """Return the preview rows as ``mapping`` would import them."""
    rows: list[PreviewRow] = []
    for item in plan.preview:
        if isinstance(item, SourceSkip):
            rows.append(_preview_problem(item.line, item.reason))
            continue
        prepared = prepare_row(item, mapping, plan.path.name)
        if isinstance(prepared, SourceSkip):
            rows.append(_preview_problem(prepared.line, prepared.reason))
        else:
            rows.append(_preview_of(prepared))
    return rows


def run_import(
    service: WorkspaceService,
    plan: ImportPlan,
    mapping: Mapping[str, str | None],
    should_cancel: CancelCheck | None = None,
    on_progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import the whole file of ``plan`` with ``mapping``, in one transaction.

    Raises ImportMappingError for a mapping without a business name column,
    ImportFileError when the file cannot be read to the end, and
    ImportCancelledError when ``should_cancel`` returns True. After any of
    them nothing of the file is kept.
    """
    check_mapping(plan.path, mapping)
    started = time.perf_counter()
    log.info("Importing %s (%s)", plan.path, plan.describe())
    with SourceFile(plan.path, plan.layout) as source:
        _check_unchanged(plan, source)
        feed = _DraftFeed(source, mapping, should_cancel, on_progress)
        try:
            outcomes = service.upsert_drafts(feed.drafts())
        except ImportCancelledError:
            log.info(
                "Import of %s cancelled after %s rows, nothing was kept",
                plan.path,
                feed.rows_read,
            )
            raise
        feed.report_progress()
    skipped = list(feed.skipped)
    created = updated = 0
    for outcome in outcomes:
        if outcome.action == "created":
            created += 1
        elif outcome.action == "updated":
            updated += 1
        else:
            skipped.append(SkippedRow(outcome.line, outcome.reason or "not imported"))
    report = ImportReport(
        path=plan.path,
        total_rows=feed.rows_read,
        created=created,
        updated=updated,
        skipped=tuple(sorted(skipped)),
        duration_seconds=time.perf_counter() - started,
    )
    _log_report(report)
    return report


class _DraftFeed:
    """Turns the rows of an open file into drafts, collecting the rows it skips."""

    def __init__(
        self,
        source: SourceFile,
        mapping: Mapping[str, str | None],
        should_cancel: CancelCheck | None,
        on_progress: ProgressCallback | None,
    ) -> None:
        self.rows_read = 0
        self.skipped: list[SkippedRow] = []
        self._source = source
        self._mapping = mapping
        self._should_cancel = should_cancel
        self._on_progress = on_progress

    def drafts(self) -> Iterator[tuple[int, SupplierDraft]]:
        source_name = self._source.path.name
        for item in self._source.items():
            self.rows_read += 1
            if self.rows_read % PROGRESS_EVERY == 0:
                self._check_cancel()
                self.report_progress()
            prepared = (
                item
                if isinstance(item, SourceSkip)
                else prepare_row(item, self._mapping, source_name)
            )
            if isinstance(prepared, SourceSkip):
                self.skipped.append(SkippedRow(prepared.line, prepared.reason))
            else:
                yield prepared.line, prepared.draft

    def report_progress(self) -> None:
        if self._on_progress is not None:
            self._on_progress(
                ImportProgress(
                    self.rows_read, self._source.bytes_read(), self._source.total_bytes
                )
            )

    def _check_cancel(self) -> None:
        if self._should_cancel is not None and self._should_cancel():
            raise ImportCancelledError(
                f"Import cancelled after {self.rows_read:,} rows, so nothing was "
                f"imported."
            )


def _check_unchanged(plan: ImportPlan, source: SourceFile) -> None:
    if source.headers and source.headers != plan.headers:
        raise ImportFileError(
            plan.path,
            "the file changed since it was opened: its header row is different.",
            "Open the file for import again.",
        )


def _json_headers(sample: list[SourceItem]) -> tuple[str, ...]:
    """Return the keys of the sampled JSON rows in the order they first appear."""
    keys: dict[str, None] = {}
    for item in sample:
        if isinstance(item, SourceRow):
            keys.update(dict.fromkeys(item.values))
    return tuple(keys)


def _preview_of(prepared: PreparedRow) -> PreviewRow:
    draft = prepared.draft
    problem: str | None = None
    try:
        check_draft(draft)
    except DraftInvalidError as error:
        problem = str(error)
    return PreviewRow(
        line=prepared.line,
        business_name=draft.business_name,
        primary_category=draft.primary_category,
        category_text=prepared.category_text,
        email=draft.email,
        phone=draft.phone,
        city=draft.city,
        postcode=draft.postcode,
        price_range=draft.price_range,
        problem=problem,
    )


def _preview_problem(line: int, reason: str) -> PreviewRow:
    return PreviewRow(line, "", "", None, None, None, None, None, None, reason)


def _log_report(report: ImportReport) -> None:
    log.info("%s", report.summary())
    accounted = report.created + report.updated + len(report.skipped)
    if accounted != report.total_rows:
        log.error(
            "Import of %s accounted for %s of %s rows",
            report.path,
            accounted,
            report.total_rows,
        )
