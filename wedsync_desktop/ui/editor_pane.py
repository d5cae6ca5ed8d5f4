"""The two document tabs of a supplier: feature config and data payload."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wedsync_desktop.jsondoc import JsonProblem
from wedsync_desktop.store.errors import DOCUMENT_TITLES
from wedsync_desktop.store.permissions import Permission
from wedsync_desktop.store.records import SupplierDetail
from wedsync_desktop.ui.json_editor import JsonEditor

DOCUMENTS = ("feature_config", "data_payload")
MODIFIED_MARK = " ●"


class EditorPane(QWidget):
    """Edits both documents of one supplier; saving is the main window's job."""

    modified_changed = Signal(bool)
    problem_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.supplier_id = ""
        self.loaded_updated_at = ""
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.editors: dict[str, JsonEditor] = {}
        for document in DOCUMENTS:
            editor = JsonEditor(self)
            editor.setAccessibleName(DOCUMENT_TITLES[document])
            self.editors[document] = editor
            self.tabs.addTab(editor, DOCUMENT_TITLES[document])
            editor.modified_changed.connect(self._on_modified)
            editor.problem_changed.connect(self._on_problem)

        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_button = QPushButton("Go to error", self)
        self.problem_button.clicked.connect(self.jump_to_problem)
        problem_row = QHBoxLayout()
        problem_row.addWidget(self.problem_label, 1)
        problem_row.addWidget(self.problem_button, 0, Qt.AlignmentFlag.AlignTop)
        self.problem_row = QWidget(self)
        self.problem_row.setLayout(problem_row)
        problem_row.setContentsMargins(4, 2, 4, 2)
        self.problem_row.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem_row)
        self.tabs.currentChanged.connect(lambda _index: self._on_problem())

    def load(self, detail: SupplierDetail, permission: Permission) -> None:
        """Show ``detail``'s stored documents, discarding any edits."""
        self.supplier_id = detail.id
        self.loaded_updated_at = detail.updated_at
        for document, editor in self.editors.items():
            editor.set_document_text(getattr(detail, document))
            editor.set_read_only(not permission.can_edit, permission.reason)
        self._on_modified()
        self._on_problem()

    def mark_saved(self, detail: SupplierDetail) -> None:
        """Record that the editors' texts are now the stored ones."""
        self.loaded_updated_at = detail.updated_at
        for document, editor in self.editors.items():
            editor.mark_saved(getattr(detail, document))
        self._on_modified()

    def is_modified(self) -> bool:
        return any(editor.is_modified() for editor in self.editors.values())

    def modified_documents(self) -> dict[str, str]:
        return {
            document: editor.document_text()
            for document, editor in self.editors.items()
            if editor.is_modified()
        }

    def current_document(self) -> str:
        return DOCUMENTS[max(self.tabs.currentIndex(), 0)]

    def current_editor(self) -> JsonEditor:
        return self.editors[self.current_document()]

    def show_document(self, document: str) -> None:
        self.tabs.setCurrentIndex(DOCUMENTS.index(document))
        self.editors[document].setFocus(Qt.FocusReason.OtherFocusReason)

    def revert(self) -> None:
        """Put back the stored text in both tabs; Undo brings the edits back."""
        for editor in self.editors.values():
            if editor.is_modified():
                editor.revert()

    def format_current(self) -> str:
        """Format the current document; return why not, or "" when done."""
        editor = self.current_editor()
        if editor.format_document():
            return ""
        return editor.last_format_message

    def reformatted_documents(self) -> list[str]:
        """Return the titles of documents shown formatted because of long lines."""
        return [
            DOCUMENT_TITLES[document]
            for document, editor in self.editors.items()
            if editor.loaded_reformatted
        ]

    def jump_to_problem(self) -> None:
        for document, editor in self.editors.items():
            if editor.problem() is not None:
                self.show_document(document)
                editor.jump_to_problem()
                return

    def problems(self) -> dict[str, JsonProblem]:
        found: dict[str, JsonProblem] = {}
        for document, editor in self.editors.items():
            problem = editor.problem()
            if problem is not None:
                found[document] = problem
        return found

    def _on_modified(self, *_args: Any) -> None:
        for index, (document, editor) in enumerate(self.editors.items()):
            title = DOCUMENT_TITLES[document]
            self.tabs.setTabText(
                index, title + (MODIFIED_MARK if editor.is_modified() else "")
            )
        self.modified_changed.emit(self.is_modified())

    def _on_problem(self, *_args: Any) -> None:
        problems = self.problems()
        if not problems:
            self.problem_row.hide()
        else:
            document = (
                self.current_document()
                if self.current_document() in problems
                else next(iter(problems))
            )
            self.problem_label.setText(
                f"{DOCUMENT_TITLES[document]}: {problems[document].describe()}"
            )
            self.problem_row.show()
        self.problem_changed.emit()
