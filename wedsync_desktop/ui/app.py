"""Starting the GUI: the application object, the workspace and the window."""

from __future__ import annotations

import logging
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from wedsync_desktop import APP_ID, APP_NAME, __version__
from wedsync_desktop.paths import WorkspacePaths, resources_dir
from wedsync_desktop.settings import Settings
from wedsync_desktop.store.database import WorkspaceCorruptError, WorkspaceError
from wedsync_desktop.store.workspace import Workspace, open_workspace

if TYPE_CHECKING:
    from wedsync_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# When set, the time from process start to the first shown window is printed
# to standard error; the start-up benchmark reads it.
STARTUP_PROBE_VARIABLE = "WEDSYNC_STARTUP_PROBE"


def run_gui(paths: WorkspacePaths, started: float | None = None) -> int:
    """Open the main window on the workspace in ``paths``; return the exit code."""
    started = time.perf_counter() if started is None else started
    app = create_application()
    install_exception_hook(paths)
    window = open_window(paths)
    if window is None:
        return 1
    window.show()
    _report_start_time(started)
    try:
        return app.exec()
    finally:
        window.workspace.close()
        log.info("Stopped %s", APP_NAME)


def open_window(paths: WorkspacePaths) -> MainWindow | None:
    """Open the workspace and its window, offering a way out of a damaged file.

    Damage behind an intact first page only shows when the window reads the
    list, so a database error while building the window counts as damage too.
    """
    from sqlalchemy.exc import DatabaseError

    from wedsync_desktop.ui.main_window import MainWindow

    while True:
        workspace = open_workspace_interactively(paths)
        if workspace is None:
            return None
        try:
            return MainWindow(workspace, Settings(paths.settings_file))
        except DatabaseError as error:
            workspace.close()
            damage = WorkspaceCorruptError(paths.database, str(error.orig or error))
            log.error("Cannot read workspace %s: %s", paths.database, damage.detail)
            if not _offer_fresh_start(damage):
                return None
            log.warning("Moved damaged workspace to %s", move_aside(paths.database))


def install_exception_hook(paths: WorkspacePaths) -> None:
    """Log any uncaught error and tell the user, instead of failing silently."""

    def hook(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        log.critical("Unexpected error", exc_info=(kind, error, trace))
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        QMessageBox.critical(
            QApplication.activeWindow(),
            "Something went wrong",
            f"{error}\n\nYour saved work is safe. The details are in the log "
            f"file {paths.log_file}; please send it to WedSync support.",
        )

    sys.excepthook = hook


def create_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("WedSync")
    app.setDesktopFileName(APP_ID)
    icon = resources_dir() / "icons" / f"{APP_ID}.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def open_workspace_interactively(paths: WorkspacePaths) -> Workspace | None:
    """Open the workspace, asking the user what to do when the file is damaged."""
    while True:
        try:
            return open_workspace(paths)
        except WorkspaceCorruptError as error:
            log.error("Cannot open workspace %s: %s", paths.database, error.detail)
            if not _offer_fresh_start(error):
                return None
            moved = move_aside(paths.database)
            log.warning("Moved damaged workspace to %s", moved)
        except WorkspaceError as error:
            log.error("Cannot open workspace %s: %s", paths.database, error)
            QMessageBox.critical(None, f"{APP_NAME} cannot start", str(error))
            return None


def move_aside(database: Path) -> Path:
    """Rename a damaged database (and its WAL files) so nothing is deleted."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{database}{suffix}")
        if companion.exists():
            companion.rename(Path(f"{target}{suffix}"))
    database.rename(target)
    return target


def _offer_fresh_start(error: WorkspaceCorruptError) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Workspace cannot be opened",
        str(error),
        QMessageBox.StandardButton.NoButton,
    )
    box.setObjectName("corruptWorkspaceBox")
    fresh = box.addButton(
        "Move it aside and start a new workspace", QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is fresh


def _report_start_time(started: float) -> None:
    def report() -> None:
        elapsed_ms = (time.perf_counter() - started) * 1000
        log.info("Window shown %.0f ms after start", elapsed_ms)
        if os.environ.get(STARTUP_PROBE_VARIABLE):
            print(f"window-shown-ms {elapsed_ms:.1f}", file=sys.stderr, flush=True)

    QTimer.singleShot(0, QApplication.instance() or QObject(), report)
