"""The main window's commands: dialogs first, then the service.

Import, export and demo creation run on the thread pool with a progress
dialog, so the window stays responsive while they work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog

from wedsync_desktop.jsondoc import JsonDocumentError
from wedsync_desktop.limits import MAX_DEMO_SUPPLIERS
from wedsync_desktop.store.errors import (
    DOCUMENT_TITLES,
    ImportCancelledError,
    StoreError,
)
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.ui import dialogs
from wedsync_desktop.ui.supplier_dialog import SupplierDialog
from wedsync_desktop.ui.tasks import Task

if TYPE_CHECKING:
    from wedsync_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DEFAULT_DEMO_SUPPLIERS = 200
IMPORT_FILTER = (
    "Supplier directories (*.csv *.tsv *.txt *.jsonl *.ndjson *.json);;All files (*)"
)
EXPORT_FILTERS = {"JSON Lines (*.jsonl)": "jsonl", "CSV (*.csv)": "csv"}


class Workflows(QObject):
    """Carries out the window's commands on the current supplier or workspace."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service = window.service
        self.tasks: list[Task] = []

    # Suppliers

    def new_supplier(self) -> None:
        if not self.window.confirm_leave():
            return
        created: list[str] = []

        def submit(draft: SupplierDraft) -> None:
            created.append(self.service.create_supplier(draft))

        dialog = SupplierDialog(submit, parent=self.window)
        if dialog.exec() and created:
            self.window.workspace_changed(select_id=created[0])
            self.window.show_status(f"Added {dialog.draft().business_name.strip()}.")

    def edit_details(self) -> None:
        detail = self.window.detail
        if detail is None:
            return

        def submit(draft: SupplierDraft) -> None:
            self.service.update_details(detail.id, draft, detail.details_updated_at)

        if SupplierDialog(submit, detail, self.window).exec():
            self._reload_keeping_edits()
            self.window.list_pane.refresh()

    def set_active(self, active: bool) -> None:
        detail = self.window.detail
        if detail is None or detail.is_active == active:
            return
        try:
            self.service.set_active(detail.id, active)
        except StoreError as error:
            dialogs.show_error(self.window, "Not changed", str(error))
            self.window.header.active_switch.setChecked(detail.is_active)
            return
        self._reload_keeping_edits()
        self.window.list_pane.refresh()
        state = "active" if active else "inactive"
        self.window.show_status(f"{detail.business_name} is now {state}.")

    def toggle_active(self) -> None:
        if self.window.detail is not None:
            self.set_active(not self.window.detail.is_active)

    def delete_supplier(self) -> None:
        detail = self.window.detail
        if detail is None or not dialogs.confirm_delete(
            self.window, detail.business_name
        ):
            return
        try:
            self.service.delete_supplier(detail.id)
        except StoreError as error:
            dialogs.show_error(self.window, "Not deleted", str(error))
            return
        self.window.editor_pane.load(detail, self.window.permission)
        self.window.detail = None
        self.window.detail_stack.setCurrentIndex(0)
        self.window.workspace_changed()
        self.window.show_status(f"Deleted {detail.business_name}.")

    # Files and demo data

    def load_json_file(self) -> None:
        if self.window.detail is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            "Load JSON from file",
            str(Path.home()),
            "JSON files (*.json *.txt);;All files (*)",
        )
        if path:
            self.load_json_path(Path(path))

    def load_json_path(self, path: Path) -> None:
        """Put a file's text into the current editor; Ctrl+Z puts the old back."""
        pane = self.window.editor_pane
        try:
            pane.current_editor().load_file(path)
        except (OSError, JsonDocumentError) as error:
            detail = (
                error.problem.describe()
                if isinstance(error, JsonDocumentError)
                else str(error)
            )
            dialogs.show_error(
                self.window,
                "File not loaded",
                f"{path} could not be loaded: {detail}\n\nThe editor is unchanged.",
            )
            return
        title = DOCUMENT_TITLES[pane.current_document()]
        self.window.show_status(
            f"Loaded {path.name} into {title}. Save to keep it, or Undo."
        )

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, "Import directory file", str(Path.home()), IMPORT_FILTER
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        from wedsync_desktop.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.service, path, self.window)
        dialog.exec()
        self.window.workspace_changed()

    def export_file(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            "Export suppliers",
            str(Path.home() / "wedsync-suppliers.jsonl"),
            ";;".join(EXPORT_FILTERS),
        )
        if path:
            file_format = "csv" if path.lower().endswith(".csv") else "jsonl"
            self.export_path(Path(path), EXPORT_FILTERS.get(chosen, file_format))

    def export_path(self, path: Path, file_format: str) -> Task:
        from wedsync_desktop.importers import export

        writer = export.export_csv if file_format == "csv" else export.export_jsonl

        def work(
            _progress: Callable[[int], None], _cancelled: Callable[[], bool]
        ) -> Any:
            return writer(self.service, path)

        return self._run(
            work,
            "Exporting suppliers…",
            lambda count: self.window.show_status(
                f"Exported {_suppliers(count)} to {path}."
            ),
        )

    def create_demo(self) -> None:
        count, accepted = QInputDialog.getInt(
            self.window,
            "Create demo workspace",
            "How many example suppliers?",
            DEFAULT_DEMO_SUPPLIERS,
            1,
            MAX_DEMO_SUPPLIERS,
        )
        if accepted:
            self.create_demo_suppliers(count)

    def create_demo_suppliers(self, count: int) -> Task:
        from wedsync_desktop.demo import populate

        def work(progress: Callable[[int], None], cancelled: Callable[[], bool]) -> Any:
            return populate(
                self.service, count, should_cancel=cancelled, on_progress=progress
            )

        def done(created: int) -> None:
            self.window.workspace_changed()
            self.window.show_status(f"Added {created:,} demo {_plural(created)}.")

        return self._run(work, "Creating demo suppliers…", done, maximum=count)

    def cancel_all(self) -> None:
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            task.done.wait(10)

    # Helpers

    def _run(
        self,
        work: Callable[[Callable[[int], None], Callable[[], bool]], Any],
        label: str,
        on_done: Callable[[Any], None],
        maximum: int = 0,
    ) -> Task:
        progress = QProgressDialog(label, "Cancel", 0, maximum, self.window)
        progress.setWindowTitle("Working")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        task = Task(work)
        self.tasks.append(task)
        progress.canceled.connect(task.cancel)
        task.signals.progress.connect(progress.setValue)

        def finished(result: Any) -> None:
            self._finish(task, progress)
            on_done(result)

        def failed(error: BaseException) -> None:
            self._finish(task, progress)
            if isinstance(error, ImportCancelledError):
                self.window.show_status("Cancelled; nothing was changed.")
                return
            dialogs.show_error(self.window, "Something went wrong", str(error))

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        task.start()
        return task

    def _finish(self, task: Task, progress: QProgressDialog) -> None:
        progress.close()
        progress.deleteLater()
        if task in self.tasks:
            self.tasks.remove(task)

    def _reload_keeping_edits(self) -> None:
        """Reload header and record version without dropping unsaved text."""
        window = self.window
        if window.detail is None:
            return
        detail = self.service.get_supplier(window.detail.id)
        window.detail = detail
        window.header.show_supplier(detail, window.permission)
        window.editor_pane.loaded_updated_at = detail.updated_at
        window.update_actions()
        window.update_workspace_state()


def _plural(count: int) -> str:
    return "supplier" if count == 1 else "suppliers"


def _suppliers(count: int) -> str:
    return f"{count:,} {_plural(count)}"
