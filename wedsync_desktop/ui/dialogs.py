"""Message boxes for questions, confirmations and errors in the main window."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from wedsync_desktop import APP_NAME, __version__

Button = QMessageBox.StandardButton


def ask_unsaved(parent: QWidget, business_name: str) -> Button:
    """Ask what to do with unsaved edits: Save, Discard or Cancel."""
    box = _box(
        QMessageBox.Icon.Warning,
        "Unsaved changes",
        f"Save your changes to {business_name}?",
        Button.Save | Button.Discard | Button.Cancel,
        parent,
    )
    box.setObjectName("unsavedChangesBox")
    box.setInformativeText("If you don't save, your edits will be lost.")
    box.setDefaultButton(Button.Save)
    box.setEscapeButton(Button.Cancel)
    return Button(box.exec())


def confirm_delete(parent: QWidget, business_name: str) -> bool:
    return _confirm(
        parent,
        "Delete supplier",
        f"Delete {business_name}?",
        "This removes the supplier, its feature config and its data payload from "
        "this workspace. Export the workspace first if you may need them again.",
        "Delete",
        QMessageBox.ButtonRole.DestructiveRole,
    )


def confirm_overwrite(parent: QWidget, business_name: str) -> bool:
    return _confirm(
        parent,
        "Supplier changed elsewhere",
        f"{business_name} was changed elsewhere after you opened it, for example "
        f"by an import or another WedSync Desktop window.",
        "Save mine anyway replaces that change with your edits. Cancel keeps "
        "your edits in the editor, unsaved.",
        "Save mine anyway",
        QMessageBox.ButtonRole.AcceptRole,
    )


def show_error(parent: QWidget, title: str, message: str) -> None:
    box = _box(QMessageBox.Icon.Critical, title, message, Button.Ok, parent)
    box.setObjectName("errorBox")
    box.exec()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        f"About {APP_NAME}",
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Keep, browse and edit your WedSync supplier records on this computer, "
        "with or without a connection.</p>"
        f"<p>Python {platform.python_version()} · Qt {qVersion()} · "
        f"PySide6 {pyside_version}</p>",
    )


def _confirm(
    parent: QWidget,
    title: str,
    text: str,
    details: str,
    action: str,
    role: QMessageBox.ButtonRole,
) -> bool:
    """Ask to confirm ``action``; Cancel is the default and Escape answer."""
    box = _box(QMessageBox.Icon.Warning, title, text, Button.Cancel, parent)
    box.setInformativeText(details)
    confirm = box.addButton(action, role)
    box.setDefaultButton(Button.Cancel)
    box.exec()
    return box.clickedButton() is confirm


def _box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: Button,
    parent: QWidget,
) -> QMessageBox:
    """Return a message box that shows supplier names as written, never as markup."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
