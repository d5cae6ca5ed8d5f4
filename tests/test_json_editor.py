"""Tests of the JSON editor widget with real key presses and a real thread pool."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")

import codecs
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from wedsync_desktop import jsondoc
from wedsync_desktop.jsondoc import (
    MAX_DOCUMENT_BYTES,
    JsonDocumentError,
    JsonProblem,
    parse_document,
)
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.store.service import WorkspaceService
from wedsync_desktop.ui import json_editor, json_text, json_validation
from wedsync_desktop.ui.json_editor import LONG_LINE_CHARS, FormatResult, JsonEditor
from wedsync_desktop.ui.json_highlighter import (
    HIGHLIGHT_MAX_CHARS,
    TokenKind,
    contrast_ratio,
)

STORED = '{\n  "packages": [],\n  "online_booking": true\n}\n'
WAIT_MS = 5000


def make_palette(colors: dict[str, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, getattr(QPalette.ColorRole, role), QColor(color))
    return palette


LIGHT = {
    "Window": "#efefef",
    "WindowText": "#1a1a1a",
    "Base": "#ffffff",
    "Text": "#1a1a1a",
    "Highlight": "#308cc6",
}
DARK = {
    "Window": "#2b2b2b",
    "WindowText": "#e0e0e0",
    "Base": "#1e1e1e",
    "Text": "#e0e0e0",
    "Highlight": "#3d6fb4",
}


@pytest.fixture
def editor(qtbot: QtBot) -> JsonEditor:
    widget = JsonEditor()
    qtbot.addWidget(widget)
    widget.resize(640, 320)
    widget.set_document_text(STORED)
    return widget


def move_to(editor: JsonEditor, line: int, column: int) -> None:
    """Put the cursor before the 1-based column of the 1-based line."""
    block = editor.document().findBlockByNumber(line - 1)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + column - 1)
    editor.setTextCursor(cursor)


def full_width_marks(editor: JsonEditor, color: QColor) -> list[int]:
    """Return the block numbers of full-width extra selections in a colour."""
    blocks = []
    for selection in editor.extraSelections():
        full_width = selection.format.property(
            QTextCharFormat.Property.FullWidthSelection
        )
        if full_width and selection.format.background().color() == color:
            blocks.append(selection.cursor.blockNumber())
    return blocks


def wavy_underlines(editor: JsonEditor) -> list[QTextEdit.ExtraSelection]:
    wave = QTextCharFormat.UnderlineStyle.WaveUnderline
    return [
        selection
        for selection in editor.extraSelections()
        if selection.format.underlineStyle() == wave
    ]


def key_color(editor: JsonEditor, line: int) -> QColor:
    """Return the foreground applied to the first character of a line's key."""
    block = editor.document().findBlockByNumber(line - 1)
    key_start = block.text().index('"')
    for text_range in block.layout().formats():
        if text_range.start == key_start:
            return text_range.format.foreground().color()
    raise AssertionError(f"no format at the key on line {line}")


def large_document(target_chars: int) -> str:
    line = '    {"name": "Gold – café 💍", "price_from": 1250.50, "guests": 120},\n'
    count = target_chars // len(line)
    return '{\n  "packages": [\n' + line * count + "    {}\n  ]\n}\n"


def one_line_document(target_chars: int) -> str:
    """Return a minified document of about target_chars with a literal U+2028."""
    item = '{"name":"Gold – café 💍","price_from":1250.50,"note":"a\u2028b"}'
    count = target_chars // (len(item) + 1)
    return '{"packages":[' + ",".join([item] * count) + "]}"


def deeply_nested_document() -> str:
    """Return a one-line document over 10 MB with an indent of 2, 1.2 MB without.

    Its 100,000 strings sit 48 levels deep, so each one gets 96 spaces.
    """
    items = ",".join(['"abcdefgh"'] * 100_000)
    return '{"a":' + "[" * 47 + items + "]" * 47 + "}"


