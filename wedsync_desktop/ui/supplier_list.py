"""The supplier list pane: search box, category filter and the table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wedsync_desktop.categories import CATEGORIES, category_label
from wedsync_desktop.store.service import WorkspaceService
from wedsync_desktop.ui.supplier_model import SupplierTableModel

ALL_CATEGORIES = ""
# Typical widest text per column, used for the initial column widths so that
# the business name gets the remaining space; the user can resize them.
COLUMN_SAMPLES = {
    1: "Hair & make-up",
    2: "Stratford-upon",
    3: "Inactive",
    4: "30 Sep 23:59",
}


class SupplierListPane(QWidget):
    """Lists suppliers; keeps the selection by supplier id across refreshes.

    ``current_changed`` carries the selected supplier id, or "" for none.
    """

    current_changed = Signal(str)

    def __init__(self, service: WorkspaceService, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = SupplierTableModel(service, self)
        self._current_id = ""
        self._restoring = False

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText("Search name, town, category or email")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search suppliers")
        self.category_combo = QComboBox(self)
        self.category_combo.setAccessibleName("Category filter")
        self.category_combo.addItem("All categories", ALL_CATEGORIES)
        for category in CATEGORIES:
            self.category_combo.addItem(category_label(category), category)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 10
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        metrics = self.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        # Set before sorting is enabled, which sorts by the indicator at once.
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.count_label = QLabel(self)

        self.filters = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.filters.addWidget(self.search_edit, 3)
        self.filters.addWidget(self.category_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.search_edit.textChanged.connect(self._apply_filter)
        self.category_combo.currentIndexChanged.connect(self._apply_filter)
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    def current_id(self) -> str:
        return self._current_id

    def refresh(self) -> None:
        self.model.refresh()

    def select_id(self, supplier_id: str, notify: bool = True) -> bool:
        """Select ``supplier_id`` if it is listed; return whether it is."""
        row = self.model.row_of(supplier_id) if supplier_id else -1
        if row < 0:
            return False
        if not notify:
            # With notify, _row_changed sets the id and emits current_changed.
            self._current_id = supplier_id
        self._restoring = not notify
        try:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        finally:
            self._restoring = False
        return True

    def set_compact(self, compact: bool) -> None:
        """Stack the search box above the category filter on narrow windows."""
        self.filters.setDirection(
            QBoxLayout.Direction.TopToBottom
            if compact
            else QBoxLayout.Direction.LeftToRight
        )

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _apply_filter(self) -> None:
        category = self.category_combo.currentData() or None
        self.model.set_filter(self.search_edit.text(), category)

    def _after_reset(self) -> None:
        if self._current_id and not self.select_id(self._current_id, notify=False):
            self.table.selectionModel().clearSelection()
        self._update_count()

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if self._restoring:
            return
        supplier_id = (
            self.model.supplier_id(current.row()) if current.isValid() else None
        )
        if supplier_id and supplier_id != self._current_id:
            self._current_id = supplier_id
            self.current_changed.emit(supplier_id)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        total = self.model.total_count
        if self.model.is_filtered():
            text = f"{shown:,} of {total:,} suppliers match"
        else:
            text = f"{total:,} supplier" + ("" if total == 1 else "s")
        self.count_label.setText(text)
