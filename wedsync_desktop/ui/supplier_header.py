"""Header above the editors: who the supplier is and whether it is active."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wedsync_desktop.categories import category_label
from wedsync_desktop.store.permissions import Permission
from wedsync_desktop.store.records import SupplierDetail
from wedsync_desktop.ui.common import plain_label


class SupplierHeader(QWidget):
    """Name, category, contact, the active switch and any read-only reason."""

    active_toggled = Signal(bool)
    edit_details_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.name_label = QLabel(self)
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label = plain_label(self)
        self.contact_label = plain_label(self)
        self.reason_label = plain_label(self)
        self.reason_label.setObjectName("readOnlyReason")
        self.reason_label.hide()

        self.active_switch = QCheckBox("Active", self)
        self.active_switch.setToolTip(
            "Inactive suppliers stay in the workspace but are hidden from couples"
        )
        self.edit_button = QPushButton("Edit details…", self)
        self.edit_button.setSizePolicy(
            QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed
        )

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.name_label)
        text.addWidget(self.summary_label)
        text.addWidget(self.contact_label)
        text.addWidget(self.reason_label)
        controls = QVBoxLayout()
        controls.addWidget(self.active_switch, 0, Qt.AlignmentFlag.AlignRight)
        controls.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignRight)
        controls.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(text, 1)
        layout.addLayout(controls)

        self.active_switch.clicked.connect(self.active_toggled)
        self.edit_button.clicked.connect(self.edit_details_requested)

    def show_supplier(self, detail: SupplierDetail, permission: Permission) -> None:
        self.name_label.setText(detail.business_name)
        place = ", ".join(part for part in (detail.city, detail.postcode) if part)
        summary = [category_label(detail.primary_category)]
        if place:
            summary.append(place)
        if detail.price_range:
            summary.append(detail.price_range)
        self.summary_label.setText("  ·  ".join(summary))
        contact = [part for part in (detail.email, detail.phone) if part]
        self.contact_label.setText("  ·  ".join(contact) or "No contact details")
        self.active_switch.setChecked(detail.is_active)
        self.active_switch.setEnabled(permission.can_activate)
        self.edit_button.setEnabled(permission.can_edit)
        self._show_reason(permission)

    def _show_reason(self, permission: Permission) -> None:
        if permission.reason and not permission.can_edit:
            self.reason_label.setText(f"Read-only: {permission.reason}")
        elif permission.reason:
            self.reason_label.setText(permission.reason)
        else:
            self.reason_label.hide()
            return
        palette = self.reason_label.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText,
            self.palette().color(QPalette.ColorRole.LinkVisited),
        )
        self.reason_label.setPalette(palette)
        self.reason_label.show()
