"""Dialog for a new supplier's business details, or for changing them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import OperationalError

from wedsync_desktop.categories import CATEGORIES, PRICE_RANGES, category_label
from wedsync_desktop.store.errors import DraftInvalidError, StoreError
from wedsync_desktop.store.records import SupplierDetail, SupplierDraft

Submit = Callable[[SupplierDraft], None]
log = logging.getLogger(__name__)


class SupplierDialog(QDialog):
    """Collects business details and hands them to ``submit``.

    ``submit`` stores the draft and may raise DraftInvalidError; the dialog
    then shows the message beside the fields and stays open.
    """

    def __init__(
        self, submit: Submit, detail: SupplierDetail | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle("Edit supplier details" if detail else "New supplier")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)

        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("e.g. Willow & Thistle Florals")
        self.category_combo = QComboBox(self)
        for category in CATEGORIES:
            self.category_combo.addItem(category_label(category), category)
        self.email_edit = QLineEdit(self)
        self.email_edit.setPlaceholderText("hello@example.co.uk")
        self.phone_edit = QLineEdit(self)
        self.city_edit = QLineEdit(self)
        self.postcode_edit = QLineEdit(self)
        self.price_combo = QComboBox(self)
        self.price_combo.addItem("Not set", "")
        for price_range in PRICE_RANGES:
            self.price_combo.addItem(price_range, price_range)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Business &name", self.name_edit)
        form.addRow("&Category", self.category_combo)
        form.addRow("&Email", self.email_edit)
        form.addRow("&Phone", self.phone_edit)
        form.addRow("&Town", self.city_edit)
        form.addRow("P&ostcode", self.postcode_edit)
        form.addRow("P&rice range", self.price_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_buttons)
        if detail is not None:
            self._fill(detail)
        self._update_buttons()

    def draft(self) -> SupplierDraft:
        return SupplierDraft(
            business_name=self.name_edit.text(),
            primary_category=self.category_combo.currentData(),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
            city=self.city_edit.text(),
            postcode=self.postcode_edit.text(),
            price_range=self.price_combo.currentData() or None,
        )

    def accept(self) -> None:
        try:
            self._submit(self.draft())
        except DraftInvalidError as error:
            self._show_error(str(error))
            self._focus_field(error.field)
            return
        except StoreError as error:
            self._show_error(str(error))
            return
        except OperationalError as error:
            log.warning("Supplier details not saved: %s", error)
            self._show_error(
                "The workspace is busy with another change, such as an import. "
                "Your entries are still here: save again when it finishes."
            )
            return
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _fill(self, detail: SupplierDetail) -> None:
        self.name_edit.setText(detail.business_name)
        self.category_combo.setCurrentIndex(
            self.category_combo.findData(detail.primary_category)
        )
        self.email_edit.setText(detail.email or "")
        self.phone_edit.setText(detail.phone or "")
        self.city_edit.setText(detail.city or "")
        self.postcode_edit.setText(detail.postcode or "")
        self.price_combo.setCurrentIndex(
            max(self.price_combo.findData(detail.price_range or ""), 0)
        )

    def _update_buttons(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.name_edit.text().strip()))

    def _focus_field(self, field: str) -> None:
        widgets: dict[str, QWidget] = {
            "business_name": self.name_edit,
            "primary_category": self.category_combo,
            "email": self.email_edit,
            "price_range": self.price_combo,
        }
        widget = widgets.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
