"""The real main window over a real SQLite workspace, driven with pytest-qt."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_helpers import Button, act_in_next_dialog, answer_next_box, type_lines
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from wedsync_desktop import jsondoc
from wedsync_desktop.paths import WorkspacePaths
from wedsync_desktop.settings import Settings
from wedsync_desktop.store.permissions import Account
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.store.workspace import Workspace, open_workspace
from wedsync_desktop.ui.main_window import MainWindow
from wedsync_desktop.ui.supplier_dialog import SupplierDialog

WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def make_window(qtbot, profile: WorkspacePaths) -> Iterator[WindowFactory]:  # type: ignore[no-untyped-def]
    opened: list[Workspace] = []
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        workspace = open_workspace(profile)
        opened.append(workspace)
        window = MainWindow(workspace, Settings(profile.settings_file))
        windows.append(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    yield make
    for window in windows:
        # A failed test may leave edits behind; closing would then wait on
        # the unsaved-changes prompt. qtbot.addWidget is not used for the
        # same reason: it closes widgets before this teardown runs.
        window.editor_pane.revert()
        window.close()
        window.deleteLater()
    for workspace in opened:
        workspace.close()


def seed(profile: WorkspacePaths, names: list[tuple[str, str, str]]) -> list[str]:
    workspace = open_workspace(profile)
    try:
        return [
            workspace.service.create_supplier(
                SupplierDraft(name, primary_category=category, city=city)
            )
            for name, category, city in names
        ]
    finally:
        workspace.close()


SUPPLIERS = [
    ("Harbour Light Photography", "photographer", "Whitby"),
    ("The Old Granary", "venue", "Ludlow"),
    ("Willow & Thistle Florals", "florist", "Harrogate"),
    ("Łukasz Nowak Photography", "photographer", "Bradford"),
]


def select(window: MainWindow, supplier_id: str) -> None:
    row = window.list_pane.model.row_of(supplier_id)
    assert row >= 0
    window.list_pane.table.selectRow(row)


def test_empty_workspace_shows_welcome(make_window: WindowFactory) -> None:
    window = make_window()
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.import_button.isVisible()
    assert window.welcome.demo_button.isVisible()
    assert window.welcome.new_button.isVisible()


def test_model_passes_modeltester(
    qtmodeltester, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    seed(profile, SUPPLIERS)
    window = make_window()
    qtmodeltester.check(window.list_pane.model)
    assert window.list_pane.model.rowCount() == 4


def test_search_and_category_filter(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    seed(profile, SUPPLIERS)
    window = make_window()
    model = window.list_pane.model
    qtbot.keyClicks(window.list_pane.search_edit, "lukasz")
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Łukasz Nowak Photography"
    assert window.list_pane.count_label.text() == "1 of 4 suppliers match"
    window.list_pane.search_edit.clear()
    combo = window.list_pane.category_combo
    combo.setCurrentIndex(combo.findData("photographer"))
    assert model.rowCount() == 2
    qtbot.keyClicks(window.list_pane.search_edit, "whitby")
    assert model.rowCount() == 1
    assert model.index(0, 2).data() == "Whitby"


def test_selection_survives_sort_and_filter(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(profile, SUPPLIERS)
    window = make_window()
    select(window, ids[1])
    assert window.detail is not None
    assert window.detail.id == ids[1]
    window.list_pane.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    current = window.list_pane.table.currentIndex()
    assert window.list_pane.model.supplier_id(current.row()) == ids[1]
    qtbot.keyClicks(window.list_pane.search_edit, "old")
    current = window.list_pane.table.currentIndex()
    assert window.list_pane.model.supplier_id(current.row()) == ids[1]
    assert window.detail.id == ids[1]


def test_edit_save_restart_persisted(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(profile, SUPPLIERS)
    window = make_window()
    select(window, ids[0])
    editor = window.editor_pane.editors["feature_config"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, '{"price_from": 1250.50, "ref": 9007199254740993}')
    assert editor.is_modified()
    assert window.isWindowModified()
    assert window.editor_pane.tabs.tabText(0).endswith("●")
    assert window.window_actions.save.isEnabled()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.is_modified()
    assert not window.isWindowModified()
    assert window.editor_pane.tabs.tabText(0) == "Feature config"
    assert "Saved Feature config" in window.statusBar().currentMessage()
    window.close()
    window.workspace.close()

    reopened = make_window()
    assert reopened.detail is not None
    assert reopened.detail.id == ids[0]
    text = reopened.editor_pane.editors["feature_config"].document_text()
    assert text == '{"price_from": 1250.50, "ref": 9007199254740993}'


def test_invalid_edit_not_saved(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(profile, SUPPLIERS)
    window = make_window()
    select(window, ids[0])
    editor = window.editor_pane.editors["data_payload"]
    window.editor_pane.show_document("data_payload")
    editor.selectAll()
    type_lines(qtbot, editor, '{\n  "features": {"online_booking": true,},\n}')
    qtbot.waitUntil(lambda: editor.problem() is not None, timeout=3000)
    problem = editor.problem()
    assert problem is not None
    assert problem.line == 2
    assert window.editor_pane.problem_row.isVisible()
    assert "Data payload" in window.editor_pane.problem_label.text()
    assert window.save() is False
    assert "not saved" in window.statusBar().currentMessage()
    assert window.service.get_supplier(ids[0]).data_payload == "{}"
    assert editor.document_text() == '{\n  "features": {"online_booking": true,},\n  }'


def test_unsaved_prompt_on_switch(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(profile, SUPPLIERS)
    window = make_window()
    select(window, ids[0])
    editor = window.editor_pane.editors["feature_config"]
    editor.selectAll()
    qtbot.keyClicks(editor, '{"a": 1}')

    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)
    select(window, ids[1])
    assert asked == ["Save your changes to Harbour Light Photography?"]
    assert window.detail is not None
    assert window.detail.id == ids[0]
    current = window.list_pane.table.currentIndex()
    assert window.list_pane.model.supplier_id(current.row()) == ids[0]
    assert editor.document_text() == '{"a": 1}'

    answer_next_box(Button.Save)
    select(window, ids[1])
    assert window.detail.id == ids[1]
    assert window.service.get_supplier(ids[0]).feature_config == '{"a": 1}'

    editor.selectAll()
    qtbot.keyClicks(editor, '{"b": 2}')
    answer_next_box(Button.Discard)
    select(window, ids[2])
    assert window.detail.id == ids[2]
    assert window.service.get_supplier(ids[1]).feature_config == "{}"


def test_close_prompt_cancel_keeps_window(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(profile, SUPPLIERS)
    window = make_window()
    select(window, ids[0])
    editor = window.editor_pane.editors["feature_config"]
    editor.selectAll()
    qtbot.keyClicks(editor, '{"a": 1}')
    answer_next_box(Button.Cancel)
    window.close()
    assert window.isVisible()
    answer_next_box(Button.Save)
    window.close()
    assert not window.isVisible()
    assert window.service.get_supplier(ids[0]).feature_config == '{"a": 1}'


def test_new_supplier_dialog(qtbot, make_window: WindowFactory) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    errors: list[str] = []

    def fill(dialog: SupplierDialog) -> None:
        dialog.name_edit.setText("Acorn Cakes")
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("cake"))
        dialog.email_edit.setText("not an email")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        errors.append(dialog.error_label.text())
        dialog.email_edit.setText("hello@acorn.example")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    act_in_next_dialog(SupplierDialog, fill)
    window.welcome.new_button.click()
    assert errors and "not a valid address" in errors[0]
    assert window.pages.currentWidget() is window.splitter
    assert window.detail is not None
    assert window.detail.business_name == "Acorn Cakes"
    assert window.detail.email == "hello@acorn.example"
    assert window.header.name_label.text() == "Acorn Cakes"


def test_deactivate_and_delete(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(profile, SUPPLIERS)
    window = make_window()
    select(window, ids[2])
    window.header.active_switch.click()
    assert window.service.get_supplier(ids[2]).is_active is False
    row = window.list_pane.model.row_of(ids[2])
    assert window.list_pane.model.index(row, 3).data() == "Inactive"
    assert window.window_actions.toggle_active.text() == "Re&activate"

    answer_next_box(Button.Cancel)
    window.window_actions.delete.trigger()
    assert window.service.count_suppliers() == 4

    asked: list[str] = []
    answer_next_box("Delete", asked)
    window.window_actions.delete.trigger()
    assert asked == ["Delete Willow & Thistle Florals?"]
    assert window.service.count_suppliers() == 3
    assert window.detail is None
    assert window.list_pane.model.row_of(ids[2]) == -1


def test_viewer_sees_read_only(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(profile, SUPPLIERS)
    workspace = open_workspace(profile)
    workspace.service.set_account(Account(ids[0], None, "VIEWER"))
    workspace.close()
    window = make_window()
    select(window, ids[0])
    editor = window.editor_pane.editors["feature_config"]
    assert editor.isReadOnly()
    assert window.header.reason_label.isVisible()
    assert "Viewers" in window.header.reason_label.text()
    assert "Read-only" in window.statusBar().currentMessage()
    assert not window.window_actions.save.isEnabled()
    assert not window.window_actions.delete.isEnabled()
    assert not window.header.active_switch.isEnabled()
    assert not window.window_actions.new_supplier.isEnabled()


def test_narrow_window_stacks(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(profile, SUPPLIERS)
    window = make_window()
    select(window, ids[0])
    window.resize(360, 700)
    qtbot.waitUntil(lambda: window.is_narrow())
    # The first resize stops at the wide layout's minimum width, as a user's
    # drag would; once the layout has stacked, the window narrows to 360 px.

    def narrowed() -> bool:
        window.resize(360, 700)
        return window.width() == 360

    qtbot.waitUntil(narrowed)
    assert window.splitter.orientation() == Qt.Orientation.Vertical
    assert window.list_pane.table.isColumnHidden(2)
    assert window.width() == 360
    assert window.minimumSizeHint().width() <= 360
    assert window.list_pane.width() <= 360
    assert window.editor_pane.width() <= 360
    assert window.editor_pane.height() > 100
    window.resize(1200, 700)
    qtbot.waitUntil(lambda: not window.is_narrow())
    assert not window.list_pane.table.isColumnHidden(2)


def test_window_geometry_remembered(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    seed(profile, SUPPLIERS)
    window = make_window()
    window.resize(760, 560)
    window.splitter.setSizes([300, 460])
    sizes = window.splitter.sizes()
    window.close()
    window.workspace.close()
    reopened = make_window()
    assert reopened.size().width() == 760
    assert reopened.size().height() == 560
    assert reopened.splitter.sizes() == sizes


CASES = Path(__file__).parent / "cases" / "import"


def test_import_search_edit_restart(qtbot, make_window: WindowFactory) -> None:  # type: ignore[no-untyped-def]
    from wedsync_desktop.ui.import_dialog import ImportDialog

    window = make_window()
    reports: list[object] = []

    def run_import(dialog: ImportDialog) -> None:
        dialog.import_finished.connect(reports.append)
        dialog.import_button.click()
        qtbot.waitUntil(lambda: bool(reports), timeout=10_000)
        dialog.close_button.click()

    act_in_next_dialog(ImportDialog, run_import)
    window.workflows.import_path(CASES / "suppliers_excel.csv")
    assert len(reports) == 1
    assert window.pages.currentWidget() is window.splitter
    assert window.list_pane.model.rowCount() == 5

    qtbot.keyClicks(window.list_pane.search_edit, "granary")
    assert window.list_pane.model.rowCount() == 1
    window.list_pane.table.selectRow(0)
    assert window.detail is not None
    assert window.detail.business_name == "The Old Granary"
    assert window.detail.primary_category == "venue"
    supplier_id = window.detail.id
    payload = jsondoc.parse_document(
        window.editor_pane.editors["data_payload"].document_text()
    )
    assert payload["import"]["fields"]["Notes"] == (
        "Capacity 120,\nexclusive use at weekends"
    )
    assert payload["import"]["category_text"] == "Wedding Venue"

    # The offscreen platform does not hand activation back after a dialog
    # closes, as a window manager would; shortcuts need an active window.
    with qtbot.waitActive(window):
        window.activateWindow()

    editor = window.editor_pane.editors["feature_config"]
    window.editor_pane.show_document("feature_config")
    editor.selectAll()
    qtbot.keyClicks(editor, '{"max_guests": 120, "deposit_rate": 0.1}')
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.is_modified()
    window.close()
    window.workspace.close()

    reopened = make_window()
    assert reopened.detail is not None
    assert reopened.detail.id == supplier_id
    assert reopened.list_pane.model.rowCount() == 5
    text = reopened.editor_pane.editors["feature_config"].document_text()
    assert text == '{"max_guests": 120, "deposit_rate": 0.1}'


def test_startup_queries_list_once(qtbot, profile: WorkspacePaths) -> None:  # type: ignore[no-untyped-def]
    from wedsync_desktop.store.service import WorkspaceService

    class CountingService(WorkspaceService):
        list_queries = 0

        def query_supplier_ids(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            CountingService.list_queries += 1
            return super().query_supplier_ids(*args, **kwargs)

    seed(profile, SUPPLIERS)
    workspace = open_workspace(profile)
    counted = Workspace(workspace.paths, CountingService(workspace.service.engine))
    window = MainWindow(counted, Settings(profile.settings_file))
    try:
        assert CountingService.list_queries == 1
        assert window.list_pane.model.rowCount() == 4
    finally:
        window.close()
        window.deleteLater()
        workspace.close()


def test_timestamp_format_short() -> None:
    from datetime import UTC, datetime

    from wedsync_desktop.ui.supplier_model import format_timestamp

    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    this_year = format_timestamp("2026-03-07T09:05:00.000000Z", now)
    assert this_year.startswith("7 Mar ")
    assert len(this_year.split()) == 3
    assert format_timestamp("2025-06-30T10:00:00.000000Z", now).endswith("2025")
    assert format_timestamp("not a time", now) == "not a time"


def test_large_font_still_fits_narrow(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    ids = seed(profile, SUPPLIERS)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    large = app.font()
    large.setPointSizeF(original.pointSizeF() * 1.6)
    app.setFont(large)
    try:
        window = make_window()
        select(window, ids[0])

        def narrowed() -> bool:
            window.resize(360, 700)
            return window.width() == 360

        qtbot.waitUntil(narrowed)
        header = window.header
        assert header.name_label.height() >= header.name_label.heightForWidth(
            header.name_label.width()
        )
        assert window.editor_pane.height() > 100
        assert window.list_pane.table.height() > 100
    finally:
        app.setFont(original)


def test_demo_then_export_in_background(
    qtbot, make_window: WindowFactory, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.pages.currentWidget() is window.welcome
    task = window.workflows.create_demo_suppliers(30)
    qtbot.waitUntil(lambda: task.done.is_set(), timeout=30_000)
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 30, timeout=5_000)
    assert window.pages.currentWidget() is window.splitter
    assert "Added 30 demo suppliers" in window.statusBar().currentMessage()

    target = tmp_path / "out.jsonl"
    task = window.workflows.export_path(target, "jsonl")
    qtbot.waitUntil(lambda: task.done.is_set(), timeout=30_000)
    qtbot.waitUntil(
        lambda: "Exported 30 suppliers" in window.statusBar().currentMessage(),
        timeout=5_000,
    )
    assert len(target.read_text(encoding="utf-8").splitlines()) == 30
    assert window.workflows.tasks == []


def test_details_stale_and_refresh(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(profile, SUPPLIERS)
    window = make_window()
    select(window, ids[1])
    other = open_workspace(profile)
    try:
        other.service.update_details(
            ids[1],
            SupplierDraft(
                "The Old Granary", primary_category="venue", email="new@granary.example"
            ),
        )
    finally:
        other.close()
    messages: list[str] = []

    def change_price(dialog: SupplierDialog) -> None:
        dialog.price_combo.setCurrentIndex(dialog.price_combo.findData("£££"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        messages.append(dialog.error_label.text())
        dialog.reject()

    act_in_next_dialog(SupplierDialog, change_price)
    window.workflows.edit_details()
    assert "changed elsewhere" in messages[0]
    assert "The Old Granary" in messages[0]
    assert window.service.get_supplier(ids[1]).email == "new@granary.example"
    assert window.service.get_supplier(ids[1]).price_range is None

    window.window_actions.refresh.trigger()
    assert window.header.contact_label.text() == "new@granary.example"


def test_boxes_show_names_as_text(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    ids = seed(profile, [("<b>Bold</b> Brides", "planner", "York")])
    window = make_window()
    select(window, ids[0])
    formats: list[Qt.TextFormat] = []

    def inspect(box: QMessageBox) -> None:
        formats.append(box.textFormat())
        box.button(Button.Cancel).click()

    act_in_next_dialog(QMessageBox, inspect)
    window.window_actions.delete.trigger()
    assert formats == [Qt.TextFormat.PlainText]
    assert window.service.count_suppliers() == 1


def test_settings_of_wrong_type_ignored(
    make_window: WindowFactory, profile: WorkspacePaths
) -> None:
    import json

    ids = seed(profile, SUPPLIERS)
    profile.settings_file.parent.mkdir(parents=True, exist_ok=True)
    profile.settings_file.write_text(
        json.dumps(
            {
                "window/geometry": 5,
                "window/splitter": "é",
                "window/splitter_narrow": 12345,
                "window/last_supplier": ["x"],
                "window/document": 7,
            }
        ),
        encoding="utf-8",
    )
    window = make_window()
    assert window.detail is None
    select(window, ids[0])
    assert window.detail is not None


def test_zero_width_name_found_and_shown(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    seed(profile, [("Zero\u200bWidth\u2028Weddings", "planner", "York")])
    window = make_window()
    qtbot.keyClicks(window.list_pane.search_edit, "zerowidth")
    assert window.list_pane.model.rowCount() == 1
    assert window.list_pane.model.index(0, 0).data() == "Zero\u200bWidth Weddings"


def test_outside_changes_picked_up(
    qtbot, make_window: WindowFactory, profile: WorkspacePaths
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(profile, SUPPLIERS)
    window = make_window()
    select(window, ids[1])
    window.pick_up_outside_changes()
    assert window.list_pane.model.rowCount() == 4

    other = open_workspace(profile)
    try:
        other.service.save_documents(ids[1], feature_config='{"from": "import"}')
        other.service.create_supplier(SupplierDraft("Acorn Cakes", "cake"))
    finally:
        other.close()
    window.pick_up_outside_changes()
    assert window.list_pane.model.rowCount() == 5
    editor = window.editor_pane.editors["feature_config"]
    assert editor.document_text() == '{"from": "import"}'
    assert "updated elsewhere" in window.statusBar().currentMessage()

    editor.selectAll()
    qtbot.keyClicks(editor, '{"mine": 1}')
    other = open_workspace(profile)
    try:
        other.service.save_documents(ids[1], feature_config='{"from": "again"}')
    finally:
        other.close()
    window.pick_up_outside_changes()
    assert editor.document_text() == '{"mine": 1}'
    assert editor.is_modified()
