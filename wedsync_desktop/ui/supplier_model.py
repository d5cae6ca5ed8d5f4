"""Table model of the supplier list: it keeps ids and loads visible rows on demand.

Search, category filter and sort all run in SQLite. The model keeps only the
ordered id list and a bounded cache of the rows the view has requested.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from wedsync_desktop.categories import category_label
from wedsync_desktop.store.records import SupplierRow
from wedsync_desktop.store.service import WorkspaceService
from wedsync_desktop.ui.common import column_title

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex
SUPPLIER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS: tuple[tuple[str, str], ...] = (
    ("business_name", "Business name"),
    ("primary_category", "Category"),
    ("city", "Town"),
    ("is_active", "Status"),
    ("updated_at", "Last updated"),
)
TITLES = tuple(title for _name, title in COLUMNS)
PAGE_SIZE = 200
CACHE_LIMIT = 5000


class SupplierTableModel(QAbstractTableModel):
    """Rows of suppliers matching the current search, category and sort."""

    def __init__(self, service: WorkspaceService, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._ids: list[str] = []
        self._rows_by_id: dict[str, int] | None = None
        self._cache: OrderedDict[str, SupplierRow] = OrderedDict()
        self._search = ""
        self._category: str | None = None
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.total_count = 0
        self._loaded = False

    # Qt model interface

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        supplier_id = self._ids[index.row()]
        if role == SUPPLIER_ID_ROLE:
            return supplier_id
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _inactive_brush() if not row.is_active else None
        return _display(row, COLUMNS[index.column()][0], role)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        return column_title(TITLES, section, orientation, role)

    def sort(
        self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        unchanged = (column, order) == (self._sort_column, self._sort_order)
        if unchanged and not self._loaded:
            # The view sorts once when sorting is enabled, before the first
            # refresh; that would query the whole list for nothing.
            return
        self._sort_column = column
        self._sort_order = order
        self.refresh()

    # Filtering and lookup

    def set_filter(self, search: str, category: str | None) -> None:
        if search == self._search and category == self._category:
            return
        self._search = search
        self._category = category
        self.refresh()

    def refresh(self) -> None:
        """Query the ids again. Rows are reloaded when the view next requests them."""
        self.beginResetModel()
        self._ids = self._service.query_supplier_ids(
            self._search,
            self._category,
            sort=COLUMNS[self._sort_column][0],
            descending=self._sort_order == Qt.SortOrder.DescendingOrder,
        )
        self._rows_by_id = None
        self._cache.clear()
        self.total_count = self._service.count_suppliers()
        self._loaded = True
        self.endResetModel()

    def supplier_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, supplier_id: str) -> int:
        """Return the row showing ``supplier_id``, or -1 when it is filtered out."""
        if self._rows_by_id is None:
            self._rows_by_id = {value: row for row, value in enumerate(self._ids)}
        return self._rows_by_id.get(supplier_id, -1)

    def is_filtered(self) -> bool:
        return bool(self._search.strip() or self._category)

    # Row cache

    def _row(self, row: int) -> SupplierRow | None:
        supplier_id = self._ids[row]
        cached = self._cache.get(supplier_id)
        if cached is not None:
            self._cache.move_to_end(supplier_id)
            return cached
        start = row - row % PAGE_SIZE
        page = self._ids[start : start + PAGE_SIZE]
        loaded = self._service.load_rows(page)
        for value in page:
            if value in loaded:
                self._cache[value] = loaded[value]
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)
        return self._cache.get(supplier_id)


def _display(row: SupplierRow, column: str, role: int) -> str:
    if column == "business_name":
        return single_line(row.business_name)
    if column == "primary_category":
        return category_label(row.primary_category)
    if column == "city":
        return single_line(row.city or "")
    if column == "is_active":
        return "Active" if row.is_active else "Inactive"
    if role == Qt.ItemDataRole.ToolTipRole:
        return row.updated_at
    return format_timestamp(row.updated_at)


def single_line(text: str) -> str:
    """Return ``text`` with line and paragraph breaks shown as spaces.

    A table cell elides at the first break, so "Line\u2028Two" would show
    as "Line…".
    """
    return " ".join(text.splitlines())


def format_timestamp(value: str, now: datetime | None = None) -> str:
    """Return a stored UTC timestamp in local time, short as a file manager's.

    This year's dates show the time (``4 Dec 15:39``); older ones show the
    year instead (``4 Dec 2025``).
    """
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    local = moment.astimezone()
    current_year = (now or datetime.now().astimezone()).year
    if local.year == current_year:
        return f"{local.day} {local:%b %H:%M}"
    return f"{local.day} {local:%b %Y}"


def _inactive_brush() -> Any:
    palette = QApplication.palette()
    return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
