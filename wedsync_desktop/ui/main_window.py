"""The main window: supplier list on one side, header and editors on the other."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import OperationalError

from wedsync_desktop import APP_NAME
from wedsync_desktop.settings import Settings
from wedsync_desktop.store.errors import (
    DOCUMENT_TITLES,
    DocumentInvalidError,
    StaleRecordError,
    StoreError,
)
from wedsync_desktop.store.permissions import OWNER_PERMISSION, Permission
from wedsync_desktop.store.records import SupplierDetail
from wedsync_desktop.store.workspace import Workspace
from wedsync_desktop.ui import dialogs
from wedsync_desktop.ui.actions import create_actions
from wedsync_desktop.ui.editor_pane import DOCUMENTS, EditorPane
from wedsync_desktop.ui.supplier_header import SupplierHeader
from wedsync_desktop.ui.supplier_list import SupplierListPane
from wedsync_desktop.ui.welcome import WelcomePage
from wedsync_desktop.ui.workflows import Workflows

log = logging.getLogger(__name__)

# Below this width the list and editors stack, because side by side the five
# list columns and an editor need about this much at a large font.
NARROW_WIDTH = 900
NARROW_HIDDEN_COLUMNS = (2, 4)
STATUS_TIMEOUT_MS = 6000


class MainWindow(QMainWindow):
    """Browses and edits the suppliers of one open workspace."""

    def __init__(self, workspace: Workspace, settings: Settings) -> None:
        super().__init__()
        self.workspace = workspace
        self.service = workspace.service
        self.settings = settings
        self.detail: SupplierDetail | None = None
        self.permission: Permission = OWNER_PERMISSION
        self.setWindowTitle(f"{APP_NAME}[*]")
        self.setObjectName("mainWindow")

        self.window_actions = create_actions(self)
        toolbar = self.findChild(QToolBar, "mainToolbar")
        assert toolbar is not None, "create_actions adds the main toolbar"
        self.toolbar = toolbar
        self.list_pane = SupplierListPane(self.service, self)
        self.header = SupplierHeader(self)
        self.editor_pane = EditorPane(self)
        self.placeholder = QLabel("Select a supplier in the list to see its details.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.detail_stack = QStackedWidget(self)
        self.detail_stack.addWidget(self.placeholder)
        self.detail_stack.addWidget(self._detail_widget())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list_pane)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.welcome = WelcomePage(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)

        self.sync_label = QLabel(self)
        self.sync_label.setToolTip(
            "Edits are saved on this computer and queued until they are synced "
            "with WedSync."
        )
        self.statusBar().addPermanentWidget(self.sync_label)
        self.workflows = Workflows(self)
        self._connect()
        self._restore_settings()
        self.list_pane.refresh()
        self._show_page()
        self._restore_selection()
        self.update_actions()
        self.service.has_new_commits()  # the baseline for outside changes

    # Selection

    def open_supplier(self, supplier_id: str) -> None:
        """Show ``supplier_id`` after asking what to do with unsaved edits."""
        previous = self.detail.id if self.detail else ""
        if supplier_id == previous:
            return
        if not self.confirm_leave():
            self.list_pane.select_id(previous, notify=False)
            return
        self._load(supplier_id)

    def reload_current(self) -> None:
        if self.detail is not None:
            self._load(self.detail.id)

    def _load(self, supplier_id: str) -> None:
        try:
            detail = self.service.get_supplier(supplier_id)
            permission = self.service.permission(supplier_id)
        except StoreError as error:
            self.show_status(str(error))
            self._clear_detail()
            return
        self.detail = detail
        self.permission = permission
        self.header.show_supplier(detail, permission)
        self.editor_pane.load(detail, permission)
        self.detail_stack.setCurrentIndex(1)
        reformatted = self.editor_pane.reformatted_documents()
        if permission.reason and not permission.can_edit:
            self.show_status(f"Read-only: {permission.reason}", 0)
        elif reformatted:
            self.show_status(
                f"{' and '.join(reformatted)} shown formatted: the stored text was "
                f"on one very long line. The values are unchanged."
            )
        self.update_actions()

    def _clear_detail(self) -> None:
        self.detail = None
        self.detail_stack.setCurrentIndex(0)
        self.update_actions()

    # Saving and unsaved edits

    def save(self) -> bool:
        """Save the current supplier's edited documents; return whether saved."""
        if self.detail is None or not self.editor_pane.is_modified():
            return True
        changes = self.editor_pane.modified_documents()
        # NOTE: the save runs on the GUI thread. It takes about 0.3 s for a
        # 10 MB document (docs/benchmarks.md) and milliseconds for usual ones.
        try:
            detail = self.service.save_documents(
                self.detail.id,
                expected_updated_at=self.editor_pane.loaded_updated_at,
                **changes,
            )
        except DocumentInvalidError as error:
            self.editor_pane.show_document(error.document)
            self.editor_pane.current_editor().jump_to_problem()
            self.show_status(str(error), 0)
            return False
        except StaleRecordError as error:
            if not dialogs.confirm_overwrite(self, error.business_name):
                return False
            self.editor_pane.loaded_updated_at = ""
            return self.save()
        except (StoreError, OperationalError) as error:
            dialogs.show_error(self, "Not saved", _save_failure(error))
            return False
        self.detail = detail
        self.editor_pane.mark_saved(detail)
        self.list_pane.refresh()
        self.update_workspace_state()
        titles = " and ".join(DOCUMENT_TITLES[name] for name in changes)
        self.show_status(f"Saved {titles} of {detail.business_name}.")
        return True

    def confirm_leave(self) -> bool:
        """Ask to save, discard or cancel when there are unsaved edits."""
        if self.detail is None or not self.editor_pane.is_modified():
            return True
        answer = dialogs.ask_unsaved(self, self.detail.business_name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            log.info("Discarded unsaved edits of supplier %s", self.detail.id)
            self.editor_pane.load(self.detail, self.permission)
            return True
        return False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.pick_up_outside_changes()

    def pick_up_outside_changes(self) -> None:
        """Show what other windows or imports committed while this one waited.

        The open supplier is reloaded only when its stored version changed
        and there are no unsaved edits, so its undo history survives.
        """
        if not self.service.has_new_commits():
            return
        log.info("Workspace changed elsewhere; refreshing the list")
        self.list_pane.refresh()
        self._show_page()
        if self.detail is None or self.editor_pane.is_modified():
            return
        try:
            fresh = self.service.get_supplier(self.detail.id)
        except StoreError:
            self._clear_detail()
            return
        if fresh != self.detail:
            self._load(fresh.id)
            self.show_status(f"{fresh.business_name} was updated elsewhere.")

    def refresh(self) -> None:
        """Read the list and the open supplier again, after changes elsewhere."""
        if not self.confirm_leave():
            return
        self.list_pane.refresh()
        self._show_page()
        if self.detail is not None:
            self._load(self.detail.id)
        self.show_status("Refreshed from the workspace.")

    def revert(self) -> None:
        self.editor_pane.revert()
        self.show_status("Reverted to the saved text. Undo brings your edits back.")

    # Window state

    def show_status(self, message: str, timeout: int = STATUS_TIMEOUT_MS) -> None:
        self.statusBar().showMessage(message, timeout)

    def workspace_changed(self, select_id: str = "") -> None:
        """Refresh after suppliers were added, changed or removed."""
        self.list_pane.refresh()
        self._show_page()
        if select_id:
            self.list_pane.select_id(select_id, notify=False)
            self._load(select_id)
        elif self.detail is not None and self.list_pane.model.total_count == 0:
            self._clear_detail()
        self.update_actions()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave():
            event.ignore()
            return
        self.workflows.cancel_all()
        self._save_settings()
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_layout_width(event.size().width())

    def is_narrow(self) -> bool:
        return self.splitter.orientation() == Qt.Orientation.Vertical

    def _apply_layout_width(self, width: int) -> None:
        narrow = width < NARROW_WIDTH
        if narrow == self.is_narrow():
            return
        if self.isVisible():
            self.settings.set(self._splitter_key(), _base64(self.splitter.saveState()))
        self._set_orientation(narrow)
        self._restore_splitter()
        for column in NARROW_HIDDEN_COLUMNS:
            self.list_pane.table.setColumnHidden(column, narrow)
        self.list_pane.set_compact(narrow)
        self.sync_label.setVisible(not narrow)
        self.toolbar.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if narrow
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )

    def _show_page(self) -> None:
        empty = self.list_pane.model.total_count == 0
        self.pages.setCurrentWidget(self.welcome if empty else self.splitter)
        self.update_workspace_state()

    def update_actions(self) -> None:
        a = self.window_actions
        selected = self.detail is not None
        editable = selected and self.permission.can_edit
        modified = self.editor_pane.is_modified()
        a.save.setEnabled(editable and modified)
        a.revert.setEnabled(editable and modified)
        for action in (a.format, a.undo, a.redo, a.edit_details, a.load_json):
            action.setEnabled(editable)
        a.toggle_active.setEnabled(selected and self.permission.can_activate)
        a.delete.setEnabled(selected and self.permission.can_delete)
        a.next_problem.setEnabled(bool(self.editor_pane.problems()))
        active = self.detail.is_active if self.detail else True
        a.toggle_active.setText("&Deactivate" if active else "Re&activate")
        self.setWindowModified(modified)

    def update_workspace_state(self) -> None:
        """Show the account and outbox state; call after each write.

        This queries the store, so it is kept out of update_actions, which runs
        on every modification and validation signal while the user types.
        """
        account = self.service.account()
        self.window_actions.new_supplier.setEnabled(self.service.can_create_suppliers())
        place = "Local workspace" if account is None else account.email or "Signed in"
        waiting = self.service.pending_outbox_count()
        changes = f"{waiting:,} change" + ("" if waiting == 1 else "s")
        self.sync_label.setText(f"{place} · {changes} waiting to sync")

    def _detail_widget(self) -> QWidget:
        widget = QWidget(self)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.editor_pane, 1)
        return widget

    def _connect(self) -> None:
        a = self.window_actions
        self.list_pane.current_changed.connect(self.open_supplier)
        self.editor_pane.modified_changed.connect(lambda _m: self.update_actions())
        self.editor_pane.problem_changed.connect(self.update_actions)
        self.header.active_toggled.connect(self.workflows.set_active)
        self.header.edit_details_requested.connect(self.workflows.edit_details)
        self.welcome.import_requested.connect(self.workflows.import_file)
        self.welcome.demo_requested.connect(self.workflows.create_demo)
        self.welcome.new_supplier_requested.connect(self.workflows.new_supplier)
        a.new_supplier.triggered.connect(self.workflows.new_supplier)
        a.import_file.triggered.connect(self.workflows.import_file)
        a.export_file.triggered.connect(self.workflows.export_file)
        a.create_demo.triggered.connect(self.workflows.create_demo)
        a.quit.triggered.connect(self.close)
        a.save.triggered.connect(self.save)
        a.revert.triggered.connect(self.revert)
        a.format.triggered.connect(self._format_current)
        a.load_json.triggered.connect(self.workflows.load_json_file)
        a.undo.triggered.connect(lambda: self.editor_pane.current_editor().undo())
        a.redo.triggered.connect(lambda: self.editor_pane.current_editor().redo())
        a.find.triggered.connect(self._focus_search)
        a.edit_details.triggered.connect(self.workflows.edit_details)
        a.toggle_active.triggered.connect(self.workflows.toggle_active)
        a.delete.triggered.connect(self.workflows.delete_supplier)
        a.refresh.triggered.connect(self.refresh)
        a.show_config.triggered.connect(lambda: self._show_document(DOCUMENTS[0]))
        a.show_payload.triggered.connect(lambda: self._show_document(DOCUMENTS[1]))
        a.next_problem.triggered.connect(self.editor_pane.jump_to_problem)
        a.open_data_folder.triggered.connect(
            lambda: _open_folder(self.workspace.paths.data_dir)
        )
        a.open_log_folder.triggered.connect(
            lambda: _open_folder(self.workspace.paths.log_dir)
        )
        a.about.triggered.connect(lambda: dialogs.show_about(self))

    def _format_current(self) -> None:
        reason = self.editor_pane.format_current()
        if reason:
            self.show_status(reason)

    def _focus_search(self) -> None:
        if self.pages.currentWidget() is self.splitter:
            self.list_pane.focus_search()

    def _show_document(self, document: str) -> None:
        if self.detail is not None:
            self.editor_pane.show_document(document)

    # Settings

    def _restore_settings(self) -> None:
        geometry = _from_base64(self.settings.get_str("window/geometry"))
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
            self.splitter.setSizes([560, 720])
        self._apply_layout_width(self.width())

    def _splitter_key(self) -> str:
        """Return the setting for the current layout, stacked or side by side."""
        return "window/splitter_narrow" if self.is_narrow() else "window/splitter"

    def _restore_splitter(self) -> None:
        """Put back the pane sizes last used in the current layout."""
        narrow = self.is_narrow()
        state = _from_base64(self.settings.get_str(self._splitter_key()))
        if state is not None:
            self.splitter.restoreState(state)
            # The saved state carries an orientation too; the layout decides.
            self._set_orientation(narrow)

    def _set_orientation(self, narrow: bool) -> None:
        self.splitter.setOrientation(
            Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        )

    def _restore_selection(self) -> None:
        last = self.settings.get_str("window/last_supplier")
        if last and self.list_pane.select_id(last, notify=False):
            self._load(last)
        tab = self.settings.get_str("window/document", DOCUMENTS[0])
        if tab in DOCUMENTS:
            self.editor_pane.tabs.setCurrentIndex(DOCUMENTS.index(tab))

    def _save_settings(self) -> None:
        self.settings.set("window/geometry", _base64(self.saveGeometry()))
        self.settings.set(self._splitter_key(), _base64(self.splitter.saveState()))
        self.settings.set("window/last_supplier", self.detail.id if self.detail else "")
        self.settings.set("window/document", self.editor_pane.current_document())
        try:
            self.settings.save()
        except OSError as error:
            log.warning("Could not save settings to %s: %s", self.settings.path, error)


def _base64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def _from_base64(text: str) -> QByteArray | None:
    """Return the bytes of a base64 setting, or None when it is empty or invalid."""
    try:
        raw = text.encode("ascii")
    except UnicodeEncodeError:
        return None
    data = QByteArray.fromBase64(raw)
    return data if not data.isEmpty() else None


def _open_folder(folder: Any) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _save_failure(error: Exception) -> str:
    if isinstance(error, OperationalError) and "locked" in str(error):
        return (
            "The workspace is busy with another change, such as an import. "
            "Your edits are still in the editor: save again when it finishes."
        )
    return f"{error}\n\nYour edits are still in the editor."
