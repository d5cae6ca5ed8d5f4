"""The import dialog driven with pytest-qt over a real workspace."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from wedsync_desktop import jsondoc
from wedsync_desktop.importers import runner
from wedsync_desktop.importers.mapping import IGNORE_LABEL, KEEP_LABEL
from wedsync_desktop.importers.runner import ImportReport, SkippedRow
from wedsync_desktop.store.service import WorkspaceService
from wedsync_desktop.ui import import_dialog
from wedsync_desktop.ui.import_dialog import (
    ImportDialog,
    MappingModel,
    PreviewModel,
    SkipModel,
)

CASES = Path(__file__).parent / "cases" / "import"
WAIT_MS = 20_000


def open_dialog(qtbot: Any, service: WorkspaceService, path: Path) -> ImportDialog:
    dialog = ImportDialog(service, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(dialog: ImportDialog, column: str, label: str) -> None:
    combo = dialog.combos[column]
    position = combo.findText(label)
    assert position >= 0, label
    combo.setCurrentIndex(position)


def preview_column(dialog: ImportDialog, title: str) -> list[str]:
    model = dialog.preview_model
    titles = [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(model.columnCount())
    ]
    column = titles.index(title)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def write_rows(path: Path, rows: int) -> None:
    lines = ["Business Name,Category,Town"]
    lines += [f"Supplier {number},Florist,York" for number in range(rows)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def test_dialog_shows_detected_layout(qtbot: Any, service: WorkspaceService) -> None:
    dialog = open_dialog(qtbot, service, CASES / "suppliers_excel.csv")
    text = dialog.format_label.text()
    assert "CSV" in text
    assert "UTF-8 with byte order mark" in text
    assert "comma" in text
    assert list(dialog.combos) == [
        "Business Name",
        "Category",
        "Contact Email",
        "Phone",
        "Town",
        "Postcode",
        "Price Range",
        "Notes",
    ]
    assert dialog.combos["Notes"].currentText() == KEEP_LABEL
    assert dialog.import_button.isVisible()
    assert dialog.import_button.isEnabled()


def test_dialog_preview_shows_mapped_rows(
    qtbot: Any, service: WorkspaceService
) -> None:
    dialog = open_dialog(qtbot, service, CASES / "suppliers_excel.csv")
    assert preview_column(dialog, "Line") == ["2", "3", "5", "6", "7"]
    categories = preview_column(dialog, "Category")
    assert categories[1] == "Venue (from “Wedding Venue”)"
    assert categories[4] == "DJ"
    assert preview_column(dialog, "Business name")[2] == "Łukasz Nowak Photography"
    assert preview_column(dialog, "Status") == ["OK"] * 5


def test_dialog_full_import_with_changed_mapping(
    qtbot: Any, service: WorkspaceService
) -> None:
    dialog = open_dialog(qtbot, service, CASES / "suppliers_excel.csv")
    choose(dialog, "Phone", IGNORE_LABEL)
    assert preview_column(dialog, "Phone") == [""] * 5

    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert isinstance(report, ImportReport)
    assert report.created == 5
    assert report.updated == 0
    assert report.skipped == ()
    qtbot.waitUntil(lambda: not dialog.is_importing(), timeout=WAIT_MS)

    assert dialog.pages.currentWidget() is dialog.report_page
    assert dialog.report_heading.text() == "Import finished"
    assert "Created: 5" in dialog.report_label.text()
    assert "Skipped: 0" in dialog.report_label.text()
    assert dialog.close_button.isVisible()
    details = list(service.iter_suppliers())
    assert len(details) == 5
    assert all(detail.phone is None for detail in details)
    for detail in details:
        fields = jsondoc.parse_document(detail.data_payload)["import"]["fields"]
        assert "Phone" not in fields


def test_dialog_report_lists_skips(
    qtbot: Any, service: WorkspaceService, tmp_path: Path
) -> None:
    path = tmp_path / "skips.csv"
    path.write_text(
        'Business Name,Email,Notes\r\nA,a@a.example,"two\r\nlines"\r\n'
        ",b@b.example,\r\nC,not-an-email,\r\n",
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, service, path)
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.is_importing(), timeout=WAIT_MS)
    assert "Created: 1" in dialog.report_label.text()
    assert "Skipped: 2" in dialog.report_label.text()
    model = dialog.skip_model
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "4"
    assert model.index(0, 1).data().startswith("Business name is missing")
    assert model.index(1, 0).data() == "5"
    assert "not-an-email" in model.index(1, 1).data()
    assert dialog.skip_group.isVisible()


def test_dialog_mapping_moves_repeated_field(
    qtbot: Any, service: WorkspaceService
) -> None:
    dialog = open_dialog(qtbot, service, CASES / "suppliers_excel.csv")
    choose(dialog, "Notes", "Business name")
    assert dialog.combos["Business Name"].currentText() == KEEP_LABEL
    assert dialog.mapping_model is not None
    mapping = dialog.mapping_model.mapping()
    assert mapping["Notes"] == "business_name"
    assert mapping["Business Name"] is None
    assert preview_column(dialog, "Business name")[0] == (
        'Peonies in season; "no plastic" policy'
    )
    assert preview_column(dialog, "Status")[2].startswith("Skipped: business name")


def test_dialog_without_name_column_disables_import(
    qtbot: Any, service: WorkspaceService
) -> None:
    dialog = open_dialog(qtbot, service, CASES / "suppliers_excel.csv")
    choose(dialog, "Business Name", KEEP_LABEL)
    assert not dialog.import_button.isEnabled()
    assert "business name" in dialog.message_label.text()
    choose(dialog, "Business Name", "Business name")
    assert dialog.import_button.isEnabled()
    assert dialog.message_label.text() == ""


@pytest.fixture
def held_import(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Make the dialog's import wait until it is cancelled, then run for real.

    The returned event is set once the worker thread has started the import.
    """
    started = threading.Event()

    def wait_for_cancel(*args: Any, **kwargs: Any) -> ImportReport:
        started.set()
        should_cancel = kwargs["should_cancel"]
        for _attempt in range(2000):
            if should_cancel():
                break
            threading.Event().wait(0.01)
        return runner.run_import(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "run_import", wait_for_cancel)
    return started


