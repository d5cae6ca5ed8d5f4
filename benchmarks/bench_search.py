"""Time from a search keystroke to the repainted supplier list.

Run: python -m benchmarks.bench_search [--suppliers 10000]
Each sample types one character into the search box and then repaints the
table synchronously, so the figure includes the SQL query, the model reset
and loading the visible rows.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.common import demo_profile, summary
from wedsync_desktop.paths import portable_paths
from wedsync_desktop.settings import Settings
from wedsync_desktop.store.workspace import open_workspace

QUERIES = ("harbour", "york", "photo", "flor", "the old", "zzz")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--suppliers", type=int, default=10_000)
    arguments = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / f"wedsync-bench-{arguments.suppliers}"
    paths = portable_paths(demo_profile(folder, arguments.suppliers))

    app = QApplication.instance() or QApplication([])
    from wedsync_desktop.ui.main_window import MainWindow

    workspace = open_workspace(paths)
    window = MainWindow(workspace, Settings(paths.settings_file))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    search = window.list_pane.search_edit
    table = window.list_pane.table
    typing: list[float] = []
    clearing: list[float] = []
    for query in QUERIES:
        for character in query:
            started = time.perf_counter()
            QTest.keyClick(search, character)
            table.viewport().repaint()
            typing.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        QTest.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(search, Qt.Key.Key_Backspace)
        table.viewport().repaint()
        clearing.append((time.perf_counter() - started) * 1000)
    print(f"Search with {arguments.suppliers:,} suppliers:")
    print(summary("  keystroke to repainted list", typing))
    print(summary("  clear search (all rows back)", clearing))
    window.close()
    workspace.close()


if __name__ == "__main__":
    main()
