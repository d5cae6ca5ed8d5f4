"""The first-start page of an empty workspace: three ways to begin."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

COLUMN_MAX_WIDTH = 560


class WelcomePage(QWidget):
    """Offers import, a demo workspace, or a first supplier typed by hand."""

    import_requested = Signal()
    demo_requested = Signal()
    new_supplier_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        title = QLabel("Welcome to WedSync Desktop", self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        intro = QLabel(
            "Your workspace is empty. Everything you add stays on this computer, "
            "so you can work without a connection or an account.",
            self,
        )
        intro.setWordWrap(True)

        self.import_button = QCommandLinkButton(
            "Import a directory file",
            "Bring in suppliers from a CSV, JSON Lines or JSON file, "
            "such as a spreadsheet export.",
            self,
        )
        self.demo_button = QCommandLinkButton(
            "Create a demo workspace",
            "Fill the workspace with realistic example suppliers to try things out.",
            self,
        )
        self.new_button = QCommandLinkButton(
            "Add a supplier",
            "Type in the details of your first supplier.",
            self,
        )
        column = QWidget(self)
        column.setMaximumWidth(COLUMN_MAX_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(column)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(12)
        for button in (self.import_button, self.demo_button, self.new_button):
            inner.addWidget(button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_button.clicked.connect(self.new_supplier_requested)