def escaped(text: str) -> str:
    """Return text with U+2028, U+2029, U+FDD0 and U+FDD1 as JSON escapes."""
    for character in ("\u2028", "\u2029", "\ufdd0", "\ufdd1"):
        text = text.replace(character, f"\\u{ord(character):04x}")
    return text


def set_app_font_size(qtbot: QtBot, editor: JsonEditor, point_size: int) -> None:
    font = QFont(QApplication.font())
    font.setPointSize(point_size)
    QApplication.setFont(font)
    # Qt hands the new application font to widgets from the event loop.
    qtbot.waitUntil(lambda: editor.font().pointSize() == point_size, timeout=WAIT_MS)


@pytest.fixture
def app_font() -> Iterator[QFont]:
    """Restore the application font after a test that changes it."""
    original = QFont(QApplication.font())
    yield original
    QApplication.setFont(original)
    QApplication.processEvents()


# Validation while typing


def test_typing_error_marks_line(editor: JsonEditor, qtbot: QtBot) -> None:
    move_to(editor, 3, 25)
    with qtbot.waitSignal(editor.problem_changed, timeout=WAIT_MS) as blocker:
        qtbot.keyClicks(editor, ",")
        assert editor.problem() is None
        assert editor.validation_pending
    problem = blocker.args[0]
    assert isinstance(problem, JsonProblem)
    assert (problem.line, problem.column) == (3, 25)
    assert "Trailing comma" in problem.message
    assert editor.problem() == problem
    assert full_width_marks(editor, editor._colors.error_line) == [2]
    underlines = wavy_underlines(editor)
    assert len(underlines) == 1
    assert underlines[0].cursor.selectedText() == ","
    assert underlines[0].cursor.blockNumber() == 2


