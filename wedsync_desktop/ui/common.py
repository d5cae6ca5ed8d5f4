"""Small helpers shared by the panes and dialogs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(parent: QWidget) -> QLabel:
    """Return a wrapping, selectable label that never interprets markup.

    Supplier data comes from imported files, so text such as ``<b>Best</b>``
    must be shown as written.
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def column_title(
    titles: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> Any:
    """Return ``headerData`` for a table whose column titles are ``titles``."""
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(titles)
    ):
        return titles[section]
    return None