def test_dialog_cancel_rolls_back(
    qtbot: Any,
    service: WorkspaceService,
    tmp_path: Path,
    held_import: threading.Event,
) -> None:
    path = tmp_path / "many.csv"
    write_rows(path, 300)
    dialog = open_dialog(qtbot, service, path)
    dialog.import_button.click()
    assert dialog.pages.currentWidget() is dialog.progress_page
    assert dialog.progress_bar.isVisible()
    qtbot.waitUntil(held_import.is_set, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_importing(), timeout=WAIT_MS)
    assert dialog.report_heading.text() == "Import cancelled"
    assert "Nothing was imported" in dialog.report_label.text()
    assert dialog.report is None
    assert service.count_suppliers() == 0


def test_dialog_closed_while_importing(
    qtbot: Any,
    service: WorkspaceService,
    tmp_path: Path,
    held_import: threading.Event,
) -> None:
    path = tmp_path / "many.csv"
    write_rows(path, 300)
    dialog = open_dialog(qtbot, service, path)
    dialog.import_button.click()
    qtbot.waitUntil(held_import.is_set, timeout=WAIT_MS)
    dialog.reject()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.is_importing(), timeout=WAIT_MS)
    assert service.count_suppliers() == 0


def test_dialog_progress_reaches_end(
    qtbot: Any, service: WorkspaceService, tmp_path: Path
) -> None:
    path = tmp_path / "many.csv"
    write_rows(path, 400)
    dialog = open_dialog(qtbot, service, path)
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS) as finished:
        dialog.import_button.click()
    assert finished.args[0].created == 400
    qtbot.waitUntil(
        lambda: dialog.progress_bar.value() == dialog.progress_bar.maximum(),
        timeout=WAIT_MS,
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "the file is empty"), (b"Business Name,Town\r\n", "no supplier rows")],
)
def test_dialog_bad_file_shows_message(
    qtbot: Any, service: WorkspaceService, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    dialog = open_dialog(qtbot, service, path)
    assert dialog.plan is None
    message = dialog.error_label.text()
    assert message.startswith("bad.csv cannot be imported:")
    assert expected in message
    assert not dialog.import_button.isVisible()
    assert dialog.close_button.isVisible()


def test_mapping_model_passes_modeltester(
    qtmodeltester: Any, service: WorkspaceService
) -> None:
    plan = runner.plan_import(CASES / "directory.jsonl")
    model = MappingModel(plan)
    qtmodeltester.check(model)
    index = model.index(4, MappingModel.FIELD_COLUMN)
    assert model.data(index) == KEEP_LABEL
    assert model.setData(index, "email")
    assert model.data(index, Qt.ItemDataRole.EditRole) == "email"
    assert not model.setData(index, "not a field")
    qtmodeltester.check(model)


def test_preview_model_passes_modeltester(qtmodeltester: Any) -> None:
    plan = runner.plan_import(CASES / "suppliers_excel.csv")
    model = PreviewModel()
    qtmodeltester.check(model)
    model.set_rows(runner.preview_rows(plan, plan.mapping))
    assert model.rowCount() == 5
    qtmodeltester.check(model)


def test_skip_model_passes_modeltester(qtmodeltester: Any) -> None:
    model = SkipModel()
    model.set_rows([SkippedRow(4, "business name is missing."), SkippedRow(9, "x")])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "Business name is missing."
