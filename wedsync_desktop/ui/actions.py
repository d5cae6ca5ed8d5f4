"""The main window's actions, menus and toolbar."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar


@dataclass
class WindowActions:
    new_supplier: QAction
    import_file: QAction
    export_file: QAction
    create_demo: QAction
    quit: QAction
    save: QAction
    revert: QAction
    format: QAction
    load_json: QAction
    undo: QAction
    redo: QAction
    find: QAction
    edit_details: QAction
    toggle_active: QAction
    delete: QAction
    refresh: QAction
    show_config: QAction
    show_payload: QAction
    next_problem: QAction
    open_data_folder: QAction
    open_log_folder: QAction
    about: QAction


def create_actions(window: QMainWindow) -> WindowActions:
    """Create every action with its shortcut, and the menus and toolbar."""
    style = window.style()
    pixmap = QStyle.StandardPixmap

    def action(
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        item = QAction(text, window)
        if shortcut is not None:
            item.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            item.setIcon(style.standardIcon(icon))
        if tip:
            item.setStatusTip(tip)
            keys = item.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(f"{tip} ({keys})" if keys else tip)
        return item

    actions = WindowActions(
        new_supplier=action(
            "&New supplier…",
            QKeySequence.StandardKey.New,
            pixmap.SP_FileIcon,
            "Add a supplier to the workspace",
        ),
        import_file=action(
            "&Import directory file…",
            QKeySequence.StandardKey.Open,
            pixmap.SP_DialogOpenButton,
            "Import suppliers from a CSV, JSON Lines or JSON file",
        ),
        export_file=action(
            "&Export…", "Ctrl+E", None, "Export every supplier to JSON Lines or CSV"
        ),
        create_demo=action(
            "Create &demo workspace…", None, None, "Add realistic example suppliers"
        ),
        quit=action("&Quit", QKeySequence.StandardKey.Quit),
        save=action(
            "&Save",
            QKeySequence.StandardKey.Save,
            pixmap.SP_DialogSaveButton,
            "Save the feature config and data payload",
        ),
        revert=action(
            "Re&vert",
            "Ctrl+R",
            pixmap.SP_BrowserReload,
            "Put back the saved text; Undo brings your edits back",
        ),
        format=action(
            "&Format JSON", "Ctrl+Shift+F", None, "Indent the current document neatly"
        ),
        undo=action("&Undo", QKeySequence.StandardKey.Undo, pixmap.SP_ArrowBack),
        redo=action("&Redo", QKeySequence.StandardKey.Redo, pixmap.SP_ArrowForward),
        find=action(
            "&Find supplier",
            QKeySequence.StandardKey.Find,
            None,
            "Search the supplier list",
        ),
        edit_details=action(
            "Edit &details…",
            "Ctrl+D",
            None,
            "Change the business name, category and contact",
        ),
        toggle_active=action(
            "&Deactivate", "Ctrl+Shift+A", None, "Hide or show the supplier on WedSync"
        ),
        delete=action(
            "De&lete supplier…",
            "Ctrl+Shift+Del",
            pixmap.SP_TrashIcon,
            "Delete the supplier from the workspace",
        ),
        refresh=action(
            "&Refresh",
            # Not StandardKey.Refresh: on GNOME that includes Ctrl+R (Revert).
            "F5",
            None,
            "Read the workspace again, for changes made by another window or import",
        ),
        show_config=action("&Feature config", "Ctrl+1"),
        show_payload=action("Data &payload", "Ctrl+2"),
        load_json=action(
            "&Load JSON from file…",
            "Ctrl+L",
            None,
            "Replace the current document with a JSON file; Undo puts it back",
        ),
        next_problem=action(
            "Go to &error", "F8", None, "Move the cursor to the JSON error"
        ),
        open_data_folder=action("Open &data folder"),
        open_log_folder=action("Open &log folder"),
        about=action("&About WedSync Desktop"),
    )
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    _build_menus(window, actions)
    _build_toolbar(window, actions)
    return actions


def _build_menus(window: QMainWindow, a: WindowActions) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.new_supplier, a.import_file, a.export_file])
    file_menu.addSeparator()
    file_menu.addAction(a.create_demo)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.save, a.revert, a.format, a.next_problem])
    edit_menu.addAction(a.load_json)
    edit_menu.addSeparator()
    edit_menu.addAction(a.find)

    supplier_menu = bar.addMenu("&Supplier")
    supplier_menu.addActions([a.edit_details, a.toggle_active])
    supplier_menu.addSeparator()
    supplier_menu.addAction(a.delete)

    view_menu = bar.addMenu("&View")
    view_menu.addAction(a.refresh)
    view_menu.addSeparator()
    view_menu.addActions([a.show_config, a.show_payload])

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.open_data_folder, a.open_log_folder])
    help_menu.addSeparator()
    help_menu.addAction(a.about)


def _build_toolbar(window: QMainWindow, a: WindowActions) -> None:
    toolbar = QToolBar("Main toolbar", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([a.new_supplier, a.import_file])
    toolbar.addSeparator()
    toolbar.addActions([a.save, a.revert, a.format])
    toolbar.addSeparator()
    toolbar.addActions([a.undo, a.redo])
    window.addToolBar(toolbar)
