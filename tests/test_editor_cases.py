"""Each hard JSON input, loaded from its file into the real window and saved.

Accepted files are stored exactly (without a BOM) and queued once; rejected
ones keep the editor text, mark the line, leave the stored value unchanged
and queue nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wedsync_desktop import jsondoc
from wedsync_desktop.paths import WorkspacePaths
from wedsync_desktop.settings import Settings
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.store.workspace import open_workspace
from wedsync_desktop.ui.main_window import MainWindow

CASES = Path(__file__).parent / "cases" / "json"

ACCEPTED = ["big_int.json", "exact_decimal.json", "surrogate_pair.json", "bom.json"]
# file name: (line of the problem, words the message or hint must contain)
REJECTED = {
    "duplicate_key.json": (4, "packages"),
    "nan.json": (2, "NaN"),
    "nul_char.json": (2, "notes"),
    "lone_surrogate.json": (2, "surrogate"),
    "top_level_array.json": (1, "JSON object"),
    "trailing_comma.json": (2, "comma"),
    "empty.json": (1, "{}"),
    "deep_nesting.json": (1, "nest"),
}


@pytest.fixture
def window(qtbot, profile: WorkspacePaths) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    workspace = open_workspace(profile)
    supplier_id = workspace.service.create_supplier(SupplierDraft("Case Study Cakes"))
    main = MainWindow(workspace, Settings(profile.settings_file))
    main.show()
    main.list_pane.select_id(supplier_id)
    main.open_supplier(supplier_id)
    yield main
    main.editor_pane.revert()
    main.close()
    main.deleteLater()
    workspace.close()


def outbox_size(window: MainWindow) -> int:
    return window.service.pending_outbox_count()


@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted_case_saved_exactly(window: MainWindow, name: str) -> None:
    queued = outbox_size(window)
    window.workflows.load_json_path(CASES / name)
    editor = window.editor_pane.current_editor()
    assert editor.is_modified()
    assert window.save() is True
    expected = jsondoc.strip_bom((CASES / name).read_bytes().decode("utf-8"))
    assert window.service.get_supplier(window.detail.id).feature_config == expected  # type: ignore[union-attr]
    assert outbox_size(window) == queued + 1


def test_surrogate_pair_decodes_to_emoji() -> None:
    text = (CASES / "surrogate_pair.json").read_text(encoding="utf-8")
    assert jsondoc.parse_document(text)["tagline"] == "rings 💍 and flowers 🌸"


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejected_case_changes_nothing(qtbot, window: MainWindow, name: str) -> None:  # type: ignore[no-untyped-def]
    line, words = REJECTED[name]
    queued = outbox_size(window)
    stored = window.service.get_supplier(window.detail.id).feature_config  # type: ignore[union-attr]
    window.workflows.load_json_path(CASES / name)
    editor = window.editor_pane.current_editor()
    typed = editor.document_text()
    assert window.save() is False
    qtbot.waitUntil(lambda: editor.problem() is not None, timeout=10_000)
    problem = editor.problem()
    assert problem is not None
    assert problem.line == line
    assert words in f"{problem.message} {problem.hint}"
    assert editor.document_text() == typed
    assert "not saved" in window.statusBar().currentMessage()
    assert window.service.get_supplier(window.detail.id).feature_config == stored  # type: ignore[union-attr]
    assert outbox_size(window) == queued
