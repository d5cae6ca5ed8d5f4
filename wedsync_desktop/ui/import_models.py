"""Table models of the import dialog: column mapping, preview and skipped rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from wedsync_desktop.categories import category_label
from wedsync_desktop.importers.mapping import (
    FIELD_CHOICES,
    IGNORE,
    KEEP,
    ColumnMapping,
    cell_text,
)
from wedsync_desktop.importers.readers import SourceRow
from wedsync_desktop.importers.runner import ImportPlan, PreviewRow, SkippedRow
from wedsync_desktop.ui.common import column_title

ModelIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
SAMPLE_CHARS = 60
PROBLEM_COLOUR = QColor("#b3261e")
_FIELD_ROLE = Qt.ItemDataRole.EditRole
_INVALID = QModelIndex()


class ListTableModel(QAbstractTableModel, Generic[Row]):
    """Read-only table over a list of rows, one column per (title, cell text)."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Row], str]]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](self._rows[index.row()])
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        titles = [title for title, _value in self._columns]
        return column_title(titles, section, orientation, role)


class PreviewModel(ListTableModel[PreviewRow]):
    """The first rows of the file as the current mapping would import them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                ("Line", lambda row: str(row.line)),
                (
                    "Status",
                    lambda row: f"Skipped: {row.problem}" if row.problem else "OK",
                ),
                ("Business name", lambda row: row.business_name),
                ("Category", _category_text),
                ("Email", lambda row: row.email or ""),
                ("Phone", lambda row: row.phone or ""),
                ("Town / city", lambda row: row.city or ""),
                ("Postcode", lambda row: row.postcode or ""),
                ("Price range", lambda row: row.price_range or ""),
            ),
            parent,
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if index.row() < self.rowCount() and self.row_at(index.row()).problem:
                return PROBLEM_COLOUR
            return None
        return super().data(index, role)


class SkipModel(ListTableModel[SkippedRow]):
    """Rows an import skipped, with the line where each starts and the reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                ("Line", lambda row: str(row.line)),
                ("Reason", lambda row: row.reason[:1].upper() + row.reason[1:]),
            ),
            parent,
        )


class MappingModel(QAbstractTableModel):
    """One row per source column: its name, a sample value and its field.

    The field column is editable with EditRole (a field name, or None to keep
    the value in the data payload). Choosing a field that another column has
    moves that column back to "Keep in data payload".
    """

    mapping_changed = Signal()

    TITLES = ("Column in file", "Sample value", "Import as")
    FIELD_COLUMN = 2

    def __init__(self, plan: ImportPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(plan.headers)
        self._mapping: ColumnMapping = dict(plan.mapping)
        self._samples = _sample_values(plan)
        self._labels = {field: label for field, label in FIELD_CHOICES}

    def mapping(self) -> ColumnMapping:
        return dict(self._mapping)

    def rowCount(self, parent: ModelIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def columnCount(self, parent: ModelIndex = _INVALID) -> int:
        return 0 if parent.isValid() else len(self.TITLES)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._headers):
            return None
        header = self._headers[index.row()]
        column = index.column()
        if column == self.FIELD_COLUMN and role == _FIELD_ROLE:
            return self._mapping.get(header)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return header
        if column == 1:
            return self._samples.get(header, "")
        return self._labels.get(self._mapping.get(header), "")

    def setData(self, index: ModelIndex, value: Any, role: int = _FIELD_ROLE) -> bool:
        if (
            not index.isValid()
            or index.column() != self.FIELD_COLUMN
            or role != _FIELD_ROLE
            or value not in self._labels
        ):
            return False
        header = self._headers[index.row()]
        if self._mapping.get(header) == value:
            return True
        if value not in (KEEP, IGNORE):
            for row, other in enumerate(self._headers):
                if other != header and self._mapping.get(other) == value:
                    self._set_field(row, KEEP)
        self._set_field(index.row(), value)
        self.mapping_changed.emit()
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.FIELD_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        return column_title(self.TITLES, section, orientation, role)

    def _set_field(self, row: int, field: str | None) -> None:
        self._mapping[self._headers[row]] = field
        changed = self.index(row, self.FIELD_COLUMN)
        self.dataChanged.emit(changed, changed)


def _category_text(row: PreviewRow) -> str:
    if not row.primary_category:
        return ""
    label = category_label(row.primary_category)
    original = (row.category_text or "").strip()
    if original and original.casefold() != label.casefold():
        return f"{label} (from “{original}”)"
    return label


def _sample_values(plan: ImportPlan) -> dict[str, str]:
    """Return the first non-blank preview value of each column, on one line."""
    samples: dict[str, str] = {}
    for item in plan.preview:
        if not isinstance(item, SourceRow):
            continue
        for column, value in item.values.items():
            text = " ⏎ ".join(cell_text(value).split("\n")).strip()
            if text and column not in samples:
                samples[column] = _shorten(text)
    return samples


def _shorten(text: str) -> str:
    return text if len(text) <= SAMPLE_CHARS else text[: SAMPLE_CHARS - 1] + "…"
