"""Dialog that imports a supplier directory file: mapping, preview, progress, report.

The dialog only calls the importer's runner. The import runs on a QThread, so
the window stays responsive, and Cancel rolls the whole file back.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wedsync_desktop.importers.errors import ImportFileError
from wedsync_desktop.importers.mapping import (
    FIELD_CHOICES,
    KEEP,
    ColumnMapping,
    check_mapping,
)
from wedsync_desktop.importers.runner import (
    ImportPlan,
    ImportProgress,
    ImportReport,
    plan_import,
    preview_rows,
    run_import,
)
from wedsync_desktop.store.errors import ImportCancelledError, StoreError
from wedsync_desktop.store.service import WorkspaceService
from wedsync_desktop.ui.common import plain_label
from wedsync_desktop.ui.import_models import (
    _FIELD_ROLE,
    MappingModel,
    PreviewModel,
    SkipModel,
)

log = logging.getLogger(__name__)

PROGRESS_STEPS = 1000
STATUS_COLUMN = 1
MAX_STATUS_WIDTH = 260


class ImportWorker(QObject):
    """Runs one import on a worker thread and reports back with signals."""

    progressed = Signal(object)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(
        self, service: WorkspaceService, plan: ImportPlan, mapping: ColumnMapping
    ) -> None:
        super().__init__()
        self._service = service
        self._plan = plan
        self._mapping = mapping
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the running import to stop, roll back and emit ``cancelled``."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            report = run_import(
                self._service,
                self._plan,
                self._mapping,
                should_cancel=self._cancel.is_set,
                on_progress=self.progressed.emit,
            )
        except ImportCancelledError:
            self.cancelled.emit()
        except (ImportFileError, StoreError, OSError) as error:
            log.warning("Import of %s failed: %s", self._plan.path, error)
            self.failed.emit(str(error))
        except Exception as error:  # shown to the user instead of lost in a thread
            log.exception("Import of %s failed unexpectedly", self._plan.path)
            self.failed.emit(f"The import failed unexpectedly: {error}")
        else:
            self.finished.emit(report)


class ImportDialog(QDialog):
    """Import one file: check the mapping, run it in the background, show the result.

    ``import_finished`` carries the ImportReport of a completed import.
    """

    import_finished = Signal(object)

    def __init__(
        self, service: WorkspaceService, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(f"Import suppliers – {path.name}")
        self.resize(1000, 760)
        self._service = service
        self._path = path
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self.report: ImportReport | None = None
        self.plan: ImportPlan | None = None
        self.mapping_model: MappingModel | None = None
        self.preview_model = PreviewModel(self)
        self.skip_model = SkipModel(self)
        self.combos: dict[str, QComboBox] = {}

        self.pages = QStackedWidget(self)
        self.message_label = plain_label(self)
        self.import_button = QPushButton("Import", self)
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.close_button = QPushButton("Close", self)
        self._build_layout()
        self._open_plan()

    # Pages

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.message_label, 1)
        for button in (self.import_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        self.import_button.clicked.connect(self._start_import)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

    def _open_plan(self) -> None:
        try:
            self.plan = plan_import(self._path)
        except (ImportFileError, OSError) as error:
            log.warning("Cannot import %s: %s", self._path, error)
            self._show_error_page("This file cannot be imported", str(error))
            return
        self.mapping_model = MappingModel(self.plan, self)
        self.mapping_model.mapping_changed.connect(self._refresh_preview)
        self.mapping_page = self._build_mapping_page(self.plan, self.mapping_model)
        self.progress_page = self._build_progress_page()
        self.report_page = self._build_report_page()
        for page in (self.mapping_page, self.progress_page, self.report_page):
            self.pages.addWidget(page)
        self._refresh_preview()
        self._show_page(self.mapping_page)

    def _build_mapping_page(self, plan: ImportPlan, model: MappingModel) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(f"Import suppliers from {plan.path.name}", page))
        self.format_label = plain_label(page)
        self.format_label.setText(
            f"Detected: {plan.describe()}. {len(plan.headers)} columns. Choose what "
            f"each column holds; kept columns are stored in the data payload."
        )
        layout.addWidget(self.format_label)
        columns = QGroupBox("Columns", page)
        self.mapping_view = _table_view(columns, model)
        self.mapping_view.setObjectName("mappingView")
        QVBoxLayout(columns).addWidget(self.mapping_view)
        self._add_combos(model)
        layout.addWidget(columns, 1)
        preview = QGroupBox(
            f"Preview: the first {len(plan.preview)} rows as they will be imported",
            page,
        )
        self.preview_view = _table_view(preview, self.preview_model)
        self.preview_view.setObjectName("previewView")
        QVBoxLayout(preview).addWidget(self.preview_view)
        layout.addWidget(preview, 1)
        return page

    def _add_combos(self, model: MappingModel) -> None:
        for row in range(model.rowCount()):
            index = model.index(row, MappingModel.FIELD_COLUMN)
            header = str(model.data(model.index(row, 0)))
            combo = QComboBox(self.mapping_view)
            for field, label in FIELD_CHOICES:
                combo.addItem(label, field or "")
            combo.setCurrentIndex(combo.findData(model.data(index, _FIELD_ROLE) or ""))
            combo.currentIndexChanged.connect(
                lambda _position, combo=combo, index=index: model.setData(
                    index, combo.currentData() or KEEP
                )
            )
            self.mapping_view.setIndexWidget(index, combo)
            self.combos[header] = combo
        model.dataChanged.connect(self._sync_combos)
        header_view = self.mapping_view.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header_view.resizeSection(2, 230)

    def _build_progress_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.progress_label = plain_label(page)
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addStretch(1)
        return page

    def _build_report_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.report_heading = _heading("", page)
        self.report_label = plain_label(page)
        self.skip_group = QGroupBox("Skipped rows", page)
        self.skip_view = _table_view(self.skip_group, self.skip_model)
        self.skip_view.setObjectName("skipView")
        self.skip_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        QVBoxLayout(self.skip_group).addWidget(self.skip_view)
        layout.addWidget(self.report_heading)
        layout.addWidget(self.report_label)
        layout.addWidget(self.skip_group, 1)
        # Keeps the text at the top while the skip list is hidden.
        layout.addStretch(0)
        return page

    def _show_error_page(self, title: str, message: str) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(title, page))
        self.error_label = plain_label(page)
        self.error_label.setText(message)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.pages.addWidget(page)
        self._show_page(page)

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        on_mapping = self.plan is not None and page is self.mapping_page
        importing = self.plan is not None and page is self.progress_page
        self.import_button.setVisible(on_mapping)
        self.cancel_button.setVisible(on_mapping or importing)
        self.cancel_button.setEnabled(True)
        self.close_button.setVisible(not (on_mapping or importing))
        self.message_label.clear()
        (
            self.close_button if self.close_button.isVisible() else self.import_button
        ).setFocus()

    # Mapping and preview

    @Slot()
    def _refresh_preview(self) -> None:
        if self.plan is None or self.mapping_model is None:
            return
        mapping = self.mapping_model.mapping()
        self.preview_model.set_rows(preview_rows(self.plan, mapping))
        self.preview_view.resizeColumnsToContents()
        status_width = self.preview_view.columnWidth(STATUS_COLUMN)
        self.preview_view.setColumnWidth(
            STATUS_COLUMN, min(status_width, MAX_STATUS_WIDTH)
        )
        try:
            check_mapping(self.plan.path, mapping)
        except ImportFileError as error:
            problem = error.problem[:1].upper() + error.problem[1:]
            self.message_label.setText(f"{problem} {error.fix}")
            self.import_button.setEnabled(False)
            return
        self.message_label.clear()
        self.import_button.setEnabled(True)

    @Slot(QModelIndex, QModelIndex)
    def _sync_combos(self, first: QModelIndex, last: QModelIndex) -> None:
        if self.mapping_model is None:
            return
        for row in range(first.row(), last.row() + 1):
            header = str(self.mapping_model.data(self.mapping_model.index(row, 0)))
            field = self.mapping_model.data(
                self.mapping_model.index(row, MappingModel.FIELD_COLUMN), _FIELD_ROLE
            )
            combo = self.combos[header]
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(field or ""))
            combo.blockSignals(False)

    # Running the import

    @Slot()
    def _start_import(self) -> None:
        if self.plan is None or self.mapping_model is None or self._thread is not None:
            return
        self.progress_label.setText(f"Importing {self.plan.path.name}…")
        self.progress_bar.setValue(0)
        self._show_page(self.progress_page)
        self.cancel_button.setText("Cancel import")
        thread = QThread(self)
        worker = ImportWorker(self._service, self.plan, self.mapping_model.mapping())
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.cancelled.connect(self._on_cancelled)
        worker.failed.connect(self._on_failed)
        for signal in (worker.finished, worker.cancelled, worker.failed):
            # Direct, so the worker thread ends its own event loop even while the
            # GUI thread is blocked in _stop_import.
            signal.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()

    @Slot()
    def _cancel(self) -> None:
        if self._worker is None:
            self.reject()
            return
        self._worker.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText("Cancelling… nothing of this file will be kept.")

    @Slot(object)
    def _on_progress(self, progress: ImportProgress) -> None:
        self.progress_bar.setValue(round(progress.fraction * PROGRESS_STEPS))
        self.progress_label.setText(
            f"Importing {self._path.name}: {progress.rows_read:,} rows read "
            f"({progress.fraction:.0%})…"
        )

    @Slot(object)
    def _on_finished(self, report: ImportReport) -> None:
        self.report = report
        self.skip_model.set_rows(report.skipped)
        self.skip_view.resizeColumnToContents(0)
        self.report_heading.setText("Import finished")
        self.report_label.setText(
            f"{report.total_rows:,} rows read from {report.path.name} in "
            f"{report.duration_seconds:.1f} s.\n"
            f"Created: {report.created:,}    Updated: {report.updated:,}    "
            f"Skipped: {len(report.skipped):,}"
            + ("" if report.skipped else "\n\nEvery row was imported.")
        )
        self.skip_group.setVisible(bool(report.skipped))
        self._show_page(self.report_page)
        self.import_finished.emit(report)

    @Slot()
    def _on_cancelled(self) -> None:
        self.report_heading.setText("Import cancelled")
        self.report_label.setText(
            "Nothing was imported: the workspace is as it was before the import."
        )
        self.skip_group.hide()
        self._show_page(self.report_page)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._show_error_page("The import failed; nothing was imported", message)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        # The worker has no parent, so dropping the last reference deletes it.
        self._thread = self._worker = None

    # Closing

    def is_importing(self) -> bool:
        return self._thread is not None

    def done(self, result: int) -> None:
        """Close the dialog after cancelling and waiting for a running import."""
        self._stop_import()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_import()
        super().closeEvent(event)

    def _stop_import(self) -> None:
        if self._thread is None or self._worker is None:
            return
        self._worker.cancel()
        self._thread.quit()
        self._thread.wait()


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


def _table_view(parent: QWidget, model: QAbstractTableModel) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    return view
