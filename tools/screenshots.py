"""Render the program's windows offscreen into PNG files.

Run: python -m tools.screenshots [OUTPUT_FOLDER]   (default: docs/images)
Uses a temporary demo workspace; nothing in the user's profile is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from wedsync_desktop.demo import populate
from wedsync_desktop.paths import portable_paths
from wedsync_desktop.settings import Settings
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.store.workspace import open_workspace
from wedsync_desktop.ui.app import create_application
from wedsync_desktop.ui.main_window import MainWindow
from wedsync_desktop.ui.supplier_dialog import SupplierDialog


def main() -> None:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images")
    output.mkdir(parents=True, exist_ok=True)
    app = create_application()
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as folder:
        _empty_workspace(Path(folder) / "empty", output)
        _demo_workspace(Path(folder) / "demo", output, app)
    print(f"Screenshots written to {output}")


def _empty_workspace(folder: Path, output: Path) -> None:
    paths = portable_paths(folder)
    workspace = open_workspace(paths)
    window = MainWindow(workspace, Settings(paths.settings_file))
    window.resize(1100, 700)
    _save(window, output / "welcome.png")
    dialog = SupplierDialog(lambda draft: None, parent=window)
    _save(dialog, output / "new-supplier.png")
    window.close()
    workspace.close()


def _demo_workspace(folder: Path, output: Path, app: QApplication) -> None:
    paths = portable_paths(folder)
    workspace = open_workspace(paths)
    populate(workspace.service, 300)
    window = MainWindow(workspace, Settings(paths.settings_file))
    window.resize(1280, 800)
    window.list_pane.table.selectRow(3)
    _save(window, output / "main-window.png")

    editor = window.editor_pane.editors["feature_config"]
    text = editor.document_text()
    editor.selectAll()
    editor.insertPlainText(text.replace('"monday"', '"monday",', 1).replace(",,", ","))
    deadline = time.monotonic() + 5
    while editor.problem() is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    _save(window, output / "json-error.png")
    window.editor_pane.revert()

    light = app.palette()
    app.setPalette(_dark_palette())
    app.processEvents()
    _save(window, output / "main-window-dark.png")
    app.setPalette(light)

    # Like a user's drag, keep narrowing: the stacked layout only allows
    # 360 px once it has replaced the side-by-side one.
    for _attempt in range(5):
        window.resize(360, 720)
        app.processEvents()
    _save(window, output / "narrow.png")

    detail = window.detail
    assert detail is not None
    _save(
        SupplierDialog(lambda draft: None, detail, window), output / "edit-details.png"
    )
    workspace.service.create_supplier(SupplierDraft("Screenshot Cakes"))
    window.close()
    workspace.close()


def _save(widget: QWidget, path: Path) -> None:
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(f"  {path}")


def _dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#2b2b2e",
        QPalette.ColorRole.WindowText: "#e8e8ea",
        QPalette.ColorRole.Base: "#1f1f22",
        QPalette.ColorRole.AlternateBase: "#28282c",
        QPalette.ColorRole.Text: "#e8e8ea",
        QPalette.ColorRole.Button: "#35353a",
        QPalette.ColorRole.ButtonText: "#e8e8ea",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#35353a",
        QPalette.ColorRole.ToolTipText: "#e8e8ea",
        QPalette.ColorRole.PlaceholderText: "#9a9aa0",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.LinkVisited: "#f28b82",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#75757b")
    )
    return palette


if __name__ == "__main__":
    main()