def test_fixing_error_clears_marks(editor: JsonEditor, qtbot: QtBot) -> None:
    move_to(editor, 3, 25)
    with qtbot.waitSignal(editor.problem_changed, timeout=WAIT_MS):
        qtbot.keyClicks(editor, ",")
    with qtbot.waitSignal(editor.problem_changed, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert blocker.args == [None]
    assert editor.problem() is None
    assert full_width_marks(editor, editor._colors.error_line) == []
    assert wavy_underlines(editor) == []


def test_gutter_shows_marker(editor: JsonEditor, qtbot: QtBot) -> None:
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_document_text('{\n  "a": 1,\n  "b": NaN\n}\n')
    assert editor.problem() is not None
    image = editor.grab().toImage()
    block = editor.document().findBlockByNumber(2)
    geometry = editor.blockBoundingGeometry(block).translated(editor.contentOffset())
    y = round(geometry.center().y()) + editor.contentsRect().top()
    error = editor._colors.error.rgb()

    def gutter_row(row_y: int) -> list[int]:
        return [image.pixel(x, row_y) for x in range(editor.gutter_width())]

    assert error in gutter_row(y)
    assert error not in gutter_row(y - 2 * round(geometry.height()))


def test_problem_column_after_emoji(editor: JsonEditor) -> None:
    editor.set_document_text('{"a": "💍💍", "b": NaN}')
    selection = wavy_underlines(editor)[0]
    underline = selection.cursor
    assert underline.selectedText() == "NaN"
    # Each emoji is two UTF-16 code units in the QTextDocument.
    assert underline.selectionStart() == len('{"a": "💍💍", "b": ') + 2


def test_jump_to_problem_moves_cursor(editor: JsonEditor) -> None:
    editor.set_document_text('{\n  "a": 1\n  "b": 2\n}')
    assert editor.problem() is not None
    assert editor.jump_to_problem()
    cursor = editor.textCursor()
    assert cursor.blockNumber() == 2
    assert cursor.positionInBlock() == 2
    editor.set_document_text("{}")
    assert not editor.jump_to_problem()


def test_set_document_text_validates_at_once(editor: JsonEditor) -> None:
    editor.set_document_text("")
    problem = editor.problem()
    assert problem is not None
    assert "{}" in problem.hint
    assert not editor.document().isUndoAvailable()


# Edit commands


def test_format_is_one_undo_step(editor: JsonEditor) -> None:
    compact = '{"b":1.50,"a":[1e400,{"x":null}]}'
    editor.set_document_text(compact)
    assert editor.format_document()
    formatted = jsondoc.format_document(compact)
    assert editor.document_text() == formatted
    assert editor.is_modified()
    editor.undo()
    assert editor.document_text() == compact
    assert not editor.is_modified()
    assert not editor.document().isUndoAvailable()
    editor.redo()
    assert editor.document_text() == formatted


def test_format_invalid_keeps_text(editor: JsonEditor, qtbot: QtBot) -> None:
    invalid = '{"a": [1, 2,]}'
    editor.set_document_text(invalid)
    assert not editor.format_document()
    assert editor.document_text() == invalid
    assert not editor.document().isUndoAvailable()
    problem = editor.problem()
    assert problem is not None
    assert problem.column == 12


def test_format_results_and_messages(editor: JsonEditor) -> None:
    assert editor.last_format_result is None
    editor.set_document_text('{"a":1}')
    assert editor.format_document()
    assert editor.last_format_result is FormatResult.FORMATTED
    assert editor.last_format_message == ""
    assert editor.format_document()
    assert editor.last_format_result is FormatResult.ALREADY_FORMATTED
    assert editor.last_format_message == ""

    editor.set_document_text('{"a": NaN}')
    assert not editor.format_document()
    assert editor.last_format_result is FormatResult.INVALID
    assert editor.last_format_message.startswith("Not formatted: Line 1, column 7:")

    editor.set_read_only(True, "Viewers cannot edit supplier documents.")
    assert not editor.format_document()
    assert editor.last_format_result is FormatResult.READ_ONLY
    assert editor.last_format_message == (
        "Not formatted: Viewers cannot edit supplier documents."
    )


def test_format_reports_too_large(editor: JsonEditor) -> None:
    text = deeply_nested_document()
    indented = jsondoc.format_document(text)
    assert len(indented.encode("utf-8")) > MAX_DOCUMENT_BYTES
    editor.set_document_text(text)
    displayed_text = editor.document_text()
    assert not editor.format_document()
    assert editor.last_format_result is FormatResult.TOO_LARGE
    size = f"{-(-len(indented.encode('utf-8')) * 10 // 2**20) / 10:g} MB"
    assert editor.last_format_message == (
        f"Not formatted: the formatted document would be {size}, "
        "over the 10 MB limit for a stored document."
    )
    assert editor.document_text() == displayed_text
    assert not editor.document().isUndoAvailable()


def test_format_keeps_separator_escapes(editor: JsonEditor) -> None:
    editor.set_document_text('{"note":"a\\u2029b","frame":"\\ufdd0"}')
    assert editor.format_document()
    expected = '{\n  "note": "a\\u2029b",\n  "frame": "\\ufdd0"\n}\n'
    assert editor.document_text() == expected
    assert editor.blockCount() == 5


def test_revert_is_undoable(editor: JsonEditor, qtbot: QtBot) -> None:
    move_to(editor, 2, 16)
    qtbot.keyClicks(editor, '"Gold"')
    edited = editor.document_text()
    assert editor.is_modified()
    with qtbot.waitSignal(editor.modified_changed, timeout=WAIT_MS) as blocker:
        editor.revert()
    assert blocker.args == [False]
    assert editor.document_text() == STORED
    assert not editor.is_modified()
    with qtbot.waitSignal(editor.modified_changed, timeout=WAIT_MS) as blocker:
        editor.undo()
    assert blocker.args == [True]
    assert editor.document_text() == edited


def test_modified_follows_edits(editor: JsonEditor, qtbot: QtBot) -> None:
    assert not editor.is_modified()
    with qtbot.waitSignal(editor.modified_changed, timeout=WAIT_MS) as blocker:
        qtbot.keyClicks(editor, " ")
    assert blocker.args == [True]
    assert editor.is_modified()
    with qtbot.waitSignal(editor.modified_changed, timeout=WAIT_MS) as blocker:
        editor.undo()
    assert blocker.args == [False]


def test_edit_undone_by_hand_is_unmodified(editor: JsonEditor, qtbot: QtBot) -> None:
    move_to(editor, 1, 2)
    qtbot.keyClicks(editor, "x")
    assert editor.is_modified()
    with qtbot.waitSignal(editor.modified_changed, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        assert not editor.is_modified()
    assert blocker.args == [False]


def test_mark_saved_clears_modified(editor: JsonEditor, qtbot: QtBot) -> None:
    qtbot.keyClicks(editor, " ")
    text = editor.document_text()
    with qtbot.waitSignal(editor.modified_changed, timeout=WAIT_MS) as blocker:
        editor.mark_saved(text)
    assert blocker.args == [False]
    assert not editor.is_modified()
    editor.revert()
    assert editor.document_text() == text


def test_set_document_text_clears_undo(editor: JsonEditor, qtbot: QtBot) -> None:
    qtbot.keyClicks(editor, " ")
    editor.set_document_text("{}")
    assert not editor.document().isUndoAvailable()
    assert not editor.is_modified()
    assert editor.document_text() == "{}"


def test_read_only_blocks_typing(editor: JsonEditor, qtbot: QtBot) -> None:
    editor.set_read_only(True, "Viewers cannot edit supplier documents.")
    qtbot.keyClicks(editor, "xyz")
    assert editor.document_text() == STORED
    assert editor.isReadOnly()
    assert editor.read_only_reason() == "Viewers cannot edit supplier documents."
    assert editor.toolTip() == "Viewers cannot edit supplier documents."
    assert not editor.format_document()
    editor.set_read_only(False, None)
    assert editor.read_only_reason() is None
    qtbot.keyClicks(editor, " ")
    assert editor.document_text() == " " + STORED


def test_shift_enter_inserts_line_break(editor: JsonEditor, qtbot: QtBot) -> None:
    move_to(editor, 2, 18)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    text = editor.document_text()
    assert "\u2028" not in text
    assert '"packages": [],\n    \n  "online_booking"' in text


def test_no_break_space_kept(editor: JsonEditor) -> None:
    text = '{"name": "Rose\u00a0& Co"}'
    editor.set_document_text(text)
    assert editor.document_text() == text
    assert not editor.is_modified()


def test_crlf_text_counts_unmodified(editor: JsonEditor) -> None:
    editor.set_document_text('{\r\n  "a": 1\r\n}\r\n')
    assert editor.document_text() == '{\n  "a": 1\n}\n'
    assert not editor.is_modified()


# Characters that QTextDocument turns into line breaks

SEPARATORS = '{"note": "a\u2029b", "line": "c\u2028d", "frame": "\ufdd0\ufdd1"}\n'


def test_separators_load_unmodified(editor: JsonEditor) -> None:
    editor.set_document_text(SEPARATORS)
    assert editor.document_text() == (
        '{"note": "a\\u2029b", "line": "c\\u2028d", "frame": "\\ufdd0\\ufdd1"}\n'
    )
    assert editor.blockCount() == 2
    assert not editor.is_modified()
    assert editor.problem() is None
    assert parse_document(editor.document_text()) == parse_document(SEPARATORS)


def test_separators_survive_edit(editor: JsonEditor, qtbot: QtBot) -> None:
    editor.set_document_text(SEPARATORS)
    move_to(editor, 1, 2)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, '"added": 1,')
    assert editor.is_modified()
    qtbot.waitUntil(lambda: not editor.validation_pending, timeout=WAIT_MS)
    assert editor.problem() is None
    value = parse_document(editor.document_text())
    assert value["note"] == "a\u2029b"
    assert value["line"] == "c\u2028d"
    assert value["frame"] == "\ufdd0\ufdd1"
    assert value["added"] == jsondoc.JsonNumber("1")


def test_save_keeps_separators(
    editor: JsonEditor, qtbot: QtBot, service: WorkspaceService
) -> None:
    supplier_id = service.create_supplier(SupplierDraft("Paragraph Cakes"))
    stored = service.save_documents(supplier_id, feature_config=SEPARATORS)
    editor.set_document_text(stored.feature_config)
    move_to(editor, 1, 2)
    qtbot.keyClicks(editor, " ")
    saved = service.save_documents(supplier_id, feature_config=editor.document_text())
    with qtbot.waitSignal(editor.modified_changed, timeout=WAIT_MS) as blocker:
        editor.mark_saved(saved.feature_config)
    assert blocker.args == [False]
    assert not editor.is_modified()
    reloaded = service.get_supplier(supplier_id).feature_config
    assert parse_document(reloaded) == parse_document(SEPARATORS)


def test_mark_saved_escapes_separators(editor: JsonEditor, qtbot: QtBot) -> None:
    editor.set_document_text(SEPARATORS)
    move_to(editor, 1, 2)
    qtbot.keyClicks(editor, " ")
    assert editor.is_modified()
    # Another writer may store the same value with the literal characters.
    editor.mark_saved("{ " + SEPARATORS[1:])
    assert not editor.is_modified()
    editor.revert()
    assert editor.document_text() == "{ " + escaped(SEPARATORS)[1:]


def test_invalid_text_keeps_separators(editor: JsonEditor) -> None:
    editor.set_document_text('{"a": "x\u2029y')
    assert editor.document_text() == '{"a": "x\\u2029y'
    assert editor.blockCount() == 1
    problem = editor.problem()
    assert problem is not None
    assert "not closed" in problem.message


def test_paste_escapes_separators(editor: JsonEditor) -> None:
    data = QMimeData()
    data.setText('{"a": "x\u2029y"}')
    editor.selectAll()
    editor.insertFromMimeData(data)
    assert editor.document_text() == '{"a": "x\\u2029y"}'
    assert editor.blockCount() == 1


# Documents on one long line


def test_long_line_loads_formatted(editor: JsonEditor, qtbot: QtBot) -> None:
    text = one_line_document(3 * 1024 * 1024)
    editor.set_document_text(text)
    assert editor.loaded_reformatted
    assert editor.document_text() == escaped(jsondoc.format_document(text))
    assert editor.blockCount() > 100_000
    assert not editor.is_modified()
    assert not editor.document().isUndoAvailable()
    assert parse_document(editor.document_text()) == parse_document(text)
    qtbot.waitUntil(lambda: not editor.validation_pending, timeout=WAIT_MS)
    assert editor.problem() is None


def test_mark_saved_keeps_formatted_form(
    editor: JsonEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = one_line_document(100_000)
    editor.set_document_text(text)
    displayed_text = editor.document_text()
    dumps_calls: list[object] = []

    def counting_dumps(value: object, indent: int | None = None) -> str:
        dumps_calls.append(value)
        return jsondoc.dumps(value, indent=indent)

    monkeypatch.setattr(json_text, "dumps", counting_dumps)
    # The window marks every document saved after saving any of them.
    editor.mark_saved(text)
    assert dumps_calls == []
    assert editor.loaded_reformatted
    assert not editor.is_modified()
    move_to(editor, 2, 1)
    qtbot.keyClicks(editor, "x")
    assert editor.is_modified()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert not editor.is_modified()
    qtbot.keyClicks(editor, "x")
    editor.revert()
    assert editor.document_text() == displayed_text


def test_mark_saved_keeps_pasted_long_line(editor: JsonEditor) -> None:
    data = QMimeData()
    data.setText(one_line_document(100_000))
    editor.selectAll()
    editor.insertFromMimeData(data)
    pasted = editor.document_text()
    editor.mark_saved(pasted)
    assert not editor.is_modified()
    assert not editor.loaded_reformatted
    assert editor.blockCount() == 1


@pytest.mark.parametrize(
    ("ending", "message", "parse_calls"),
    [
        # The json module's scanner rejects this text before parse_document.
        ("", "The document ends before the object", 0),
        (',"price":NaN}', 'The value of "price" is NaN', 1),
    ],
    ids=["unclosed", "nan"],
)
def test_invalid_long_line_loads_as_is(
    editor: JsonEditor,
    monkeypatch: pytest.MonkeyPatch,
    ending: str,
    message: str,
    parse_calls: int,
) -> None:
    calls: list[str] = []

    def counting_parse(text: str) -> dict[str, object]:
        calls.append(text)
        return parse_document(text)

    monkeypatch.setattr(json_text, "parse_document", counting_parse)
    text = one_line_document(100_000)[:-1] + ending
    editor.set_document_text(text)
    assert not editor.loaded_reformatted
    assert editor.document_text() == escaped(text)
    assert editor.blockCount() == 1
    assert not editor.is_modified()
    assert len(calls) == parse_calls
    problem = editor.problem()
    assert problem is not None
    assert problem.message.startswith(message)


def string_line(length: int) -> str:
    """Return a one-line document of exactly length characters."""
    return '{"a": "' + "x" * (length - len('{"a": ""}')) + '"}'


@pytest.mark.parametrize(
    ("text", "reformatted"),
    [
        (large_document(HIGHLIGHT_MAX_CHARS + 1000), False),
        (string_line(LONG_LINE_CHARS), False),
        (string_line(LONG_LINE_CHARS + 1), True),
        # Each U+2028 is displayed_text as 6 characters, so this line is too long.
        ('{"a": "' + "\u2028" * (LONG_LINE_CHARS // 6) + '"}', True),
    ],
    ids=["short_lines", "line_at_limit", "line_over_limit", "escapes_over_limit"],
)
def test_line_length_decides_reformat(
    editor: JsonEditor, text: str, reformatted: bool
) -> None:
    editor.set_document_text(text)
    assert editor.loaded_reformatted is reformatted
    assert parse_document(editor.document_text()) == parse_document(text)
    assert not editor.is_modified()


def test_small_document_reformatted(editor: JsonEditor) -> None:
    text = string_line(LONG_LINE_CHARS + 1)
    editor.set_document_text(text)
    assert editor.document_text() == jsondoc.format_document(text)
    assert editor.blockCount() == 4
    assert editor.highlighting_enabled


def test_long_line_falls_back_to_compact(editor: JsonEditor) -> None:
    text = deeply_nested_document()
    editor.set_document_text(text)
    assert editor.loaded_reformatted
    compact = jsondoc.dumps(parse_document(text), indent=0) + "\n"
    assert editor.document_text() == compact
    assert editor.blockCount() == 100_000 + 2 * 48 + 1
    assert not editor.is_modified()


def test_long_line_over_limit_as_is(
    editor: JsonEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = one_line_document(100_000)
    monkeypatch.setattr(json_text, "MAX_DOCUMENT_BYTES", len(text.encode("utf-8")))
    editor.set_document_text(text)
    assert not editor.loaded_reformatted
    assert editor.document_text() == escaped(text)
    assert editor.blockCount() == 1


def test_load_file_formats_long_line(
    editor: JsonEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    text = one_line_document(100_000)
    path = tmp_path / "payload.json"
    path.write_text(text, encoding="utf-8")
    editor.load_file(path)
    assert editor.loaded_reformatted
    assert editor.document_text() == escaped(jsondoc.format_document(text))
    assert editor.is_modified()
    editor.undo()
    assert editor.document_text() == STORED
    assert len(text) > LONG_LINE_CHARS


# Loading files


def test_load_file_strips_bom(editor: JsonEditor, tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_bytes(codecs.BOM_UTF8 + b'{"availability": {}}')
    editor.load_file(path)
    assert editor.document_text() == '{"availability": {}}'
    assert editor.is_modified()
    editor.undo()
    assert editor.document_text() == STORED
    assert not editor.is_modified()


def test_load_file_rejects_bad_utf8(editor: JsonEditor, tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"a": "caf\xe9"}')
    with pytest.raises(JsonDocumentError) as raised:
        editor.load_file(path)
    assert "byte offset 10" in raised.value.problem.message
    assert editor.document_text() == STORED
    with pytest.raises(OSError):
        editor.load_file(tmp_path / "missing.json")


def test_load_file_escapes_separators(editor: JsonEditor, tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text(SEPARATORS, encoding="utf-8")
    editor.load_file(path)
    assert editor.document_text() == escaped(SEPARATORS)
    assert editor.blockCount() == 2
    assert not editor.loaded_reformatted


def test_load_file_read_only(editor: JsonEditor, tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text("{}", encoding="utf-8")
    editor.set_read_only(True, "Only the owner may edit.")
    with pytest.raises(PermissionError, match="Only the owner may edit"):
        editor.load_file(path)
    assert editor.document_text() == STORED


# Font


def test_font_follows_app_font(
    editor: JsonEditor, qtbot: QtBot, app_font: QFont
) -> None:
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert editor.font().families() == fixed.families()
    assert editor.font().pointSize() == app_font.pointSize()
    narrow_gutter = editor.gutter_width()

    set_app_font_size(qtbot, editor, app_font.pointSize() + 8)
    assert editor.font().families() == fixed.families()
    assert QFontInfo(editor.font()).fixedPitch()
    assert editor.document().defaultFont().pointSize() == app_font.pointSize() + 8
    assert editor.gutter_width() > narrow_gutter
    assert editor._gutter.width() == editor.gutter_width()
    assert editor.viewportMargins().left() == editor.gutter_width()


def test_new_editor_uses_inherited_size(qtbot: QtBot, app_font: QFont) -> None:
    font = QFont(app_font)
    font.setPointSize(16)
    QApplication.setFont(font)
    parent = QWidget()
    qtbot.addWidget(parent)
    editor = JsonEditor(parent)
    assert editor.font().pointSize() == 16
    larger = QFont(parent.font())
    larger.setPointSize(20)
    parent.setFont(larger)
    assert editor.font().pointSize() == 20
    assert editor._gutter.width() == editor.gutter_width()


# Palette and highlighting


def test_dark_palette_recolours(editor: JsonEditor) -> None:
    editor.setPalette(make_palette(LIGHT))
    light = {kind: editor._highlighter.color(kind) for kind in TokenKind}
    light_key = key_color(editor, 2)
    light_error = editor._colors.error
    editor.setPalette(make_palette(DARK))
    dark = {kind: editor._highlighter.color(kind) for kind in TokenKind}
    assert key_color(editor, 2) == dark[TokenKind.KEY]
    assert light_key == light[TokenKind.KEY]
    assert editor._colors.error != light_error
    for kind in TokenKind:
        assert dark[kind] != light[kind], kind
        minimum = 3.0 if kind is TokenKind.PUNCTUATION else 4.5
        assert contrast_ratio(light[kind], QColor(LIGHT["Base"])) >= minimum, kind
        assert contrast_ratio(dark[kind], QColor(DARK["Base"])) >= minimum, kind
    assert contrast_ratio(editor._colors.error, QColor(DARK["Base"])) >= 4.5


def test_highlighting_off_above_limit(editor: JsonEditor, qtbot: QtBot) -> None:
    assert editor.highlighting_enabled
    editor.set_document_text(large_document(HIGHLIGHT_MAX_CHARS + 1000))
    assert not editor.highlighting_enabled
    assert editor.document().firstBlock().layout().formats() == []
    editor.set_document_text(STORED)
    assert editor.highlighting_enabled
    second_line = editor.document().firstBlock().next()
    qtbot.waitUntil(lambda: second_line.layout().formats() != [], timeout=WAIT_MS)


def test_paste_of_large_text_disables_highlighting(editor: JsonEditor) -> None:
    data = QMimeData()
    data.setText(large_document(HIGHLIGHT_MAX_CHARS + 1000))
    editor.selectAll()
    editor.insertFromMimeData(data)
    assert not editor.highlighting_enabled


# Validation off the GUI thread


def test_large_text_validates_off_thread(
    editor: JsonEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []

    def recording_validate(text: str) -> JsonProblem | None:
        threads.append(threading.current_thread())
        return jsondoc.validate_document(text)

    monkeypatch.setattr(json_editor, "validate_document", recording_validate)
    monkeypatch.setattr(json_validation, "validate_document", recording_validate)
    text = large_document(2 * 1024 * 1024)
    editor.set_document_text(text)
    qtbot.waitUntil(lambda: not editor.validation_pending, timeout=WAIT_MS)
    assert editor.problem() is None
    assert threads
    assert threading.main_thread() not in threads

    broken = text.replace("    {}\n  ]", "    {},\n  ]")
    with qtbot.waitSignal(editor.problem_changed, timeout=WAIT_MS) as blocker:
        editor.set_document_text(broken)
    problem = blocker.args[0]
    assert problem is not None
    assert problem.line == broken.count("\n") - 2
    assert full_width_marks(editor, editor._colors.error_line) == [problem.line - 1]


def test_stale_result_discarded(
    editor: JsonEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    started = threading.Event()

    def slow_validate(text: str) -> JsonProblem | None:
        if len(text) > json_editor.INLINE_VALIDATION_MAX_CHARS:
            started.set()
            release.wait(WAIT_MS / 1000)
        return jsondoc.validate_document(text)

    monkeypatch.setattr(json_editor, "validate_document", slow_validate)
    monkeypatch.setattr(json_validation, "validate_document", slow_validate)
    big_invalid = large_document(500_000) + "trailing text"
    editor.set_document_text(big_invalid)
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    editor.set_document_text('{"valid": true}')
    assert editor.problem() is None
    release.set()
    # validation_pending stays True until the stale result has been handled.
    qtbot.waitUntil(lambda: not editor.validation_pending, timeout=WAIT_MS)
    assert editor.problem() is None


def test_typing_during_validation_revalidates(
    editor: JsonEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    calls: list[str] = []

    def slow_validate(text: str) -> JsonProblem | None:
        calls.append(text[-20:])
        release.wait(WAIT_MS / 1000)
        return jsondoc.validate_document(text)

    monkeypatch.setattr(json_editor, "validate_document", slow_validate)
    monkeypatch.setattr(json_validation, "validate_document", slow_validate)
    editor.set_document_text(large_document(300_000))
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=WAIT_MS)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "x")
    release.set()
    with qtbot.waitSignal(editor.problem_changed, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args[0] is not None
    assert "more text after" in blocker.args[0].message
    qtbot.waitUntil(lambda: not editor.validation_pending, timeout=WAIT_MS)
    assert len(calls) == 2


def test_revert_clears_error_at_once(editor: JsonEditor, qtbot: QtBot) -> None:
    editor.selectAll()
    qtbot.keyClicks(editor, '{"a": NaN}')
    qtbot.waitUntil(lambda: editor.problem() is not None, timeout=WAIT_MS)
    editor.revert()
    assert editor.problem() is None
    assert editor.document_text() == STORED
